import { engineStopText, refusalText, words, type Language } from '../i18n';
import type { FileError } from './current-file';

/** Why a file has no result, in the reader's language. */
export function fileErrorText(error: FileError | undefined, language: Language): string {
  const say = words(language);
  if (!error) return say.announceFailed;
  if (error.id === 'cancelled') return say.cancelled;
  if (error.id === 'engineNotDownloaded') return say.engineNotDownloaded;
  if (error.id === 'refused') return refusalText(error.refusal, language);
  return error.id === 'failed' ? say.analysisFailed(error.detail) : engineStopText(error.stop, language);
}
