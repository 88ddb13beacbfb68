import { bandMeaning, evidenceLabel, formatProbability } from '../pipeline/evidence';
import { forgeryKindText } from '../pipeline/forgery-kind';
import { trackNotes, trackScoreExplanation, type VideoVerdict } from '../video/aggregate';
import { formatTime } from '../draw/time-ticks';
import { trackColour } from '../draw/colormap';
import { useLanguage, useWords } from '../ui/language';

/** One card per tracked person, then the moments with the highest scores as jump points. */
export function VideoTracks({ verdict, onSeek }: { verdict: VideoVerdict; onSeek: (time: number) => void }) {
  const { tracks, segments } = verdict;
  const say = useWords();
  const language = useLanguage((s) => s.language);
  if (tracks.length === 0) {
    return (
      <div className="faces not-applicable" data-testid="no-face">
        <h2>{say.noFaceYet}</h2>
        <p>{say.noFaceYetText}</p>
      </div>
    );
  }
  return (
    <div className="faces">
      <ol aria-label={say.peopleList}>
        {tracks.map((track) => (
          <li key={track.id} className={`face-card band-${track.tooSmall ? 'na' : track.band}${track.brief ? ' brief' : ''}${track.tooSmall ? ' too-small' : ''}`} data-testid="track-card">
            <button type="button" onClick={() => onSeek(track.first)}>
              <span className="face-number"><span className="swatch" style={{ background: trackColour(track.id) }} />{say.person(track.id)}</span>
              {track.tooSmall ? (
                <>
                  <span className="probability" aria-hidden="true">–</span>
                  <span className="band" data-testid="track-too-small">{say.tooSmallToAssess}</span>
                </>
              ) : (
                <>
                  <span className="probability" data-testid="track-probability">{formatProbability(track.mean)}</span>
                  <span className="band">{evidenceLabel(track.band, language)}</span>
                </>
              )}
            </button>
            <dl className="details">
              <div><dt>{say.seen}</dt><dd>{formatTime(track.first)} – {formatTime(track.last)}</dd></div>
              <div><dt>{say.framesAnalysed}</dt><dd>{track.points.length}</dd></div>
              <div><dt>{say.framesInBand}</dt><dd>{Math.round(track.aboveThreshold * 100)} %</dd></div>
              <div><dt>{say.highestFrame}</dt><dd>{formatProbability(track.max)}</dd></div>
              {track.kind && track.kind.label !== 'not-applicable' && <div><dt>{say.looksLike}</dt><dd data-testid="forgery-kind">{forgeryKindText(track.kind, language)}</dd></div>}
            </dl>
            {!track.tooSmall && <p className="band-meaning" data-testid="band-meaning">{bandMeaning(track.band, language)}</p>}
            {!track.tooSmall && <p className="why" data-testid="why">{trackScoreExplanation(track.points.length, language)}</p>}
            {trackNotes(track, language).map((note) => <p key={note} className="note">{note}</p>)}
          </li>
        ))}
      </ol>
      {segments.length > 0 && (
        <>
          <h3>{say.moments}</h3>
          <ol className="segments" data-testid="segments">
            {segments.map((segment) => (
              <li key={`${segment.trackId}-${segment.start}`}>
                <button type="button" onClick={() => onSeek(segment.start)}>
                  {say.moment(formatTime(segment.start), formatTime(segment.end), segment.trackId, formatProbability(segment.mean))}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
