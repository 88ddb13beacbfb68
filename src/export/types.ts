import type { Language } from '../i18n';
import type { AnalysedFrame } from '../video/types';

/** What the export worker needs from the analysis to draw it over the video. */
export interface ExportRequest {
  frames: AnalysedFrame[];
  /** The analysed picture's size: the boxes' and masks' coordinates, and the exported video's size. */
  width: number;
  height: number;
  /** How long an analysed frame's boxes stay drawn (frame-lookup's frameValidity), in seconds. */
  frameValidity: number;
  /** The heatmap's opacity as the screen shows it (0 when hidden). */
  heatOpacity: number;
  /** Where a cancelled analysis stopped, in video seconds; null when it covers the whole video. */
  stoppedAt: number | null;
  /** The language on screen: the legend and the boxes' labels are in it. */
  language: Language;
}
