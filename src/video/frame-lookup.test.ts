import { describe, expect, it } from 'vitest';
import { frameAt, frameValidity } from './frame-lookup';

const frames = [0, 0.2, 0.4, 1.4].map((time, index) => ({ index, time, faces: [] }));

describe('frameAt', () => {
  it('finds the analysed frame on screen, tolerating player rounding', () => {
    expect(frameAt(frames, 0.2, 0.3)?.index).toBe(1);
    expect(frameAt(frames, 0.1999995, 0.3)?.index).toBe(1);
    expect(frameAt(frames, 0.35, 0.3)?.index).toBe(1);
  });

  it('shows nothing before the first frame or where no frame was analysed', () => {
    expect(frameAt([], 1, 0.3)).toBeUndefined();
    expect(frameAt(frames.slice(1), 0.1, 0.3)).toBeUndefined();
    expect(frameAt(frames, 1.0, 0.3)).toBeUndefined();
    expect(frameAt(frames, 1.5, 0.3)?.index).toBe(3);
  });

  it('lets one frame stand for one sampling interval', () => {
    expect(frameValidity(5, 30)).toBeCloseTo(0.3);
    expect(frameValidity(null, 25)).toBeCloseTo(0.06);
  });
});
