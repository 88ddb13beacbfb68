/** A file the user gave and what is known of it: the state every feature reads (the app keeps it, src/app/store). */
import type { EngineStop, Refusal } from '../i18n';
import type { ComparisonState } from '../compare/types';
import type { ImageAnalysis } from '../pipeline/analysis';
import type { Provenance } from '../provenance/types';
import type { MediaKind } from '../video/media-kind';
import type { AnalysedFrame, VideoAnalysisEnd, VideoAnalysisStart, VideoProgress } from '../video/types';

export interface VideoResults {
  start?: VideoAnalysisStart;
  /** In time order; they arrive while the analysis runs. */
  frames: AnalysedFrame[];
  progress?: VideoProgress;
  end?: VideoAnalysisEnd;
  /**
   * Set when the analysis ended early, because the user cancelled it or (with the `reason`) the
   * engine crashed: the frames cover the video up to there.
   */
  stopped?: { reason?: EngineStop };
}

/** Why a file has no result; said in the language on screen (fileErrorText). */
export type FileError =
  | { id: 'cancelled' }
  /** The engine's files could not be fetched: offline before they were ever downloaded. */
  | { id: 'engineNotDownloaded' }
  /** detail: an unexpected failure's own message. */
  | { id: 'failed'; detail: string }
  /** A file the analysis cannot take, and why. */
  | { id: 'refused'; refusal: Refusal }
  /** The engine crashed or stopped answering, and was restarted. */
  | { id: 'engineStopped'; stop: EngineStop };

export interface CurrentFile {
  id: number;
  file: File;
  kind: MediaKind;
  name: string;
  /** Object URL of the user's file, for display; revoked when the next file replaces it. */
  url: string;
  status: 'queued' | 'analyzing' | 'done' | 'error';
  analysis?: ImageAnalysis;
  video?: VideoResults;
  error?: FileError;
  /** Read beside the face analysis (src/provenance); undefined while it is being read. */
  provenance?: Provenance;
  /** The user asked to see the GPS position in the metadata (it is in the report only then). */
  locationShown?: boolean;
  /** The comparison with a picture the user believes is the original (src/compare). */
  comparison?: ComparisonState;
}
