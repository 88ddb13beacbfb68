import { words, type Language, type Note } from '../i18n';
import { bands, bandStatus, evidenceBand, formatProbability, type EvidenceBand, type VerdictStatus } from './evidence';
import type { ForgeryKind } from './forgery-kind';
import type { FusionWeights } from './fusion';
import type { FaceHeat } from './heatmap';
import type { Affine, Box, Point } from './types';

/*
 * Face-size limits, set with the app's earlier fused score on the test split's crops shrunk to a face of
 * S px and scaled back up as the crop does (models/train/face_size.py; tables in models/README.md): it
 * flagged 85 % of authentic faces at 64 px. The multi-task net the app runs alone errs both ways there: it
 * flags 60 % of authentic faces at 64 px, 41 % at 72 px and 22 % at 96 px (10 % full size), at AUC 0.68-0.74
 * for 64-128 px.
 */
/** Below this (box side, image pixels) the AUC is more than 0.05 under full size (now 0.825 at 192 px, 0.706 at 128, 0.845 full). */
export const smallFacePx = 192;
/** Below this (box side, image pixels) a face is too small to assess: shown, not scored into the verdict. The evidence
 * bands' false-alarm rates were measured on faces down to this size (models/train/bands.py). */
export const minAssessableFacePx = bands.minFacePx;

export interface ModelPart {
  model: string;
  /** What the user sees, e.g. "MesoNet (Meso-4)" (models/manifest.json). */
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
  /** False when the face is below minAssessableFacePx: its probability does not count. */
  assessable: boolean;
  parts: ModelPart[];
  /** Where the models see evidence on the face, when the multi-task net runs. */
  heat?: FaceHeat;
  /** The share of the face crop where its heat is drawn in the legend's upper half (none below the moderate band). */
  heatArea?: number;
  /** What kind of forgery the face looks like, when the multi-task net says. */
  kind?: ForgeryKind;
  notes: Note[];
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
  /** The highest probability among assessable faces, or null when there is none. */
  probability: number | null;
  status: VerdictStatus;
  notes: Note[];
  backend: string;
  models: ModelInfo[];
  /** How the models' probabilities were combined; null: the classifier's alone. */
  fusion: FusionWeights | null;
  timings: StageTimings;
  /** An early result: the faces large enough to assess, while smaller tiles are still searched for faces too small to assess. */
  partial?: true;
}

const faceSide = (box: Box) => Math.round(Math.min(box.width, box.height));

export function isAssessable(box: Box): boolean {
  return faceSide(box) >= minAssessableFacePx;
}

export function faceNotes(box: Box): Note[] {
  const side = faceSide(box);
  if (side < minAssessableFacePx) return [{ id: 'faceTooSmall', side, minPx: minAssessableFacePx }];
  return side < smallFacePx ? [{ id: 'faceSmall', side }] : [];
}

/** An image's verdict: its status and score, and the sentence that says it in `language`. */
export function summarize(faces: FaceResult[], language: Language = 'en'): { probability: number | null; status: VerdictStatus; summary: string } {
  const say = words(language);
  if (faces.length === 0) return { probability: null, status: 'NOT_APPLICABLE', summary: say.imageNoFace };
  const tooSmall = faces.filter((f) => !f.assessable).length;
  if (tooSmall === faces.length) {
    return { probability: null, status: 'UNABLE_TO_EVALUATE', summary: say.imageAllTooSmall(faces.length, minAssessableFacePx) };
  }
  const strongest = faces.reduce<number>((best, face, i) => (face.assessable && (best < 0 || face.probability > faces[best].probability) ? i : best), -1);
  const p = faces[strongest].probability;
  const band = evidenceBand(p);
  return {
    probability: p,
    status: bandStatus(band),
    summary: say.imageVerdict({
      faces: faces.length, score: formatProbability(p), face: faces.length > 1 ? strongest + 1 : null, band, tooSmall, minPx: minAssessableFacePx,
    }),
  };
}
