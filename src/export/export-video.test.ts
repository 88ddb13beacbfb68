import { describe, expect, it } from 'vitest';
import { secondsLeft } from './export-video';

describe('secondsLeft', () => {
  it('extrapolates the speed so far', () => {
    expect(secondsLeft(0.25, 10_000)).toBeCloseTo(30);
    expect(secondsLeft(1, 10_000)).toBe(0);
  });

  it('says nothing before there is a speed to go by', () => {
    expect(secondsLeft(0.01, 500)).toBeNull();
  });
});
