import { isAssessable, minAssessableFacePx } from '../pipeline/analysis';
import { words, type Language, type Note } from '../i18n';
import { bandStatus, evidenceBand, evidenceThreshold, formatProbability, statusNotes, type EvidenceBand, type VerdictStatus } from '../pipeline/evidence';
import { forgeryKind, type ForgeryKind } from '../pipeline/forgery-kind';
import type { AnalysedFrame } from './types';

export interface TrackPoint {
  time: number;
  probability: number;
}

export interface TrackSummary {
  id: number;
  /** The person's score on each frame the multi-task net saw. */
  points: TrackPoint[];
  /** The classifier's (MesoNet's) output on each analysed frame, when the app runs one: shown beside the score, not in it. */
  trace: TrackPoint[];
  first: number;
  last: number;
  /** The track's score: the mean of its per-frame probabilities less the highest and lowest tenth (robustMean). */
  mean: number;
  max: number;
  /** Share of its frames at or above the weak band. */
  aboveThreshold: number;
  band: EvidenceBand;
  /** Too few frames to count towards the verdict (a passer-by, or a false detection). */
  brief: boolean;
  /** The face is below minAssessableFacePx in most of its frames: not counted towards the verdict. */
  tooSmall: boolean;
  /** What kind of forgery it looks like (from the mean over its frames), when the models say. */
  kind?: ForgeryKind;
}

export interface Segment {
  trackId: number;
  start: number;
  end: number;
  mean: number;
}

export interface VideoVerdict {
  /** The highest score of a counted track, or null when there is none. */
  probability: number | null;
  status: VerdictStatus;
  tracks: TrackSummary[];
  segments: Segment[];
  summary: string;
  /** Caveats that follow from the status, for the result and the report. */
  notes: Note[];
}

export interface VerdictOptions {
  threshold: number;
  /** Tracks with fewer analysed frames do not count towards the verdict. */
  minTrackFrames: number;
  /** Length of the windows ranked as jump points. */
  segmentSeconds: number;
  maxSegments: number;
  /** The language of the summary. */
  language: Language;
}

export const defaultVerdictOptions: VerdictOptions = { threshold: evidenceThreshold, minTrackFrames: 3, segmentSeconds: 1, maxSegments: 5, language: 'en' };

/**
 * The mean of a person's frame scores less the highest and the lowest tenth, and at least the one highest and one
 * lowest frame from three frames on: one odd frame (motion blur, a half-turned head, a compression burst) cannot
 * carry a person into a band, however short the track.
 */
export function robustMean(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const trim = sorted.length >= 3 ? Math.max(1, Math.floor(sorted.length / 10)) : 0;
  const kept = sorted.slice(trim, sorted.length - trim);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

export function trackSummaries(frames: AnalysedFrame[], options = defaultVerdictOptions): TrackSummary[] {
  const byTrack = new Map<number, TrackPoint[]>();
  const traces = new Map<number, TrackPoint[]>();
  const smallFrames = new Map<number, number>();
  const synthesised = new Map<number, number[]>();
  const lastSeen = new Map<number, number>();
  const push = <T>(map: Map<number, T[]>, id: number, value: T) => {
    const values = map.get(id);
    if (values) values.push(value);
    else map.set(id, [value]);
  };
  for (const frame of frames) {
    for (const face of frame.faces) {
      lastSeen.set(face.trackId, frame.time);
      if (face.classifier !== undefined) push(traces, face.trackId, { time: frame.time, probability: face.classifier });
      if (!face.scored) continue;
      push(byTrack, face.trackId, { time: frame.time, probability: face.probability });
      if (!isAssessable(face.box)) smallFrames.set(face.trackId, (smallFrames.get(face.trackId) ?? 0) + 1);
      if (face.synthesised !== undefined) push(synthesised, face.trackId, face.synthesised);
    }
  }
  const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return [...byTrack.entries()].map(([id, points]) => {
    const probabilities = points.map((p) => p.probability);
    const mean = robustMean(probabilities);
    const kinds = synthesised.get(id);
    const band = evidenceBand(mean);
    const tooSmall = (smallFrames.get(id) ?? 0) > points.length / 2;
    return {
      id,
      points,
      trace: traces.get(id) ?? [],
      first: points[0].time,
      last: lastSeen.get(id)!,
      mean,
      max: Math.max(...probabilities),
      aboveThreshold: probabilities.filter((p) => p >= options.threshold).length / points.length,
      band,
      brief: points.length < options.minTrackFrames,
      tooSmall,
      kind: kinds ? forgeryKind(meanOf(kinds), tooSmall ? 'na' : band) : undefined,
    };
  });
}

/** Why a person's score does not count towards the verdict, when it does not. */
export function trackNotes(track: Pick<TrackSummary, 'tooSmall' | 'brief'>, language: Language = 'en'): string[] {
  const say = words(language);
  return [...(track.tooSmall ? [say.trackTooSmall(minAssessableFacePx)] : []), ...(track.brief ? [say.trackBrief] : [])];
}

/** How a person's score is made, for the card and the report. */
export const trackScoreExplanation = (frames: number, language: Language = 'en') => words(language).trackScoreExplanation(frames);

/** Breaks a track's points where the face was not seen for more than `gap` seconds: the timeline draws no line across. */
export function trackRuns(points: TrackPoint[], gap: number): TrackPoint[][] {
  const out: TrackPoint[][] = [];
  for (const point of points) {
    const last = out[out.length - 1];
    if (last && point.time - last[last.length - 1].time <= gap) last.push(point);
    else out.push([point]);
  }
  return out;
}

const counts = (track: TrackSummary) => !track.brief && !track.tooSmall;

/** The windows with the highest mean score, not overlapping in time, highest first. */
export function heaviestSegments(tracks: TrackSummary[], options = defaultVerdictOptions): Segment[] {
  const candidates: Segment[] = [];
  for (const track of tracks) {
    if (!counts(track)) continue;
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
 * A track's score is the trimmed mean of its frame probabilities (robustMean), as MesoNet's video protocol averages
 * frame decisions. The video's
 * score is that of its most suspicious person, because one manipulated face is enough.
 */
export function videoVerdict(frames: AnalysedFrame[], options = defaultVerdictOptions): VideoVerdict {
  const tracks = trackSummaries(frames, options);
  const counted = tracks.filter(counts);
  const segments = heaviestSegments(tracks, options);
  const tooSmall = tracks.filter((t) => t.tooSmall).length;
  const say = words(options.language);
  if (counted.length === 0) {
    const status: VerdictStatus = tracks.length === 0 ? 'NOT_APPLICABLE' : 'UNABLE_TO_EVALUATE';
    return {
      probability: null,
      status,
      tracks,
      segments,
      summary: tooSmall > 0 ? say.videoNoLargeFace(minAssessableFacePx) : say.videoNoLongFace(tracks.length > 0),
      notes: statusNotes(status),
    };
  }
  const worst = counted.reduce((a, b) => (b.mean > a.mean ? b : a));
  const status = bandStatus(worst.band);
  return {
    probability: worst.mean,
    status,
    tracks,
    segments,
    summary: say.videoVerdict({
      people: counted.length, score: formatProbability(worst.mean), person: counted.length > 1 ? worst.id : null,
      frames: worst.points.length, band: worst.band, tooSmall, minPx: minAssessableFacePx,
    }),
    notes: statusNotes(status),
  };
}
