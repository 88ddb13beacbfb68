import { describe, expect, it } from 'vitest';
import { chooseSampleFps } from './sampling';

describe('chooseSampleFps', () => {
  it('keeps an explicit choice', () => {
    expect(chooseSampleFps(5, { fps: 30, duration: 1 }, 1000)).toBe(5);
    expect(chooseSampleFps(null, { fps: 30, duration: 60 }, 1000)).toBeNull();
  });

  it('scores every frame when the device keeps up, else the highest rate that does', () => {
    expect(chooseSampleFps('auto', { fps: 30, duration: 60 }, 30)).toBeNull();
    expect(chooseSampleFps('auto', { fps: 30, duration: 60 }, 90)).toBe(10);
    expect(chooseSampleFps('auto', { fps: 30, duration: 60 }, 250)).toBe(3);
    expect(chooseSampleFps('auto', { fps: 30, duration: null }, 2000)).toBe(2);
    expect(chooseSampleFps('auto', { fps: null, duration: 60 }, 40)).toBe(15);
  });

  it('gives a short clip enough frames for a person to count, however slow the device', () => {
    expect(chooseSampleFps('auto', { fps: 60, duration: 1 }, 2000)).toBe(8);
    expect(chooseSampleFps('auto', { fps: 30, duration: 2 }, 2000)).toBe(4);
    expect(chooseSampleFps('auto', { fps: 5, duration: 1 }, 2000)).toBeNull();
    expect(chooseSampleFps('auto', { fps: 30, duration: 10 }, 2000)).toBe(2);
  });
});
