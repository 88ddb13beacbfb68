import type { CreditField, DateField, ReadFailure } from '../i18n/notes';
import type { CredentialsReading } from './credentials';

/** What the file itself is, for a report to cite. */
export interface Fingerprint {
  /** Hex SHA-256 of the whole file; null when it was too large to hash (see `note`). */
  sha256: string | null;
  bytes: number;
  /** The type the browser gives the file (from its name); '' when it gives none. */
  type: string;
  /** Estimated from the quantisation tables; null when the file is not a JPEG. */
  jpegQuality: number | null;
  /** Why there is no sha256. */
  notHashed: NotHashed | null;
}

export type NotHashed = { id: 'tooLarge'; maxMebibytes: number } | { id: 'failed'; failure: ReadFailure };

/** A field's value, named by the field (the page names it in the reader's language). */
export interface FieldValue<Field extends string> {
  field: Field;
  value: string;
}

/** One entry of an XMP edit history (xmpMM:History). */
export interface EditEvent {
  action: string;
  when: string | null;
  software: string | null;
}

export interface GeoPosition {
  latitude: number;
  longitude: number;
}

/** The fields a fact-checker reads, from EXIF, XMP, IPTC and the ICC profile. */
export interface MetadataSummary {
  /** Make and model; null when the file names no camera. */
  camera: string | null;
  /** Programs the file names as having made or saved it, each once. */
  software: string[];
  history: EditEvent[];
  dates: FieldValue<DateField>[];
  /** Set when the dates disagree; modifiedAfterSeconds: how long after it was taken it was modified, when that is known. */
  datesDisagree: { modifiedAfterSeconds: number | null } | null;
  /** The IPTC digital source type's code, when the file declares one (e.g. trainedAlgorithmicMedia: made by AI). */
  sourceType: string | null;
  credits: FieldValue<CreditField>[];
  colourProfile: string | null;
  location: GeoPosition | null;
  /** Blocks that were present but could not be read: the reader's message for each. */
  unreadable: string[];
  /** False when the file carries no EXIF, XMP or IPTC field at all (a colour profile does not count). */
  found: boolean;
}

export type MetadataReading =
  | { status: 'read'; summary: MetadataSummary }
  /** No reader for this format, or a video not yet probed (its container's tags are read then): nothing is known either way. */
  | { status: 'unsupported'; reason: 'format' | 'videoNotYet' }
  /** The reader failed on the file or ran out of time. */
  | { status: 'failed'; failure: ReadFailure };

/** The EXIF thumbnail, compared with the picture itself. */
export interface ThumbnailCheck {
  jpeg: Uint8Array<ArrayBuffer>;
  /** Mean luma difference (0-255) of the two, scaled to the same small grid; null when either could not be decoded. */
  difference: number | null;
  differs: boolean;
}

export interface Provenance {
  fingerprint: Fingerprint;
  metadata: MetadataReading;
  /** C2PA content credentials. */
  credentials: CredentialsReading;
  thumbnail: ThumbnailCheck | null;
}
