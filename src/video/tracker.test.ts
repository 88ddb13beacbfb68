import { describe, expect, it } from 'vitest';
import { continuity, FaceTracker } from './tracker';

const box = (x: number, y: number, side = 100) => ({ x, y, width: side, height: side });

describe('FaceTracker', () => {
  it('keeps one id per person while they move, and separates two people', () => {
    const tracker = new FaceTracker();
    expect(tracker.assign(0, [box(0, 0), box(500, 0)])).toEqual([1, 2]);
    expect(tracker.assign(0.2, [box(530, 10), box(40, 5)])).toEqual([2, 1]);
    expect(tracker.assign(0.4, [box(80, 10)])).toEqual([1]);
  });

  it('bridges a short miss, reacquires a face hidden for a few seconds, but starts a new track after a long absence', () => {
    const tracker = new FaceTracker(1, 4);
    tracker.assign(0, [box(0, 0)]);
    expect(tracker.assign(0.8, [box(10, 0)])).toEqual([1]);
    expect(tracker.live(1.5)).toHaveLength(1);
    expect(tracker.live(2)).toHaveLength(0);
    expect(tracker.assign(2.5, [box(10, 0)])).toEqual([1]);
    expect(tracker.assign(7, [box(10, 0)])).toEqual([2]);
  });

  it('reacquires a face first boxed with the hands around it after a miss', () => {
    const tracker = new FaceTracker(1, 4);
    tracker.assign(0, [box(360, 345, 90)]);
    expect(tracker.assign(3.2, [box(325, 350, 185)])).toEqual([1]);
    expect(tracker.assign(3.4, [box(354, 343, 117)])).toEqual([1]);
  });

  it('matches a face to the person seen a moment ago before one lost earlier at the same place', () => {
    const tracker = new FaceTracker(1, 4);
    expect(tracker.assign(0, [box(0, 0), box(90, 0)])).toEqual([1, 2]);
    expect(tracker.assign(2, [box(90, 0)])).toEqual([2]);
    // Halfway between where person 1 was lost and where person 2 is: person 2.
    expect(tracker.assign(2.5, [box(45, 0)])).toEqual([2]);
  });

  it('does not join faces of very different size or far apart', () => {
    expect(continuity(box(0, 0, 100), box(0, 0, 300))).toBe(0);
    expect(continuity(box(0, 0, 100), box(250, 0, 100))).toBe(0);
    expect(continuity(box(0, 0, 100), box(10, 0, 100))).toBeGreaterThan(continuity(box(0, 0, 100), box(60, 0, 100)));
  });
});
