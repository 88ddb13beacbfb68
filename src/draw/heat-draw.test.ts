import { describe, expect, it } from 'vitest';
import { cropSpec } from '../pipeline/crop';
import type { Affine } from '../pipeline/types';
import { heatCanvasScale, type DrawableFace } from './heat-draw';

/** A face whose crop covers `imagePxPerCropPx` image pixels per crop pixel, with a 64x64 heat. */
function face(imagePxPerCropPx: number, strength = 1): DrawableFace {
  const toImage: Affine = [imagePxPerCropPx, 0, 100, 0, imagePxPerCropPx, 50];
  return { heat: { size: 64, data: new Float32Array(64 * 64) }, toImage, strength };
}

describe('heatCanvasScale', () => {
  it("gives the smallest drawn face's crop twice its heat's samples, never more than the image's pixels", () => {
    const crop = cropSpec.outputSize;
    expect(heatCanvasScale([face(512 / crop)])).toBeCloseTo(128 / 512);
    expect(heatCanvasScale([face(512 / crop), face(256 / crop)])).toBeCloseTo(128 / 256);
    expect(heatCanvasScale([face(64 / crop)])).toBe(1);
  });

  it('ignores faces drawn without heat: too small to assess, below weak, or with no map', () => {
    const crop = cropSpec.outputSize;
    expect(heatCanvasScale([face(512 / crop), face(64 / crop, 0)])).toBeCloseTo(128 / 512);
    expect(heatCanvasScale([{ toImage: [1, 0, 0, 0, 1, 0], strength: 1 }])).toBe(0);
    expect(heatCanvasScale([])).toBe(0);
  });

  it('measures a rotated crop by its scale, not its axes', () => {
    const crop = cropSpec.outputSize;
    const s = 512 / crop;
    const turned: DrawableFace = { ...face(s), toImage: [s * Math.cos(0.5), -s * Math.sin(0.5), 0, s * Math.sin(0.5), s * Math.cos(0.5), 0] };
    expect(heatCanvasScale([turned])).toBeCloseTo(128 / 512);
  });
});
