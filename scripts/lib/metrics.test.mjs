import { describe, expect, it } from 'vitest';
import { accuracy, auc, bandShares, eer, heatShares, median, summarizeRun, videoSpeed } from './metrics.mjs';

describe('metrics', () => {
  it('computes AUC with ties', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75);
    expect(auc([0.5, 0.5], [0, 1])).toBeCloseTo(0.5);
    expect(auc([0.5], [1])).toBeNull();
  });
  it('computes EER and accuracy', () => {
    expect(eer([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(0);
    expect(accuracy([0.1, 0.6, 0.4, 0.9], [0, 0, 1, 1], 0.5)).toBe(0.5);
  });
  it('takes the upper median without reordering its input', () => {
    const values = [5, 1, 3, 2];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3, 2]);
  });
  it('measures a video analysis against the video\'s own length', () => {
    const speed = videoSpeed({
      start: { info: { duration: 10 } },
      end: { progress: { framesDone: 50, elapsedMs: 5000, mediaTime: 9.8 }, timings: { detect: 1234, segment: 500 } },
    });
    expect(speed).toEqual({ frames: 50, wallSeconds: 5, framesPerSecond: 10, realtimeFactor: 2, msPerFrame: { detect: 24.7, segment: 10 } });
  });
  it('counts each label\'s files in each band or above, leaving out files with no assessed face', () => {
    const files = ['none', 'weak', 'moderate', 'strong', 'na'].map((band) => ({ label: 'real', band }));
    expect(bandShares([...files, { label: 'fake', band: 'strong' }])).toEqual({
      real: { weak: 0.75, moderate: 0.5, strong: 0.25, n: 4 },
      fake: { weak: 1, moderate: 1, strong: 1, n: 1 },
    });
  });
  it("counts each label's files with heat over at least 5 % of the face, leaving out files without heat", () => {
    const files = [0, 0.049, 0.05, 0.4].map((heatArea) => ({ label: 'real', heatArea }));
    expect(heatShares([...files, { label: 'fake', heatArea: 0.3 }, { label: 'fake' }])).toEqual({
      real: { atLeast5pc: 0.5, n: 4 },
      fake: { atLeast5pc: 1, n: 1 },
    });
  });
  it('counts files without a face separately', () => {
    const m = summarizeRun([
      { label: 'real', score: 0.2, error: null }, { label: 'fake', score: 0.9, error: null },
      { label: 'fake', score: null, error: null }, { label: 'fake', score: null, error: 'broken' },
    ], 0.5);
    expect(m).toEqual({ auc: 1, eer: 0, accuracy: 1, n: 2, noFace: 1 });
  });
});
