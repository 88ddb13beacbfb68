import { evidenceBand, evidenceLabel, type EvidenceBand } from '../pipeline/evidence';
import type { AnalysedFrame } from './types';

export interface TrackPoint {
  time: number;
  probability: number;
}

export interface TrackSummary {
  id: number;
  points: TrackPoint[];
  first: number;
  last: number;
  /** Mean of the per-frame probabilities: the track's score. */
  mean: number;
  max: number;
  /** Share of its frames above the decision threshold. */
  aboveThreshold: number;
  band: EvidenceBand;
  /** Too few frames to count towards the verdict (a passer-by, or a false detection). */
  brief: boolean;
}

export interface Segment {
  trackId: number;
  start: number;
  end: number;
  mean: number;
}

export interface VideoVerdict {
  /** The highest track score, or null when no face was tracked long enough. */
  probability: number | null;
  tracks: TrackSummary[];
  segments: Segment[];
  summary: string;
}

export interface VerdictOptions {
  threshold: number;
  /** Tracks with fewer analysed frames do not count towards the verdict. */
  minTrackFrames: number;
  /** Length of the windows ranked as jump points. */
  segmentSeconds: number;
  maxSegments: number;
}

export const defaultVerdictOptions: VerdictOptions = { threshold: 0.5, minTrackFrames: 3, segmentSeconds: 1, maxSegments: 5 };

export function trackSummaries(frames: AnalysedFrame[], options = defaultVerdictOptions): TrackSummary[] {
  const byTrack = new Map<number, TrackPoint[]>();
  for (const frame of frames) {
    for (const face of frame.faces) {
      let points = byTrack.get(face.trackId);
      if (!points) byTrack.set(face.trackId, (points = []));
      points.push({ time: frame.time, probability: face.probability });
    }
  }
  return [...byTrack.entries()].map(([id, points]) => {
    const probabilities = points.map((p) => p.probability);
    const mean = probabilities.reduce((a, b) => a + b, 0) / points.length;
    return {
      id,
      points,
      first: points[0].time,
      last: points[points.length - 1].time,
      mean,
      max: Math.max(...probabilities),
      aboveThreshold: probabilities.filter((p) => p >= options.threshold).length / points.length,
      band: evidenceBand(mean),
      brief: points.length < options.minTrackFrames,
    };
  });
}

/** The windows with the highest mean score, not overlapping in time, highest first. */
export function heaviestSegments(tracks: TrackSummary[], options = defaultVerdictOptions): Segment[] {
  const candidates: Segment[] = [];
  for (const track of tracks) {
    if (track.brief) continue;
    const { points } = track;
    let end = 0;
    let sum = 0;
    for (let start = 0; start < points.length; start++) {
      while (end < points.length && points[end].time - points[start].time < options.segmentSeconds) {
        sum += points[end].probability;
        end++;
      }
      candidates.push({ trackId: track.id, start: points[start].time, end: points[end - 1].time, mean: sum / (end - start) });
      sum -= points[start].probability;
    }
  }
  candidates.sort((a, b) => b.mean - a.mean);
  const chosen: Segment[] = [];
  for (const segment of candidates) {
    if (chosen.length === options.maxSegments) break;
    if (chosen.some((c) => segment.start <= c.end && c.start <= segment.end)) continue;
    chosen.push(segment);
  }
  return chosen;
}

/**
 * A track's score is the mean of its frame probabilities, as MesoNet's video protocol averages
 * frame decisions: one odd frame (motion blur, a half-turned head) moves it little. The video's
 * score is that of its most suspicious person, because one manipulated face is enough.
 */
export function videoVerdict(frames: AnalysedFrame[], options = defaultVerdictOptions): VideoVerdict {
  const tracks = trackSummaries(frames, options);
  const counted = tracks.filter((t) => !t.brief);
  const segments = heaviestSegments(tracks, options);
  if (counted.length === 0) {
    const seen = tracks.length > 0 ? ' (faces appeared only briefly)' : '';
    return {
      probability: null,
      tracks,
      segments,
      summary: `No face was tracked long enough to assess${seen}: this video cannot be assessed. This is not a verdict that it is real.`,
    };
  }
  const worst = counted.reduce((a, b) => (b.mean > a.mean ? b : a));
  const people = counted.length === 1 ? '1 person' : `${counted.length} people`;
  const which = counted.length > 1 ? ` (person ${worst.id})` : '';
  return {
    probability: worst.mean,
    tracks,
    segments,
    summary: `${people} tracked. Highest probability of manipulation ${worst.mean.toFixed(2)}${which}, averaged over ${worst.points.length} frames: ${evidenceLabel(worst.band).toLowerCase()}.`,
  };
}
