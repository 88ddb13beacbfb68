import { describe, expect, it } from 'vitest';
import { drawnBox } from './face-mark';

describe('drawnBox', () => {
  it('cuts a box that runs past a tight crop to the picture, and puts its label inside where there is no room above', () => {
    const drawn = drawnBox({ x: -10, y: -20, width: 240, height: 260 }, 224, 224, 40);
    expect(drawn).toMatchObject({ x: 0, y: 0, width: 224, height: 224 });
    expect(drawn.labelY).toBeGreaterThanOrEqual(40);
  });

  it('leaves a box inside the picture as it is, its label above it', () => {
    const drawn = drawnBox({ x: 50, y: 100, width: 80, height: 90 }, 400, 300, 18);
    expect(drawn).toMatchObject({ x: 50, y: 100, width: 80, height: 90 });
    expect(drawn.labelY).toBeLessThan(100);
  });
});
