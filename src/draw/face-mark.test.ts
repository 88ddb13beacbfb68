import { describe, expect, it } from 'vitest';
import { drawnBox } from './face-mark';

describe('drawnBox', () => {
  it('cuts a box that runs past a tight crop to the picture', () => {
    expect(drawnBox({ x: -10, y: -20, width: 240, height: 260 }, 224, 224)).toEqual({ x: 0, y: 0, width: 224, height: 224 });
  });

  it('leaves a box inside the picture as it is', () => {
    expect(drawnBox({ x: 50, y: 100, width: 80, height: 90 }, 400, 300)).toEqual({ x: 50, y: 100, width: 80, height: 90 });
  });
});
