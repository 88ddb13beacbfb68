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
  | { id: 'videoUndecodable' }
  /** The decoder's worker died (out of memory, a crash in ffmpeg); detail: the browser's message, when it gave one. */
  | { id: 'decoderStopped'; detail: string | null };

/** Why a provenance reader gave up on a file (src/provenance), said inside "could not be read: …". */
export type ReadFailure =
  | { id: 'metadataMalformed'; detail: string }
  | { id: 'credentialsMalformed'; detail: string }
  | { id: 'timeUp'; seconds: number }
  /** detail: the browser's message, when it gave one. */
  | { id: 'readerStopped'; detail: string | null };

/** A failed C2PA check, as the credentials' validation reports it (src/provenance/credentials.ts). */
export type CredentialProblem =
  | 'changedAfterSigning' | 'signatureMismatch' | 'unsigned' | 'certificateExpired' | 'certificateRevoked' | 'certificateInvalid' | 'manifestChanged';

/** The metadata fields that date a file: EXIF's, and a video container's tags. */
export type DateField = 'DateTimeOriginal' | 'CreateDate' | 'ModifyDate' | 'creation_time' | 'com.apple.quicktime.creationdate';

/** The fields that credit a file's author or owner (EXIF, IPTC, a video's tags). */
export type CreditField = 'Artist' | 'Copyright' | 'Byline' | 'Credit' | 'Source';

export type TimeUnit = 'day' | 'hour' | 'minute' | 'second';

/** Why a comparison with an original has no result (src/compare). */
export type ComparisonFailure =
  | { id: 'noFrame' }
  /** facesTried: the faces were tried as well as the whole frame. */
  | { id: 'notSamePicture'; facesTried: boolean; correlation: number }
  | { id: 'tooLarge'; megapixels: number }
  | { id: 'undecodable' }
  /** The comparison's worker died; detail: the browser's message, when it gave one. */
  | { id: 'stopped'; detail: string | null }
  | { id: 'failed'; detail: string };

/** Why no annotated video was made (src/export). */
export type ExportFailure =
  | { id: 'noEncoder' }
  | { id: 'unreadable'; refusal: Refusal }
  /** The export's worker died; detail: the browser's message, when it gave one. */
  | { id: 'stopped'; detail: string | null }
  | { id: 'failed'; detail: string };

/** Why the analysis engine was restarted in the middle of a file (src/worker/client.ts). */
export type EngineStop =
  | { id: 'crashed'; detail: string | null }
  | { id: 'silent' };
