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
 * Repaints the heatmap canvas (sized as the analysed image): each face's mask drawn through its
 * crop transform, so the heat lands exactly on the face.
 */
export function paintHeatmap(canvas: HTMLCanvasElement, faces: DrawableFace[]): void {
  const context = canvas.getContext('2d')!;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
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
