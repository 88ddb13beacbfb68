import type { Note } from '../i18n';
import type { ModelInfo, StageTimings } from '../pipeline/analysis';
import type { FusionWeights } from '../pipeline/fusion';
import type { Affine, Box } from '../pipeline/types';
import type { FramePlan, VideoInfo } from './video-info';

/** A face's heat quantised to bytes (0-255 for 0-1): a long video holds thousands of them. */
export interface ByteHeat {
  size: number;
  data: Uint8Array;
}

export interface VideoFace {
  trackId: number;
  box: Box;
  detectionScore: number;
  toImage: Affine;
  /** Combined probability of manipulation. */
  probability: number;
  /** Each model's probability, in the order of VideoAnalysisStart.models. */
  parts: number[];
  /**
   * False on a frame the multi-task net skipped (every frame analysed: it runs on a sample, MesoNet on all): the
   * probability, the multi-task part, heat and synthesised are then the person's last scored ones, standing for drawing.
   */
  scored: boolean;
  /** The classifier's (MesoNet's) calibrated output on this frame, when the app runs one: the person's per-frame trace. */
  classifier?: number;
  heat?: ByteHeat;
  /** Probability that the face was synthesised whole rather than replaced or blended, when the models say. */
  synthesised?: number;
}

export interface AnalysedFrame {
  /** Index among the frames handed to the analysis (after sampling). */
  index: number;
  /** Presentation time in seconds, as the player reports it. */
  time: number;
  faces: VideoFace[];
}

export interface VideoAnalysisStart {
  info: VideoInfo;
  plan: FramePlan;
  /** The sampling the user asked for; null: every frame. */
  requestedFps: number | null;
  /** Every frame analysed by the classifier, the multi-task net's rate (plus the frames where the classifier jumps); null: it runs on every analysed frame. */
  scoreFps: number | null;
  backend: string;
  models: ModelInfo[];
  fusion: FusionWeights | null;
  partLabels: string[];
}

export interface VideoProgress {
  framesDone: number;
  /** Expected frames after sampling; null when the container does not say. */
  framesTotal: number | null;
  /** Video seconds analysed so far. */
  mediaTime: number;
  elapsedMs: number;
}

export interface VideoUpdate {
  frames: AnalysedFrame[];
  progress: VideoProgress;
}

export interface VideoAnalysisEnd {
  progress: VideoProgress;
  /** Summed milliseconds per stage (decode: time spent waiting for frames). */
  timings: StageTimings;
  notes: Note[];
}
