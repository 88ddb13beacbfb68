import type { CurrentFile } from '../app/store';
import { metadataOf } from './container-tags';

/**
 * The provenance part of the JSON report. The GPS position is in it only when the user chose to
 * see it: a report is often shared further than the file.
 */
export function provenanceReport(current: CurrentFile) {
  const { provenance } = current;
  if (!provenance) return null;
  const { fingerprint, credentials, thumbnail } = provenance;
  const metadata = metadataOf(current, provenance);
  const locationShown = current.locationShown ?? false;
  const thumbnailFacts = thumbnail && { differsFromImage: thumbnail.differs, difference: thumbnail.difference, bytes: thumbnail.jpeg.length };
  if (metadata.status !== 'read') return { fingerprint, metadata, credentials, thumbnail: thumbnailFacts };
  const { location, ...summary } = metadata.summary;
  return {
    fingerprint,
    metadata: { status: metadata.status, ...summary, locationPresent: location !== null, location: locationShown ? location : undefined },
    credentials,
    thumbnail: thumbnailFacts,
  };
}

export type ProvenanceReport = NonNullable<ReturnType<typeof provenanceReport>>;
