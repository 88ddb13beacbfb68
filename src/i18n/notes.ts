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
  | { id: 'decodingStopped'; failure: Refusal; frames: number };

/** Why a file cannot be analysed, as data (UnsupportedInputError carries it across the worker boundary). */
export type Refusal =
  | { id: 'emptyFile' }
  | { id: 'imageTooLarge'; width: number; height: number; maxMegapixels: number }
  /** type: the file's declared MIME type, if any. */
  | { id: 'imageUndecodable'; type: string }
  /** text: its first bytes are text. */
  | { id: 'notAnImage'; text: boolean; type: string }
  | { id: 'notAVideo' }
  | { id: 'soundOnly' }
  | { id: 'noPicture' }
  | { id: 'notIsolated' }
  | { id: 'noFrames' }
  | { id: 'codecUnsupported'; codec: string | null }
  | { id: 'videoDamaged' }
  | { id: 'videoUndecodable' };
