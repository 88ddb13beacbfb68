import type { ComparisonFailure } from '../i18n';
import type { Box } from '../pipeline/types';
import type { FaceChange } from './compare-images';
import type { FacesIn } from './compare.worker';

/** For a video: the frame compared, as the player showed it. */
export interface ComparedFrame {
  time: number;
  png: Uint8Array<ArrayBuffer>;
}

interface ComparisonOf {
  originalName: string;
  frame?: ComparedFrame;
}

/** A comparison of the file on screen (a video: its current frame) with a picture the user believes is its original. */
export type ComparisonState =
  | ({ status: 'comparing' } & ComparisonOf)
  /** Refused (not the same picture) or failed (the original could not be read): `failure` says which. */
  | ({ status: 'failed'; failure: ComparisonFailure } & ComparisonOf)
  | ({ status: 'done' } & ComparisonOf & ComparisonView);

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

/** What a comparison needs from the app: the faces in a picture as its analysis finds them, and a place for the result. */
export interface CompareHost {
  locateFaces(picture: Blob): Promise<FacesIn>;
  /** Keeps the comparison with the file it was made for. */
  setComparison(comparison: ComparisonState): void;
}
