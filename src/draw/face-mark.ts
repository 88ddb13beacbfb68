import { words, type Language } from '../i18n';
import { isAssessable } from '../pipeline/analysis';
import { evidenceBand, formatProbability, type EvidenceBand } from '../pipeline/evidence';
import type { Box } from '../pipeline/types';
import type { VideoFace } from '../video/types';

export interface FaceMark {
  assessable: boolean;
  band: EvidenceBand | 'na';
  /** "1 · 0.83" ("1 · too small"): the person's number and probability, as the box is labelled. */
  label: string;
}

/** How a person's box in a video frame is marked, on screen and in the exported video. */
export function faceMark(face: VideoFace, language: Language): FaceMark {
  const assessable = isAssessable(face.box);
  return {
    assessable,
    band: assessable ? evidenceBand(face.probability) : 'na',
    label: `${face.trackId} · ${assessable ? formatProbability(face.probability) : words(language).boxTooSmall}`,
  };
}

/** A face's box as drawn over a picture of `width` x `height`: cut to the picture (a detector box can run past the edge of a tight crop). */
export function drawnBox(box: Box, width: number, height: number): Box {
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  return { x, y, width: Math.min(width, box.x + box.width) - x, height: Math.min(height, box.y + box.height) - y };
}
