import { cropSpec, invertAffine } from './crop';
import type { EvidenceBand } from './evidence';
import type { Affine } from './types';

/**
 * Where the multi-task net sees evidence on a face (its graph's `heat` output): its manipulation mask, and where the mask
 * is unsure, the classifier's own class activation map, each location's probability of manipulation (models/train/export.py).
 */
export interface FaceHeat {
  /** Side of the square map; it covers the whole face crop. */
  size: number;
  /** Row-major values in [0, 1]. */
  data: Float32Array;
}

/**
 * How strongly a face's heat is drawn, by its band: none below weak (heat over a face the models found no evidence on
 * would point at nothing), at weak in the legend's lower half only, in full from moderate up.
 */
export const heatStrength: Record<EvidenceBand, number> = { none: 0, weak: 0.5, moderate: 1, strong: 1 };

/** A face's heat strength: its band's, and none for a face too small to assess (it has no score). */
export function faceHeatStrength(band: EvidenceBand, assessable: boolean): number {
  return assessable ? heatStrength[band] : 0;
}

/** The legend's midpoint: heat drawn above it is in the legend's "likely manipulated" half. */
export const heatLegendMidpoint = 0.5;

/** The share of the face crop where the heat, drawn at `strength`, is above the legend's midpoint. */
export function heatArea(heat: FaceHeat, strength: number): number {
  let above = 0;
  for (const value of heat.data) if (value * strength > heatLegendMidpoint) above++;
  return above / heat.data.length;
}

/**
 * Renders faces' heat into one image-sized map (the maximum where faces overlap), sampling each face's map
 * bilinearly through the inverse of its crop transform.
 */
export function heatToImage(faces: { heat: FaceHeat; toImage: Affine }[], width: number, height: number): Float32Array {
  const image = new Float32Array(width * height);
  for (const { heat, toImage } of faces) {
    const toCrop = invertAffine(toImage);
    const mapPerCrop = heat.size / cropSpec.outputSize;
    const corners = [[0, 0], [cropSpec.outputSize, 0], [0, cropSpec.outputSize], [cropSpec.outputSize, cropSpec.outputSize]]
      .map(([u, v]) => [toImage[0] * u + toImage[1] * v + toImage[2], toImage[3] * u + toImage[4] * v + toImage[5]]);
    const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0]))));
    const x1 = Math.min(width, Math.ceil(Math.max(...corners.map((c) => c[0]))));
    const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1]))));
    const y1 = Math.min(height, Math.ceil(Math.max(...corners.map((c) => c[1]))));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const cx = x + 0.5;
        const cy = y + 0.5;
        const mx = (toCrop[0] * cx + toCrop[1] * cy + toCrop[2]) * mapPerCrop - 0.5;
        const my = (toCrop[3] * cx + toCrop[4] * cy + toCrop[5]) * mapPerCrop - 0.5;
        const value = sampleBilinear(heat, mx, my);
        const k = y * width + x;
        if (value > image[k]) image[k] = value;
      }
    }
  }
  return image;
}

function sampleBilinear(heat: FaceHeat, x: number, y: number): number {
  const { size, data } = heat;
  if (x < -0.5 || y < -0.5 || x > size - 0.5 || y > size - 0.5) return 0;
  const cx = Math.min(size - 1, Math.max(0, x));
  const cy = Math.min(size - 1, Math.max(0, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(size - 1, x0 + 1);
  const y1 = Math.min(size - 1, y0 + 1);
  const tx = cx - x0;
  const ty = cy - y0;
  const top = data[y0 * size + x0] * (1 - tx) + data[y0 * size + x1] * tx;
  const bottom = data[y1 * size + x0] * (1 - tx) + data[y1 * size + x1] * tx;
  return top * (1 - ty) + bottom * ty;
}

/** Intersection over union of a heat map > 0.5 and a reference mask's pixels > 127. */
export function maskIoU(heat: Float32Array, reference: Uint8ClampedArray | Uint8Array, channels = 4): number {
  let intersection = 0;
  let union = 0;
  for (let i = 0; i < heat.length; i++) {
    const predicted = heat[i] > 0.5;
    const actual = reference[i * channels] > 127;
    if (predicted && actual) intersection++;
    if (predicted || actual) union++;
  }
  return union === 0 ? 1 : intersection / union;
}
