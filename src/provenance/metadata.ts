import { Exifr } from 'exifr';
import { digitalSourceTypeCode } from './digital-source-type';
import type { EditEvent, FieldValue, GeoPosition, MetadataReading, MetadataSummary } from './types';

/**
 * Metadata lives at the start of the formats exifr reads (JPEG's APP segments, PNG's chunks
 * before the pixels, HEIC's meta box): the reader never sees more of a file than this.
 */
export const maxMetadataBytes = 16 * 1024 * 1024;

const exifrOptions = {
  tiff: true, ifd1: true, exif: true, gps: true, interop: false, makerNote: false, userComment: false,
  xmp: true, iptc: true, icc: true, jfif: false, ihdr: false,
  // One object per block (ifd0, exif, gps, xmp namespaces, iptc, icc), values as written.
  mergeOutput: false, reviveValues: false,
  // A block that fails is listed in `errors` and the others are still read.
  silentErrors: true,
};

/** exifr's output: one object per block or XMP namespace, and the errors met on the way. */
export type RawMetadata = Record<string, unknown> & { errors?: unknown[] };

export interface MetadataWithThumbnail {
  reading: MetadataReading;
  /** The EXIF thumbnail (a JPEG), when the file has one. */
  thumbnail: Uint8Array<ArrayBuffer> | null;
}

/** exifr's messages add internals (offsets, lengths) on further lines. */
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();

/** Reads and summarises the metadata in `bytes` (the start of the file, at most maxMetadataBytes). */
export async function readMetadata(bytes: Uint8Array): Promise<MetadataWithThumbnail> {
  const exifr = new Exifr(exifrOptions);
  let raw: RawMetadata;
  try {
    await exifr.read(bytes);
    raw = (await exifr.parse()) ?? {};
  } catch (error) {
    if (messageOf(error) === 'Unknown file format') {
      return { reading: { status: 'unsupported', reason: 'format' }, thumbnail: null };
    }
    return { reading: { status: 'failed', failure: { id: 'metadataMalformed', detail: clip(messageOf(error)) } }, thumbnail: null };
  }
  const block = (name: string) => record(raw[name]);
  // Only when the thumbnail's directory was read: on a damaged one exifr can return stray bytes.
  const thumbnail = block('ifd1').ThumbnailLength ? await exifr.extractThumbnail().catch(() => undefined) : undefined;
  return {
    reading: { status: 'read', summary: summarizeMetadata(raw) },
    thumbnail: thumbnail ? new Uint8Array(thumbnail) : null,
  };
}

const maxText = 200;
const clip = (text: string) => (text.length > maxText ? `${text.slice(0, maxText)}…` : text);

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

/** A printable value: hostile files put anything in their fields. */
function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return trimmed ? clip(trimmed) : null;
}

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

export function cameraName(make: string | null, model: string | null): string | null {
  if (make && model) return model.toLowerCase().startsWith(make.toLowerCase()) ? model : `${make} ${model}`;
  return make ?? model;
}

const maxHistory = 30;

function editHistory(value: unknown): EditEvent[] {
  const entries = Array.isArray(value) ? value : value ? [value] : [];
  return entries.slice(0, maxHistory).flatMap((entry) => {
    const e = record(entry);
    const action = text(e.action);
    const when = text(e.when);
    return action ? [{ action, when: when && readableDate(when), software: text(e.softwareAgent) }] : [];
  });
}

/** "2024:03:01 09:15:42" (EXIF) or an ISO date (XMP) as "2024-03-01 09:15:42". */
function readableDate(value: string): string {
  return value.replace(/^(\d{4}):(\d{2}):(\d{2})/, '$1-$2-$3').replace('T', ' ');
}

function secondsSinceEpoch(readable: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(readable);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000 : null;
}

function datesDisagree(taken: string | null, modified: string | null, distinct: number): MetadataSummary['datesDisagree'] {
  if (distinct < 2) return null;
  const from = taken ? secondsSinceEpoch(taken) : null;
  const to = modified ? secondsSinceEpoch(modified) : null;
  return { modifiedAfterSeconds: from !== null && to !== null && to > from ? to - from : null };
}

function position(gps: Record<string, unknown>): GeoPosition | null {
  const { latitude, longitude } = gps;
  return typeof latitude === 'number' && typeof longitude === 'number' && Number.isFinite(latitude) && Number.isFinite(longitude)
    && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180
    ? { latitude, longitude }
    : null;
}

/** The fields that have a value. */
export const present = <Field extends string>(pairs: { field: Field; value: string | null }[]): FieldValue<Field>[] =>
  pairs.flatMap(({ field, value }) => (value ? [{ field, value }] : []));

const maxErrors = 5;

/** The fields a fact-checker reads, from exifr's output; every value is checked, nothing trusted. */
export function summarizeMetadata(raw: RawMetadata): MetadataSummary {
  const ifd0 = record(raw.ifd0);
  const exif = record(raw.exif);
  const xmp = record(raw.xmp);
  const iptc = record(raw.iptc);
  const taken = text(exif.DateTimeOriginal);
  const digitized = text(exif.CreateDate);
  const modified = text(ifd0.ModifyDate);
  const dates = present([
    { field: 'DateTimeOriginal', value: taken && readableDate(taken) },
    { field: 'CreateDate', value: digitized && readableDate(digitized) },
    { field: 'ModifyDate', value: modified && readableDate(modified) },
  ]);
  const credits = present([
    { field: 'Artist', value: text(ifd0.Artist) },
    { field: 'Copyright', value: text(ifd0.Copyright) ?? text(iptc.CopyrightNotice) },
    { field: 'Byline', value: text(iptc.Byline) },
    { field: 'Credit', value: text(iptc.Credit) },
    { field: 'Source', value: text(iptc.Source) },
  ]);
  const declaredSource = text(record(raw.Iptc4xmpExt).DigitalSourceType);
  const program = text(iptc.OriginatingProgram);
  const programVersion = text(iptc.ProgramVersion);
  const errors = (Array.isArray(raw.errors) ? raw.errors : []).slice(0, maxErrors);
  const blocks = Object.entries(raw).filter(([key, value]) => key !== 'icc' && key !== 'errors' && Object.keys(record(value)).length > 0);
  return {
    camera: cameraName(text(ifd0.Make), text(ifd0.Model)),
    software: unique([
      text(ifd0.Software), text(ifd0.ProcessingSoftware), text(xmp.CreatorTool),
      program && (programVersion ? `${program} ${programVersion}` : program),
    ]),
    history: editHistory(record(raw.xmpMM).History),
    dates,
    datesDisagree: datesDisagree(taken && readableDate(taken), modified && readableDate(modified), new Set(dates.map((d) => d.value)).size),
    sourceType: declaredSource && digitalSourceTypeCode(declaredSource),
    credits,
    colourProfile: text(record(raw.icc).ProfileDescription),
    location: position(record(raw.gps)),
    unreadable: errors.map((e) => clip(messageOf(e))),
    found: blocks.length > 0,
  };
}
