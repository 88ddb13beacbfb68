import { describe, expect, it } from 'vitest';
import { ScoreSchedule } from './score-schedule';

describe('ScoreSchedule', () => {
  it("scores a person's first frame, then one frame per interval, and any frame where the classifier jumps", () => {
    const schedule = new ScoreSchedule(0.2, 0.25);
    const run = (trackId: number, time: number, classifier: number) => {
      const due = schedule.due(trackId, time, classifier);
      if (due) schedule.scored(trackId, time, classifier);
      return due;
    };
    expect(run(1, 0, 0.5)).toBe(true);
    expect(run(1, 1 / 30, 0.51)).toBe(false);
    // A second person is scored on their own first frame, whatever the first's schedule.
    expect(run(2, 1 / 30, 0.5)).toBe(true);
    // logit(0.58) - logit(0.5) = 0.32: a jump.
    expect(run(1, 2 / 30, 0.58)).toBe(true);
    expect(run(1, 3 / 30, 0.57)).toBe(false);
    // 0.2 s after the last scored frame, within the container's rounding.
    expect(run(1, 2 / 30 + 0.1995, 0.57)).toBe(true);
  });
});
