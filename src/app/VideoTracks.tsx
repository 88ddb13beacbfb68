import { bandMeaning, evidenceLabel, formatProbability } from '../pipeline/evidence';
import { forgeryKindText } from '../pipeline/forgery-kind';
import { trackNotes, trackScoreExplanation, type VideoVerdict } from '../video/aggregate';
import { formatTime } from './time-ticks';
import { trackColour } from './colormap';

/** One card per tracked person, then the moments with the highest scores as jump points. */
export function VideoTracks({ verdict, onSeek }: { verdict: VideoVerdict; onSeek: (time: number) => void }) {
  const { tracks, segments } = verdict;
  if (tracks.length === 0) {
    return (
      <div className="faces not-applicable" data-testid="no-face">
        <h2>No face yet</h2>
        <p>No face has been found in the analysed frames. Faces smaller than about 48 pixels, strongly turned away or covered may not be found.</p>
      </div>
    );
  }
  return (
    <div className="faces">
      <ol aria-label="People">
        {tracks.map((track) => (
          <li key={track.id} className={`face-card band-${track.tooSmall ? 'na' : track.band}${track.brief ? ' brief' : ''}${track.tooSmall ? ' too-small' : ''}`} data-testid="track-card">
            <button type="button" onClick={() => onSeek(track.first)}>
              <span className="face-number"><span className="swatch" style={{ background: trackColour(track.id) }} />Person {track.id}</span>
              {track.tooSmall ? (
                <>
                  <span className="probability" aria-hidden="true">–</span>
                  <span className="band" data-testid="track-too-small">Too small to assess</span>
                </>
              ) : (
                <>
                  <span className="probability" data-testid="track-probability">{formatProbability(track.mean)}</span>
                  <span className="band">{evidenceLabel(track.band)}</span>
                </>
              )}
            </button>
            <dl className="details">
              <div><dt>seen</dt><dd>{formatTime(track.first)} – {formatTime(track.last)}</dd></div>
              <div><dt>frames analysed</dt><dd>{track.points.length}</dd></div>
              <div><dt>frames in the weak band or above</dt><dd>{Math.round(track.aboveThreshold * 100)} %</dd></div>
              <div><dt>highest frame</dt><dd>{formatProbability(track.max)}</dd></div>
              {track.kind && track.kind.label !== 'not-applicable' && <div><dt>looks like</dt><dd data-testid="forgery-kind">{forgeryKindText(track.kind)}</dd></div>}
            </dl>
            {!track.tooSmall && <p className="band-meaning" data-testid="band-meaning">{bandMeaning(track.band)}</p>}
            {!track.tooSmall && <p className="why" data-testid="why">{trackScoreExplanation(track.points.length)}</p>}
            {trackNotes(track).map((note) => <p key={note} className="note">{note}</p>)}
          </li>
        ))}
      </ol>
      {segments.length > 0 && (
        <>
          <h3>Highest-scoring moments</h3>
          <ol className="segments" data-testid="segments">
            {segments.map((segment) => (
              <li key={`${segment.trackId}-${segment.start}`}>
                <button type="button" onClick={() => onSeek(segment.start)}>
                  {formatTime(segment.start)}–{formatTime(segment.end)} · person {segment.trackId} · {formatProbability(segment.mean)}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
