import type { Box } from '../pipeline/types';
import type { FaceChange } from './compare-images';

/** A comparison of the file on screen with a picture the user believes is its original. */
export type ComparisonState =
  | { status: 'comparing'; originalName: string }
  /** Refused (not the same picture) or failed (the original could not be read): `message` says which. */
  | { status: 'failed'; originalName: string; message: string }
  | ({ status: 'done'; originalName: string } & ComparisonView);

export interface ComparisonView {
  alignment: 'faces' | 'frame';
  correlation: number;
  /** Changed regions in the suspect picture's own pixels, largest first. */
  regions: Box[];
  /** One per face of the analysis, in its order. */
  faces: FaceChange[];
  /** The suspect picture's size, the frame `regions` are in. */
  sourceWidth: number;
  sourceHeight: number;
  /** PNGs at the comparison's working size: the original aligned onto the picture, and the difference heatmap. */
  alignedPng: Uint8Array<ArrayBuffer>;
  differencePng: Uint8Array<ArrayBuffer>;
}
