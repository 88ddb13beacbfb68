import { en, type Messages } from './en';
import { ja } from './ja';
import type { ComparisonFailure, EngineStop, ExportFailure, Note, ReadFailure, Refusal } from './notes';

export type Language = 'en' | 'ja';
export const languages: Language[] = ['en', 'ja'];
export type { ComparisonFailure, EngineStop, ExportFailure, Messages, Note, ReadFailure, Refusal };

const catalogues: Record<Language, Messages> = { en, ja };

/** The words of the app in a language. */
export function words(language: Language): Messages {
  return catalogues[language];
}

/** The language a browser asks for: Japanese for any ja* tag, English otherwise. */
export function languageOf(tag: string | undefined): Language {
  return tag?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** A model's name as the reader sees it. */
export function modelLabel(part: { model: string; label: string }, language: Language): string {
  return words(language).modelLabels[part.model] ?? part.label;
}

export function refusalText(refusal: Refusal, language: Language): string {
  const say = words(language).refusal[refusal.id] as (r: Refusal) => string;
  return say(refusal);
}

export function noteText(note: Note, language: Language): string {
  const say = words(language).note[note.id] as (n: Note) => string;
  return say(note);
}

export function readFailureText(failure: ReadFailure, language: Language): string {
  const say = words(language).provenance.readFailure[failure.id] as (f: ReadFailure) => string;
  return say(failure);
}

export function comparisonFailureText(failure: ComparisonFailure, language: Language): string {
  const say = words(language).compare.failure[failure.id] as (f: ComparisonFailure) => string;
  return say(failure);
}

export function exportFailureText(failure: ExportFailure, language: Language): string {
  const say = words(language).exportFailure[failure.id] as (f: ExportFailure) => string;
  return say(failure);
}

export function engineStopText(stop: EngineStop, language: Language): string {
  const say = words(language);
  return stop.id === 'silent' ? say.engineSilent : say.engineCrashed(stop.detail);
}
