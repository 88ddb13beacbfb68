import type { KeyboardEvent, MouseEvent } from 'react';
import { trackRuns, type TrackPoint, type TrackSummary } from '../video/aggregate';
import { useWords } from '../ui/language';
import { useAppStore } from './store';
import { tickLabel, timeTicks } from '../draw/time-ticks';
import { trackColour } from '../draw/colormap';

const width = 1000;
const height = 100;
const probabilityTicks = [0, 0.25, 0.5, 0.75, 1];
/** Seconds moved by the arrow keys and by Page Up / Page Down. */
const keySteps: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 };

function Playhead({ duration }: { duration: number }) {
  const time = useAppStore((s) => s.playheadTime);
  const x = (Math.min(time, duration) / duration) * width;
  return <line className="playhead" x1={x} x2={x} y1={0} y2={height} vectorEffect="non-scaling-stroke" />;
}

/** One person's points as lines, broken where the face was not seen for more than a second. */
function TrackLines({ id, points, kind, toXY }: { id: number; points: TrackPoint[]; kind: 'track-line' | 'trace-line'; toXY: (p: TrackPoint) => string }) {
  return trackRuns(points, 1).map((run, i) => (
    <polyline
      key={i}
      className={kind}
      data-testid={kind}
      points={run.map(toXY).join(' ')}
      style={{ stroke: trackColour(id) }}
      vectorEffect="non-scaling-stroke"
    />
  ));
}

/** Each person's per-frame probability over time; click or use the arrow keys to seek. */
export function Timeline({ duration, analysedUntil, tracks, threshold, currentTime, onSeek }: {
  duration: number;
  analysedUntil: number;
  tracks: TrackSummary[];
  threshold: number;
  /** The player's position now, a seek just asked for included (the playhead follows only once the frame shows). */
  currentTime: () => number;
  onSeek: (time: number) => void;
}) {
  // Whole seconds only: the player updates the time at every frame, and the lines need not redraw.
  const playheadSeconds = useAppStore((s) => Math.round(s.playheadTime));
  const say = useWords();
  const x = (t: number) => (t / duration) * width;
  const y = (p: number) => (1 - p) * height;
  const toXY = (p: TrackPoint) => `${x(p.time).toFixed(1)},${y(p.probability).toFixed(1)}`;
  const seekTo = (event: MouseEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    onSeek(Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)) * duration);
  };
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    const now = currentTime();
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? duration : event.key in keySteps ? now + keySteps[event.key] : null;
    if (target === null) return;
    event.preventDefault();
    onSeek(Math.min(duration, Math.max(0, target)));
  };
  const ticks = timeTicks(duration);
  return (
    <figure className="timeline">
      <figcaption id="timeline-caption">
        {say.timelineCaption(threshold, tracks.some((t) => t.trace.length > 0))}
      </figcaption>
      <div className="timeline-plot">
        <div className="probability-axis" aria-hidden="true">
          {probabilityTicks.map((p) => <span key={p} style={{ top: `${(1 - p) * 100}%` }}>{p}</span>)}
        </div>
        <div className="timeline-area">
          <svg
            viewBox={`0 0 ${width} ${height}`}
            preserveAspectRatio="none"
            onClick={seekTo}
            onKeyDown={onKey}
            role="slider"
            tabIndex={0}
            aria-label={say.timelineName}
            aria-describedby="timeline-caption"
            aria-valuemin={0}
            aria-valuemax={Math.round(duration)}
            aria-valuenow={playheadSeconds}
            aria-valuetext={say.timelineValue(tickLabel(playheadSeconds), tickLabel(Math.round(duration)))}
            data-testid="timeline"
          >
            <rect className="analysed" x={0} y={0} width={x(Math.min(analysedUntil, duration))} height={height} />
            {ticks.map((t) => <line key={t} className="grid" x1={x(t)} x2={x(t)} y1={0} y2={height} vectorEffect="non-scaling-stroke" />)}
            {probabilityTicks.map((p) => <line key={p} className="grid" x1={0} x2={width} y1={y(p)} y2={y(p)} vectorEffect="non-scaling-stroke" />)}
            <line className="threshold" x1={0} x2={width} y1={y(threshold)} y2={y(threshold)} vectorEffect="non-scaling-stroke" />
            {tracks.map((track) => <TrackLines key={`trace-${track.id}`} id={track.id} points={track.trace} kind="trace-line" toXY={toXY} />)}
            {tracks.map((track) => <TrackLines key={track.id} id={track.id} points={track.points} kind="track-line" toXY={toXY} />)}
            <Playhead duration={duration} />
          </svg>
          <div className="time-axis" aria-hidden="true" data-testid="time-ticks">
            {ticks.map((t) => <span key={t} style={{ left: `${(t / duration) * 100}%` }}>{tickLabel(t)}</span>)}
          </div>
        </div>
      </div>
    </figure>
  );
}
