import { evidenceBand, evidenceLabel, type EvidenceBand } from './evidence';
import type { FaceMask } from './heatmap';
import type { Affine, Box, Point } from './types';

/** Faces smaller than this (box side, image pixels) have lost the detail the models look at. */
export const smallFacePx = 64;

export interface ModelPart {
  model: string;
  /** What the user sees, e.g. "MesoNet (meso4)". */
  label: string;
  probability: number;
}

export interface FaceResult {
  box: Box;
  keypoints: Point[];
  detectionScore: number;
  /** Crop pixel to image pixel, for drawing the heatmap over the image. */
  toImage: Affine;
  probability: number;
  band: EvidenceBand;
  parts: ModelPart[];
  mask?: FaceMask;
  notes: string[];
}

export interface ModelInfo {
  name: string;
  version: string;
}

export type StageTimings = Partial<Record<'decode' | 'detect' | 'crop' | 'classify' | 'segment', number>>;

export interface ImageAnalysis {
  /** Size of the analysed pixels; coordinates in faces refer to it. */
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
  faces: FaceResult[];
  /** The highest face probability, or null when no face was found (not applicable). */
  probability: number | null;
  summary: string;
  notes: string[];
  backend: string;
  models: ModelInfo[];
  timings: StageTimings;
}

export function faceNotes(box: Box): string[] {
  const side = Math.round(Math.min(box.width, box.height));
  return side < smallFacePx
    ? [`Small face (${side} px): fine detail is lost at this size, so the score is less reliable.`]
    : [];
}

export function summarize(faces: FaceResult[]): { probability: number | null; summary: string } {
  if (faces.length === 0) {
    return {
      probability: null,
      summary: 'No face found: this image cannot be assessed. This is not a verdict that it is real.',
    };
  }
  const strongest = faces.reduce((best, face, i) => (face.probability > faces[best].probability ? i : best), 0);
  const p = faces[strongest].probability;
  const count = faces.length === 1 ? '1 face' : `${faces.length} faces`;
  const which = faces.length > 1 ? ` (face ${strongest + 1})` : '';
  return {
    probability: p,
    summary: `${count} found. Highest probability of manipulation ${p.toFixed(2)}${which}: ${evidenceLabel(evidenceBand(p)).toLowerCase()}.`,
  };
}
