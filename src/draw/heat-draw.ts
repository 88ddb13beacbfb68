import { isAssessable, type FaceResult } from '../pipeline/analysis';
import type { Affine } from '../pipeline/types';
import { cropSpec } from '../pipeline/crop';
import { evidenceBand } from '../pipeline/evidence';
import { faceHeatStrength, type FaceHeat } from '../pipeline/heatmap';
import type { VideoFace } from '../video/types';
import { heatToRgba } from './colormap';

export interface DrawableFace {
  heat?: FaceHeat;
  toImage: Affine;
  /** pipeline/heatmap.ts faceHeatStrength: by the face's band, 0 for a face too small to assess. */
  strength: number;
}

export function drawableFace(face: FaceResult): DrawableFace {
  return { heat: face.heat, toImage: face.toImage, strength: faceHeatStrength(face.band, face.assessable) };
}

/** A video face's byte heat (0-255) as the 0-1 heat the heatmap draws. */
export function drawableVideoFace(face: VideoFace): DrawableFace {
  const heat = face.heat && { size: face.heat.size, data: Float32Array.from(face.heat.data, (v) => v / 255) };
  return { heat, toImage: face.toImage, strength: faceHeatStrength(evidenceBand(face.probability), isAssessable(face.box)) };
}

/**
 * Canvas pixels per image pixel that show all a photo's heat holds: each face's heat has `heat.size` samples across its
 * crop, so twice that over the smallest drawn face's crop is enough, and the page's smoothing does the rest. A canvas
 * the size of the photo took up to 64 MB for a few 64x64 maps, and its first drawing 33 ms of a photo's 200 here.
 */
export function heatCanvasScale(faces: DrawableFace[]): number {
  let scale = 0;
  for (const { heat, strength, toImage: [a, b, , d, e] } of faces) {
    if (!heat || strength === 0) continue;
    const cropSide = cropSpec.outputSize * Math.sqrt(Math.abs(a * e - b * d));
    scale = Math.max(scale, (2 * heat.size) / cropSide);
  }
  return Math.min(1, scale);
}

/**
 * Repaints a heatmap canvas (over the analysed image, on screen or in the exported video): each face's heat drawn
 * through its crop transform, so the heat lands exactly on the face; `scale`: canvas pixels per image pixel.
 */
export function paintHeatmap(
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, faces: DrawableFace[], scale = { x: 1, y: 1 },
): void {
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
  context.imageSmoothingEnabled = true;
  for (const face of faces) {
    if (!face.heat || face.strength === 0) continue;
    const tile = new OffscreenCanvas(face.heat.size, face.heat.size);
    tile.getContext('2d')!.putImageData(heatToRgba(face.heat, face.strength), 0, 0);
    const k = cropSpec.outputSize / face.heat.size;
    const [a, b, c, d, e, f] = face.toImage;
    context.setTransform(scale.x * a * k, scale.y * d * k, scale.x * b * k, scale.y * e * k, scale.x * c, scale.y * f);
    context.drawImage(tile, 0, 0);
  }
  context.setTransform(1, 0, 0, 1, 0, 0);
}
