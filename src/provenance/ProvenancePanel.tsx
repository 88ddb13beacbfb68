import type { ReactNode } from 'react';
import { useObjectUrl } from '../ui/object-url';
import { useLanguage, useWords } from '../ui/language';
import type { CurrentFile } from '../files/current-file';
import type { VideoInfo } from '../video/video-info';
import { metadataOf } from './container-tags';
import { credentialsHeadline, type CredentialsReading, type CredentialsSummary } from './credentials';
import {
  credentialsMessage, describeAction, formatBytes, metadataInWords, metadataMessage, notHashedText, signerText, validationText, videoStreamText,
  type MetadataInWords,
} from './wording';
import type { Fingerprint, MetadataReading, ThumbnailCheck } from './types';


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
  const say = useWords().provenance;
  const language = useLanguage((s) => s.language);
  const rows: [string, ReactNode][] = [
    [say.size, formatBytes(fingerprint.bytes, language)],
    [say.type, fingerprint.type || say.notGiven],
    ['SHA-256', fingerprint.sha256 ? <code data-testid="sha256">{fingerprint.sha256}</code> : notHashedText(fingerprint, language)],
  ];
  if (fingerprint.jpegQuality !== null) rows.push([say.jpegQuality, say.jpegQualityValue(fingerprint.jpegQuality)]);
  if (video) {
    rows.push([say.container, video.container]);
    rows.push([say.video, videoStreamText(video, language)]);
  }
  return <Facts rows={rows} testId="file-facts" />;
}

/** Whether the user asked to see the GPS position (it stays hidden, and out of the report, until then), and how to ask. */
interface LocationChoice {
  shown: boolean;
  show(shown: boolean): void;
}

function LocationFacts({ choice, summary }: { choice: LocationChoice; summary: MetadataInWords }) {
  const say = useWords().provenance;
  const { location } = summary;
  if (!location) return null;
  const { shown } = choice;
  return (
    <div className="provenance-location">
      <button
        type="button"
        aria-expanded={shown}
        aria-controls="provenance-location"
        onClick={() => choice.show(!shown)}
        data-testid="show-location"
      >
        {shown ? say.hideLocation : say.showLocation}
      </button>
      <span id="provenance-location" data-testid="location">
        {shown
          ? say.locationShown(location.latitude.toFixed(5), location.longitude.toFixed(5))
          : say.locationHidden}
      </span>
    </div>
  );
}

function MetadataFacts({ location, summary }: { location: LocationChoice; summary: MetadataInWords }) {
  const say = useWords().provenance;
  if (!summary.found) {
    return (
      <p data-testid="metadata-absent">
        <strong>{say.noMetadata}</strong>{say.noMetadataRest} {say.noMetadataMeaning}
      </p>
    );
  }
  const rows: [string, ReactNode][] = [[say.camera, summary.camera ?? say.notNamed]];
  if (summary.software.length) rows.push([say.software, summary.software.join('; ')]);
  if (summary.history.length) {
    rows.push([say.editHistory, (
      <ol className="provenance-history">
        {summary.history.map((event, i) => (
          <li key={i}>{[event.action, event.when, event.software].filter(Boolean).join(' · ')}</li>
        ))}
      </ol>
    )]);
  }
  for (const date of summary.dates) rows.push([date.label, date.value]);
  if (summary.sourceType) rows.push([say.declaredSource, summary.sourceType]);
  for (const credit of summary.credits) rows.push([credit.label, credit.value]);
  if (summary.colourProfile) rows.push([say.colourProfile, summary.colourProfile]);
  return (
    <>
      <Facts rows={rows} testId="metadata" />
      {summary.datesNote && <p className="note" data-testid="dates-note">{summary.datesNote}</p>}
      <LocationFacts choice={location} summary={summary} />
    </>
  );
}

function MetadataPart({ location, metadata }: { location: LocationChoice; metadata: MetadataReading }) {
  const say = useWords().provenance;
  const language = useLanguage((s) => s.language);
  if (metadata.status === 'failed') {
    return (
      <p className="note" data-testid="metadata-unreadable">
        {say.metadataFailed(metadataMessage(metadata, language))}
      </p>
    );
  }
  if (metadata.status === 'unsupported') return <p data-testid="metadata-unsupported">{metadataMessage(metadata, language)}</p>;
  const summary = metadataInWords(metadata.summary, language);
  return (
    <>
      {summary.unreadable.map((line) => <p key={line} className="note" data-testid="metadata-unreadable">{line}</p>)}
      <MetadataFacts location={location} summary={summary} />
    </>
  );
}

