import { isAssessable } from '../pipeline/analysis';
import { evidenceBand, formatProbability, type EvidenceBand } from '../pipeline/evidence';
import type { VideoFace } from '../video/types';

export interface FaceMark {
  assessable: boolean;
  band: EvidenceBand | 'na';
  /** "1 · 0.83": the person's number and probability, as the box is labelled. */
  label: string;
}

/** How a person's box in a video frame is marked, on screen and in the exported video. */
export function faceMark(face: VideoFace): FaceMark {
  const assessable = isAssessable(face.box);
  return {
    assessable,
    band: assessable ? evidenceBand(face.probability) : 'na',
    label: `${face.trackId} · ${assessable ? formatProbability(face.probability) : 'too small'}`,
  };
}
