import type { CurrentFile } from '../files/current-file';
import type { Language } from '../i18n';
import { metadataOf } from './container-tags';
import { credentialsMessage, metadataInWords, metadataMessage, notHashedText } from './wording';

/**
 * The provenance part of the JSON report, its sentences in `language`. The GPS position is in it only when the user chose to
 * see it: a report is often shared further than the file.
 */
export function provenanceReport(current: CurrentFile, language: Language = 'en') {
  const { provenance } = current;
  if (!provenance) return null;
  const { notHashed, ...hashed } = provenance.fingerprint;
  const fingerprint = { ...hashed, note: notHashedText(provenance.fingerprint, language) };
  const read = provenance.credentials;
  const credentials = read.status === 'unsupported' || read.status === 'failed' ? unread(read.status, credentialsMessage(read, language)) : read;
  const { thumbnail } = provenance;
  const reading = metadataOf(current, provenance);
  const locationShown = current.locationShown ?? false;
  const thumbnailFacts = thumbnail && { differsFromImage: thumbnail.differs, difference: thumbnail.difference, bytes: thumbnail.jpeg.length };
  if (reading.status !== 'read') return { fingerprint, metadata: unread(reading.status, metadataMessage(reading, language)), credentials, thumbnail: thumbnailFacts };
  const { location, ...summary } = metadataInWords(reading.summary, language);
  const metadata = reading;
  return {
    fingerprint,
    metadata: { status: metadata.status, ...summary, locationPresent: location !== null, location: locationShown ? location : undefined },
    credentials,
    thumbnail: thumbnailFacts,
  };
}

/** A reading that found nothing to summarise, with why in words. */
const unread = (status: 'unsupported' | 'failed', message: string): { status: 'unsupported'; message: string } | { status: 'failed'; message: string } =>
  (status === 'unsupported' ? { status, message } : { status, message });

export type ProvenanceReport = NonNullable<ReturnType<typeof provenanceReport>>;
