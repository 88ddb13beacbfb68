import type { KeyboardEvent, MouseEvent } from 'react';
import type { TrackPoint, TrackSummary } from '../video/aggregate';
import { useAppStore } from './store';
import { trackColour } from './VideoStage';

const width = 1000;
const height = 100;

/** Breaks a track's line where the face was not seen for more than `gap` seconds. */
function runs(points: TrackPoint[], gap: number): TrackPoint[][] {
  const out: TrackPoint[][] = [];
  for (const point of points) {
    const last = out[out.length - 1];
    if (last && point.time - last[last.length - 1].time <= gap) last.push(point);
    else out.push([point]);
  }
  return out;
}

function Playhead({ duration }: { duration: number }) {
  const time = useAppStore((s) => s.playheadTime);
  const x = (Math.min(time, duration) / duration) * width;
  return <line className="playhead" x1={x} x2={x} y1={0} y2={height} vectorEffect="non-scaling-stroke" />;
}

/** Each person's per-frame probability over time; click or use the arrow keys to seek. */
export function Timeline({ duration, analysedUntil, tracks, threshold, onSeek }: {
  duration: number;
  analysedUntil: number;
  tracks: TrackSummary[];
  threshold: number;
  onSeek: (time: number) => void;
}) {
  // Whole seconds only: the player updates the time at every frame, and the lines need not redraw.
  const playheadSeconds = useAppStore((s) => Math.round(s.playheadTime));
  const x = (t: number) => (t / duration) * width;
  const y = (p: number) => (1 - p) * height;
  const seekTo = (event: MouseEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    onSeek(Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)) * duration);
  };
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    onSeek(Math.min(duration, Math.max(0, useAppStore.getState().playheadTime + step)));
  };
  return (
    <figure className="timeline">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        onClick={seekTo}
        onKeyDown={onKey}
        role="slider"
        tabIndex={0}
        aria-label="Probability of manipulation over time; click to jump there"
        aria-valuemin={0}
        aria-valuemax={Math.round(duration)}
        aria-valuenow={playheadSeconds}
        data-testid="timeline"
      >
        <rect className="analysed" x={0} y={0} width={x(Math.min(analysedUntil, duration))} height={height} />
        <line className="threshold" x1={0} x2={width} y1={y(threshold)} y2={y(threshold)} vectorEffect="non-scaling-stroke" />
        {tracks.map((track) => runs(track.points, 1).map((run, i) => (
          <polyline
            key={`${track.id}-${i}`}
            className="track-line"
            data-testid="track-line"
            points={run.map((p) => `${x(p.time).toFixed(1)},${y(p.probability).toFixed(1)}`).join(' ')}
            style={{ stroke: trackColour(track.id) }}
            vectorEffect="non-scaling-stroke"
          />
        )))}
        <Playhead duration={duration} />
      </svg>
      <figcaption>
        <span>0:00</span>
        <span>probability per frame (dashed: threshold {threshold})</span>
        <span>{formatTime(duration)}</span>
      </figcaption>
    </figure>
  );
}

export function formatTime(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  return `${m}:${s < 10 ? '0' : ''}${s.toFixed(1)}`;
}
