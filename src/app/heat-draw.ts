import type { Affine } from '../pipeline/types';
import { cropSpec } from '../pipeline/crop';
import type { FaceMask } from '../pipeline/heatmap';
import type { VideoFace } from '../video/types';
import { maskToRgba } from './colormap';

export interface DrawableFace {
  mask?: FaceMask;
  toImage: Affine;
  probability: number;
}

/** A video face's byte mask (0-255) as the 0-1 mask the heatmap draws. */
export function drawableVideoFace(face: VideoFace): DrawableFace {
  const mask = face.mask && { size: face.mask.size, data: Float32Array.from(face.mask.data, (v) => v / 255) };
  return { mask, toImage: face.toImage, probability: face.probability };
}

/**
 * Repaints a heatmap canvas (sized as the analysed image, on screen or in the exported video):
 * each face's mask drawn through its crop transform, so the heat lands exactly on the face.
 */
export function paintHeatmap(context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, faces: DrawableFace[]): void {
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
  context.imageSmoothingEnabled = true;
  for (const face of faces) {
    if (!face.mask) continue;
    const tile = new OffscreenCanvas(face.mask.size, face.mask.size);
    tile.getContext('2d')!.putImageData(maskToRgba(face.mask, face.probability), 0, 0);
    const k = cropSpec.outputSize / face.mask.size;
    const [a, b, c, d, e, f] = face.toImage;
    context.setTransform(a * k, d * k, b * k, e * k, c, f);
    context.drawImage(tile, 0, 0);
  }
  context.setTransform(1, 0, 0, 1, 0, 0);
}
