import { describe, expect, it } from 'vitest';
import { chooseSampleFps } from './sampling';

describe('chooseSampleFps', () => {
  it('keeps an explicit choice', () => {
    expect(chooseSampleFps(5, { fps: 30 }, 1000)).toBe(5);
    expect(chooseSampleFps(null, { fps: 30 }, 1000)).toBeNull();
  });

  it('scores every frame when the device keeps up, else the highest rate that does', () => {
    expect(chooseSampleFps('auto', { fps: 30 }, 30)).toBeNull();
    expect(chooseSampleFps('auto', { fps: 30 }, 90)).toBe(10);
    expect(chooseSampleFps('auto', { fps: 30 }, 250)).toBe(3);
    expect(chooseSampleFps('auto', { fps: 30 }, 2000)).toBe(2);
    expect(chooseSampleFps('auto', { fps: null }, 40)).toBe(15);
  });
});
