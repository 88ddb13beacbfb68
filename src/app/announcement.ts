import { noteText, words, type Language } from '../i18n';
import { summarize } from '../pipeline/analysis';
import { statusNotes } from '../pipeline/evidence';
import { defaultVerdictOptions, videoVerdict } from '../video/aggregate';
import { fileErrorText } from '../files/file-error';
import type { CurrentFile } from '../files/current-file';

/** Quarters, so a screen reader hears progress every 25 %, not every frame: the percentage done, or null at first. */
function quarterDone(current: CurrentFile): number | null {
  const progress = current.video?.progress;
  if (!progress?.framesTotal) return null;
  const quarter = Math.min(3, Math.floor((progress.framesDone / progress.framesTotal) * 4));
  return quarter > 0 ? quarter * 25 : null;
}

/**
 * What the page's live region says about the file on screen: progress while it is analysed, then
 * the verdict with its caveat, or the error.
 */
export function announcement(current: CurrentFile | undefined, engineLoading: boolean, language: Language = 'en'): string {
  const say = words(language);
  if (!current) return engineLoading ? say.announceEngine : '';
  const { name } = current;
  switch (current.status) {
    case 'queued':
      return say.announceQueued(name);
    case 'analyzing':
      return engineLoading ? say.announceEngineThen(name) : say.announceAnalysing(name, quarterDone(current));
    case 'error':
      return `${name}: ${fileErrorText(current.error, language)}`;
    case 'done': {
      const { summary, status } = current.analysis
        ? summarize(current.analysis.faces, language)
        : videoVerdict(current.video?.frames ?? [], { ...defaultVerdictOptions, language });
      return [`${name}: ${summary}`, ...statusNotes(status).map((note) => noteText(note, language))].join(language === 'ja' ? '' : ' ');
    }
  }
}
