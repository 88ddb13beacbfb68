import type { Affine } from '../pipeline/types';
import { cropSpec } from '../pipeline/crop';
import type { FaceMask } from '../pipeline/heatmap';
import { maskToRgba } from './colormap';

export interface DrawableFace {
  mask?: FaceMask;
  toImage: Affine;
  probability: number;
}

/**
 * Draws each face's mask through its crop transform, so the heatmap lands exactly on the face;
 * the context's coordinates are the analysed image's pixels.
 */
export function drawHeat(context: CanvasRenderingContext2D, faces: DrawableFace[]): void {
  context.imageSmoothingEnabled = true;
  const base = context.getTransform();
  for (const face of faces) {
    if (!face.mask) continue;
    const tile = new OffscreenCanvas(face.mask.size, face.mask.size);
    tile.getContext('2d')!.putImageData(maskToRgba(face.mask, face.probability), 0, 0);
    const k = cropSpec.outputSize / face.mask.size;
    const [a, b, c, d, e, f] = face.toImage;
    context.setTransform(base.multiply(new DOMMatrix([a * k, d * k, b * k, e * k, c, f])));
    context.drawImage(tile, 0, 0);
  }
  context.setTransform(base);
}
