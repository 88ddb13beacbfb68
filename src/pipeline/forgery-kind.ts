import { words, type Language } from '../i18n';
import { bandAtLeast, formatProbability, type EvidenceBand } from './evidence';

/**
 * The kind of forgery a face looks like, from the multi-task net's third output: the probability that
 * it is a synthesised whole face (a GAN face) rather than a replaced or blended one (a face swap, a
 * blended edit). The output was trained on fakes only, so the kind is said only for a face with at least
 * moderate evidence of manipulation: at weak, an authentic clip read "looks like: replaced or blended 0.99".
 */
export type ForgeryKindLabel = 'synthesised' | 'replaced' | 'undecided' | 'not-applicable';

export interface ForgeryKind {
  label: ForgeryKindLabel;
  /** Probability that the face was synthesised whole rather than replaced or blended. */
  synthesised: number;
}

/** A kind is said when its probability reaches this; between the two, "not decided". */
export const forgeryKindDecision = 0.8;

/** The band from which the kind is said. */
export const forgeryKindFromBand: EvidenceBand = 'moderate';

/** band: the face's evidence band, or 'na' when it is too small to assess. */
export function forgeryKind(synthesised: number, band: EvidenceBand | 'na'): ForgeryKind {
  if (band === 'na' || !bandAtLeast(band, forgeryKindFromBand)) return { label: 'not-applicable', synthesised };
  if (synthesised >= forgeryKindDecision) return { label: 'synthesised', synthesised };
  if (1 - synthesised >= forgeryKindDecision) return { label: 'replaced', synthesised };
  return { label: 'undecided', synthesised };
}

/** The "looks like" line of a face's card and report. */
export function forgeryKindText({ label, synthesised }: ForgeryKind, language: Language = 'en'): string {
  const say = words(language);
  const replaced = 1 - synthesised;
  switch (label) {
    case 'synthesised':
      return say.kindSynthesised(formatProbability(synthesised));
    case 'replaced':
      return say.kindReplaced(formatProbability(replaced));
    case 'undecided':
      return say.kindUndecided(formatProbability(synthesised), formatProbability(replaced));
    case 'not-applicable':
      return say.kindNotSaid;
  }
}
