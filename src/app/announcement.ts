import { statusNotes } from '../pipeline/evidence';
import { videoVerdict } from '../video/aggregate';
import type { CurrentFile } from './store';

/** Quarters, so a screen reader hears progress every 25 %, not every frame. */
function quarterDone(current: CurrentFile): string {
  const progress = current.video?.progress;
  if (!progress?.framesTotal) return '';
  const quarter = Math.min(3, Math.floor((progress.framesDone / progress.framesTotal) * 4));
  return quarter > 0 ? `: ${quarter * 25} % done` : '';
}

/**
 * What the page's live region says about the file on screen: progress while it is analysed, then
 * the verdict with its caveat, or the error.
 */
export function announcement(current: CurrentFile | undefined, engineLoading: boolean): string {
  if (!current) return engineLoading ? 'Loading the analysis engine.' : '';
  const { name } = current;
  switch (current.status) {
    case 'queued':
      return `${name} waits its turn.`;
    case 'analyzing':
      return engineLoading ? `Loading the analysis engine (first time only), then analysing ${name}.` : `Analysing ${name}${quarterDone(current)}.`;
    case 'error':
      return `${name}: ${current.error ?? 'failed'}`;
    case 'done': {
      const { summary, status } = current.analysis ?? videoVerdict(current.video?.frames ?? []);
      return [`${name}: ${summary}`, ...statusNotes(status)].join(' ');
    }
  }
}
