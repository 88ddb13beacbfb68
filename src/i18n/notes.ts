/**
 * A note on a result, as data: the worker makes it, and the page, the JSON and the PDF report say it in the reader's
 * language (words(language).note).
 */
export type Note =
  | { id: 'noEvidenceCaveat' }
  | { id: 'imageDownscaled'; sourceWidth: number; sourceHeight: number; width: number; height: number }
  | { id: 'framesDownscaled'; sourceWidth: number; sourceHeight: number; width: number; height: number }
  | { id: 'heavyCompression'; quality: number }
  | { id: 'degraded'; how: string }
  | { id: 'faceTooSmall'; side: number; minPx: number }
  | { id: 'faceSmall'; side: number }
  | { id: 'smallDetections'; count: number; smallPx: number }
  /** detail: ffmpeg's own words, which have no translation. */
  | { id: 'decodingStopped'; detail: string; frames: number };