function CredentialsFacts({ summary }: { summary: CredentialsSummary }) {
  const say = useWords().provenance;
  const language = useLanguage((s) => s.language);
  const rows: [string, ReactNode][] = [
    [say.validation, <span data-testid="credentials-validation">{validationText(summary, language)}</span>],
    [say.signedBy, signerText(summary, language)],
    [say.signedAt, summary.signedAt ?? say.noTimeStamp],
  ];
  if (summary.claimGenerator) rows.push([say.madeWith, summary.claimGenerator]);
  rows.push([say.actions, summary.actions.length ? (
    <ol className="provenance-history">
      {summary.actions.map((a, i) => <li key={i}>{describeAction(a, language)}</li>)}
    </ol>
  ) : say.noneRecorded]);
  if (summary.ingredients.length) rows.push([say.ingredients, summary.ingredients.map((i) => say.ingredient(i.title, i.relationship)).join('; ')]);
  return <Facts rows={rows} testId="credentials" />;
}

function CredentialsPart({ credentials }: { credentials: CredentialsReading }) {
  const say = useWords().provenance;
  const language = useLanguage((s) => s.language);
  switch (credentials.status) {
    case 'absent':
      return (
        <p data-testid="credentials-absent">{say.noCredentials}</p>
      );
    case 'unsupported':
      return <p data-testid="credentials-unsupported">{credentialsMessage(credentials, language)}</p>;
    case 'failed':
      return (
        <p className="note" data-testid="credentials-unreadable">
          {say.credentialsFailed(credentialsMessage(credentials, language))}
        </p>
      );
    case 'read':
      return <CredentialsFacts summary={credentials.summary} />;
  }
}

/** The verdict's line about the file's content credentials, when it has readable ones. */
export function CredentialsLine({ current }: { current: CurrentFile }) {
  const language = useLanguage((s) => s.language);
  const credentials = current.provenance?.credentials;
  if (credentials?.status !== 'read') return null;
  const { text, outweighsFaces } = credentialsHeadline(credentials.summary, language);
  return <div className={outweighsFaces ? 'credentials-line outweighs' : 'credentials-line'} data-testid="credentials-line">{text}</div>;
}

function ThumbnailPart({ thumbnail, imageUrl }: { thumbnail: ThumbnailCheck; imageUrl: string }) {
  const thumbnailUrl = useObjectUrl(thumbnail.jpeg, 'image/jpeg');
  const say = useWords().provenance;
  if (thumbnail.difference === null) {
    return <p data-testid="thumbnail-unchecked">{say.thumbnailUnchecked}</p>;
  }
  if (!thumbnail.differs) return <p data-testid="thumbnail-matches">{say.thumbnailMatches}</p>;
  return (
    <div className="thumbnail-mismatch" data-testid="thumbnail-mismatch">
      <p>
        <strong>{say.thumbnailDiffers}</strong> {say.thumbnailDiffersWhy}
      </p>
      <div className="thumbnail-pair">
        <figure>
          <img src={imageUrl} alt={say.pictureAlt} />
          <figcaption>{say.pictureCaption}</figcaption>
        </figure>
        <figure>
          {thumbnailUrl && <img src={thumbnailUrl} alt={say.thumbnailAlt} data-testid="exif-thumbnail" />}
          <figcaption>{say.thumbnailCaption}</figcaption>
        </figure>
      </div>
    </div>
  );
}

/**
 * File fingerprint, content credentials and metadata, beside the face verdict: evidence that needs no model.
 * `onShowLocation`: the user showed or hid the GPS position.
 */
export function ProvenancePanel({ current, onShowLocation }: { current: CurrentFile; onShowLocation: (shown: boolean) => void }) {
  const { provenance } = current;
  const say = useWords().provenance;
  return (
    <section className="provenance" aria-labelledby="provenance-heading" data-testid="provenance">
      <h2 id="provenance-heading">{say.heading}</h2>
      <p className="provenance-intro">{say.intro}</p>
      {provenance ? (
        <>
          <h3>{say.file}</h3>
          <FileFacts fingerprint={provenance.fingerprint} video={current.video?.start?.info} />
          <h3>{say.credentials}</h3>
          <CredentialsPart credentials={provenance.credentials} />
          <h3>{current.video?.start ? say.containerTags : say.metadata}</h3>
          <MetadataPart
            location={{ shown: current.locationShown ?? false, show: onShowLocation }}
            metadata={metadataOf(current, provenance)}
          />
          {provenance.thumbnail && <ThumbnailPart thumbnail={provenance.thumbnail} imageUrl={current.url} />}
        </>
      ) : (
        <p data-testid="provenance-reading">{say.reading}</p>
      )}
    </section>
  );
}
