import type { ReactNode } from 'react';
import { useObjectUrl } from '../app/object-url';
import { useAppStore, type CurrentFile } from '../app/store';
import type { VideoInfo } from '../video/video-info';
import { metadataOf } from './container-tags';
import { credentialsHeadline, type CredentialsReading, type CredentialsSummary } from './credentials';
import { actionText, formatBytes, noCredentialsText, noMetadataMeaning, signerText, validationText, videoStreamText } from './wording';
import type { Fingerprint, MetadataReading, MetadataSummary, ThumbnailCheck } from './types';


function Facts({ rows, testId }: { rows: [string, ReactNode][]; testId?: string }) {
  return (
    <dl className="provenance-facts" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function FileFacts({ fingerprint, video }: { fingerprint: Fingerprint; video?: VideoInfo }) {
  const rows: [string, ReactNode][] = [
    ['Size', formatBytes(fingerprint.bytes)],
    ['Type', fingerprint.type || 'not given'],
    ['SHA-256', fingerprint.sha256 ? <code data-testid="sha256">{fingerprint.sha256}</code> : fingerprint.note],
  ];
  if (fingerprint.jpegQuality !== null) rows.push(['JPEG quality', `about ${fingerprint.jpegQuality} (estimated from its quantisation tables)`]);
  if (video) {
    rows.push(['Container', video.container]);
    rows.push(['Video', videoStreamText(video)]);
  }
  return <Facts rows={rows} testId="file-facts" />;
}

function LocationFacts({ current, summary }: { current: CurrentFile; summary: MetadataSummary }) {
  const updateFile = useAppStore((s) => s.updateFile);
  const { location } = summary;
  if (!location) return null;
  const shown = current.locationShown ?? false;
  return (
    <div className="provenance-location">
      <button
        type="button"
        aria-expanded={shown}
        aria-controls="provenance-location"
        onClick={() => updateFile(current.id, { locationShown: !shown })}
        data-testid="show-location"
      >
        {shown ? 'Hide location' : 'Show location'}
      </button>
      <span id="provenance-location" data-testid="location">
        {shown
          ? `Latitude ${location.latitude.toFixed(5)}, longitude ${location.longitude.toFixed(5)} (as written in the file; it is in the report only while shown).`
          : 'The file records where it was taken (GPS). Hidden until you ask.'}
      </span>
    </div>
  );
}

function MetadataFacts({ current, summary }: { current: CurrentFile; summary: MetadataSummary }) {
  if (!summary.found) {
    return (
      <p data-testid="metadata-absent">
        <strong>No camera or editing metadata</strong> in this file. {noMetadataMeaning}
      </p>
    );
  }
  const rows: [string, ReactNode][] = [['Camera', summary.camera ?? 'not named']];
  if (summary.software.length) rows.push(['Software', summary.software.join('; ')]);
  if (summary.history.length) {
    rows.push(['Edit history (XMP)', (
      <ol className="provenance-history">
        {summary.history.map((event, i) => (
          <li key={i}>{[event.action, event.when, event.software].filter(Boolean).join(' · ')}</li>
        ))}
      </ol>
    )]);
  }
  for (const date of summary.dates) rows.push([date.label, date.value]);
  if (summary.sourceType) rows.push(['Declared source', summary.sourceType]);
  for (const credit of summary.credits) rows.push([credit.label, credit.value]);
  if (summary.colourProfile) rows.push(['Colour profile', summary.colourProfile]);
  return (
    <>
      <Facts rows={rows} testId="metadata" />
      {summary.datesNote && <p className="note" data-testid="dates-note">{summary.datesNote}</p>}
      <LocationFacts current={current} summary={summary} />
    </>
  );
}

function MetadataPart({ current, metadata }: { current: CurrentFile; metadata: MetadataReading }) {
  if (metadata.status === 'failed') {
    return (
      <p className="note" data-testid="metadata-unreadable">
        The metadata could not be read: {metadata.message}. The rest of the analysis is not affected.
      </p>
    );
  }
  if (metadata.status === 'unsupported') return <p data-testid="metadata-unsupported">{metadata.message}</p>;
  return (
    <>
      {metadata.summary.unreadable.map((line) => <p key={line} className="note" data-testid="metadata-unreadable">{line}</p>)}
      <MetadataFacts current={current} summary={metadata.summary} />
    </>
  );
}

function CredentialsFacts({ summary }: { summary: CredentialsSummary }) {
  const rows: [string, ReactNode][] = [
    ['Validation', <span data-testid="credentials-validation">{validationText(summary)}</span>],
    ['Signed by', signerText(summary)],
    ['Signed at', summary.signedAt ?? 'no time-stamp'],
  ];
  if (summary.claimGenerator) rows.push(['Made with', summary.claimGenerator]);
  rows.push(['Actions', summary.actions.length ? (
    <ol className="provenance-history">
      {summary.actions.map((a, i) => <li key={i}>{actionText(a)}</li>)}
    </ol>
  ) : 'none recorded']);
  if (summary.ingredients.length) rows.push(['Ingredients', summary.ingredients.map((i) => `${i.title} (${i.relationship})`).join('; ')]);
  return <Facts rows={rows} testId="credentials" />;
}

function CredentialsPart({ credentials }: { credentials: CredentialsReading }) {
  switch (credentials.status) {
    case 'absent':
      return (
        <p data-testid="credentials-absent">{noCredentialsText}</p>
      );
    case 'unsupported':
      return <p data-testid="credentials-unsupported">{credentials.message}</p>;
    case 'failed':
      return (
        <p className="note" data-testid="credentials-unreadable">
          The content credentials could not be read: {credentials.message}. The rest of the analysis is not affected.
        </p>
      );
    case 'read':
      return <CredentialsFacts summary={credentials.summary} />;
  }
}

/** The verdict's line about the file's content credentials, when it has readable ones. */
export function CredentialsLine({ current }: { current: CurrentFile }) {
  const credentials = current.provenance?.credentials;
  if (credentials?.status !== 'read') return null;
  const { text, outweighsFaces } = credentialsHeadline(credentials.summary);
  return <div className={outweighsFaces ? 'credentials-line outweighs' : 'credentials-line'} data-testid="credentials-line">{text}</div>;
}

function ThumbnailPart({ thumbnail, imageUrl }: { thumbnail: ThumbnailCheck; imageUrl: string }) {
  const thumbnailUrl = useObjectUrl(thumbnail.jpeg, 'image/jpeg');
  if (thumbnail.difference === null) {
    return <p data-testid="thumbnail-unchecked">The file embeds an EXIF thumbnail, but it could not be decoded to compare with the picture.</p>;
  }
  if (!thumbnail.differs) return <p data-testid="thumbnail-matches">The EXIF thumbnail embedded in the file shows the same picture.</p>;
  return (
    <div className="thumbnail-mismatch" data-testid="thumbnail-mismatch">
      <p>
        <strong>The EXIF thumbnail embedded in the file shows a different picture.</strong> Editors often leave the
        camera&apos;s thumbnail in place when they change the picture: a classic sign that it was edited (or cropped)
        after it was taken. Another program may also have written the thumbnail.
      </p>
      <div className="thumbnail-pair">
        <figure>
          <img src={imageUrl} alt="The picture as the file shows it" />
          <figcaption>The picture</figcaption>
        </figure>
        <figure>
          {thumbnailUrl && <img src={thumbnailUrl} alt="The thumbnail embedded in the file's EXIF" data-testid="exif-thumbnail" />}
          <figcaption>Its embedded thumbnail</figcaption>
        </figure>
      </div>
    </div>
  );
}

/** File fingerprint, content credentials and metadata, beside the face verdict: evidence that needs no model. */
export function ProvenancePanel({ current }: { current: CurrentFile }) {
  const { provenance } = current;
  return (
    <section className="provenance" aria-labelledby="provenance-heading" data-testid="provenance">
      <h2 id="provenance-heading">Provenance</h2>
      <p className="provenance-intro">
        What the file says about itself. Metadata can be removed or rewritten by anyone: it gives leads to check, not proof.
      </p>
      {provenance ? (
        <>
          <h3>File</h3>
          <FileFacts fingerprint={provenance.fingerprint} video={current.video?.start?.info} />
          <h3>Content credentials (C2PA)</h3>
          <CredentialsPart credentials={provenance.credentials} />
          <h3>{current.video?.start ? "Metadata (the container's tags)" : 'Metadata'}</h3>
          <MetadataPart current={current} metadata={metadataOf(current, provenance)} />
          {provenance.thumbnail && <ThumbnailPart thumbnail={provenance.thumbnail} imageUrl={current.url} />}
        </>
      ) : (
        <p data-testid="provenance-reading">Reading the file&apos;s metadata…</p>
      )}
    </section>
  );
}
