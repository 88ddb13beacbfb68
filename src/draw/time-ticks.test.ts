import { describe, expect, it } from 'vitest';
import { tickLabel, timeTicks } from './time-ticks';

describe('timeline ticks', () => {
  it('picks a round step that gives at most the asked number of ticks', () => {
    expect(timeTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(timeTicks(2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(timeTicks(600)).toEqual([0, 120, 240, 360, 480, 600]);
    expect(timeTicks(37, 5)).toEqual([0, 10, 20, 30]);
    expect(timeTicks(0)).toEqual([0]);
  });

  it('labels minutes and seconds', () => {
    expect([0, 2.5, 65, 600].map(tickLabel)).toEqual(['0:00', '0:02.5', '1:05', '10:00']);
  });
});
