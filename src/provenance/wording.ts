import { readFailureText, words, type Language } from '../i18n';
import type { TimeUnit } from '../i18n/notes';
import { actionName, problemText, type CredentialAction, type CredentialsReading, type CredentialsSummary } from './credentials';
import type { VideoInfo } from '../video/video-info';
import { describeDigitalSourceType } from './digital-source-type';
import type { Fingerprint, MetadataReading, MetadataSummary } from './types';

/** Provenance findings in words, in the reader's language: shared by the panel, the JSON report and the PDF report. */

export function formatBytes(bytes: number, language: Language = 'en'): string {
  const say = words(language).provenance;
  if (bytes < 1024) return say.bytes(bytes);
  const [size, unit] = bytes < 1024 ** 2 ? [1024, 'KiB'] : bytes < 1024 ** 3 ? [1024 ** 2, 'MiB'] : [1024 ** 3, 'GiB'];
  return say.bytesExact(`${(bytes / size).toFixed(1)} ${unit}`, bytes);
}

export function validationText(summary: CredentialsSummary, language: Language = 'en'): string {
  const say = words(language).provenance;
  if (summary.validation === 'invalid') return say.validationInvalid(summary.problems.map((p) => problemText(p, language)));
  return summary.validation === 'trusted' ? say.validationTrusted : say.validationValid;
}

export function signerText(summary: CredentialsSummary, language: Language = 'en'): string {
  const say = words(language).provenance;
  return [summary.signer, summary.issuer && say.issuedBy(summary.issuer)].filter(Boolean).join(', ') || say.notNamed;
}

/** A C2PA action in a line: what was done, with the digital source type, the program and when, as recorded. */
export function describeAction(action: CredentialAction, language: Language): string {
  return [
    actionName(action.code, language), action.digitalSourceType && describeDigitalSourceType(action.digitalSourceType, language), action.softwareAgent, action.when,
  ].filter(Boolean).join(' · ');
}

/** A video's stream in a line: "h264, 640x480, 15 frames per second, 4.0 s". */
export function videoStreamText(video: Pick<VideoInfo, 'codec' | 'width' | 'height' | 'fps' | 'duration'>, language: Language = 'en'): string {
  return words(language).provenance.stream(video.codec, video.width, video.height, video.fps ? +video.fps.toFixed(2) : null, video.duration || null);
}

const timeUnits: [number, TimeUnit][] = [[86_400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];

/** A span of time in its largest whole unit: "4 days", "3 hours". */
export function timeSpanText(seconds: number, language: Language): string {
  const [size, unit] = timeUnits.find(([s]) => seconds >= s) ?? timeUnits[timeUnits.length - 1];
  return words(language).provenance.timeSpan(Math.round(seconds / size), unit);
}

/** A metadata summary with its labels and sentences in a language, as the panel shows it and the reports say it. */
export function metadataInWords(summary: MetadataSummary, language: Language) {
  const say = words(language).provenance;
  const { dates, datesDisagree, sourceType, credits, unreadable, ...rest } = summary;
  return {
    ...rest,
    dates: dates.map(({ field, value }) => ({ label: say.dateLabel[field], value })),
    /** Set when the dates disagree, with what that can mean. */
    datesNote: datesDisagree && say.datesDisagree(datesDisagree.modifiedAfterSeconds === null ? null : timeSpanText(datesDisagree.modifiedAfterSeconds, language)),
    /** The IPTC digital source type, in words. */
    sourceType: sourceType && say.declaredSourceValue(describeDigitalSourceType(sourceType, language), sourceType),
    credits: credits.map(({ field, value }) => ({ label: say.creditLabel[field], value })),
    /** Blocks that were present but could not be read, each said as a sentence. */
    unreadable: unreadable.map((detail) => say.metadataPartUnreadable(detail)),
  };
}

export type MetadataInWords = ReturnType<typeof metadataInWords>;

/** Why a reading has no summary, in words: a sentence when unsupported, the reason inside "could not be read: …" when failed. */
export function metadataMessage(reading: Exclude<MetadataReading, { status: 'read' }>, language: Language): string {
  if (reading.status === 'failed') return readFailureText(reading.failure, language);
  const say = words(language).provenance;
  return reading.reason === 'format' ? say.metadataUnsupported : say.videoMetadataLater;
}

/** Why content credentials were not read, in words (as metadataMessage). */
export function credentialsMessage(reading: Extract<CredentialsReading, { status: 'unsupported' | 'failed' }>, language: Language): string {
  return reading.status === 'failed' ? readFailureText(reading.failure, language) : words(language).provenance.credentialsUnsupported(reading.format);
}

/** Why a file has no SHA-256, in words; null when it has one. */
export function notHashedText(fingerprint: Fingerprint, language: Language): string | null {
  const { notHashed } = fingerprint;
  if (!notHashed) return null;
  const say = words(language).provenance;
  return notHashed.id === 'tooLarge' ? say.notHashedTooLarge(notHashed.maxMebibytes) : say.notHashedFailed(readFailureText(notHashed.failure, language));
}
