import { words, type Language, type Note } from '../i18n';
// The manifest itself, not model-manifest.ts (whose model URLs need Vite): the e2e tests import these words.
import manifest from '../../models/manifest.json' with { type: 'json' };

export type EvidenceBand = 'none' | 'weak' | 'moderate' | 'strong';

/**
 * The bands' cut-offs come from measured false-alarm rates, not fixed probabilities (models/train/bands.py): each is
 * the lowest score at which, in the worst of the authentic sources tested (DFDC actors, LFW news photos, FFHQ
 * portraits, UTKFace web photos), clean, recompressed or small, at most `falseAlarms` of the authentic faces scored
 * as high.
 */
/** The bands' cut-offs and the smallest face they were measured on (models/manifest.json). */
export const { bands } = manifest;

export const evidenceBands: { band: EvidenceBand; from: number; falseAlarms: number }[] = [
  { band: 'none', from: 0, falseAlarms: 1 },
  { band: 'weak', from: bands.weak, falseAlarms: bands.limits.weak },
  { band: 'moderate', from: bands.moderate, falseAlarms: bands.limits.moderate },
  { band: 'strong', from: bands.strong, falseAlarms: bands.limits.strong },
];

/** The score from which a face shows evidence at all (the weak band's cut-off). */
export const evidenceThreshold = bands.weak;

const bandOrder: EvidenceBand[] = ['none', 'weak', 'moderate', 'strong'];

export function bandAtLeast(band: EvidenceBand, least: EvidenceBand): boolean {
  return bandOrder.indexOf(band) >= bandOrder.indexOf(least);
}

/** What a band means, as measured: the card, the report and the README say it in these words. */
export function bandMeaning(band: EvidenceBand, language: Language = 'en'): string {
  const b = evidenceBands.find((x) => x.band === band)!;
  const say = words(language);
  if (band === 'none') return say.bandMeaningNone(Math.round((1 - bands.limits.weak) * 100), formatProbability(bands.weak));
  return say.bandMeaning(Math.round(b.falseAlarms * 100), formatProbability(b.from));
}

export function evidenceBand(probability: number): EvidenceBand {
  let band: EvidenceBand = 'none';
  for (const b of evidenceBands) if (probability >= b.from) band = b.band;
  return band;
}

/**
 * A probability as shown and reported, rounded down: two digits, three from 0.99 and four from 0.999, where a calibrated
 * net's authentic faces crowd and the bands' cut-offs can fall. Every cut-off, and the forgery kind's decision, is such
 * a number, so the digits never sit on the other side of one from the words beside them (rounding showed 0.4996 as
 * "0.50 … no evidence").
 */
export function formatProbability(probability: number): string {
  const digits = probability < 0.99 ? 2 : probability < 0.999 ? 3 : 4;
  const scale = 10 ** digits;
  return (Math.floor(probability * scale + 1e-9) / scale).toFixed(digits);
}

export function evidenceLabel(band: EvidenceBand, language: Language = 'en'): string {
  return words(language).bandLabel[band];
}

/**
 * The verdict of a whole image or video, as the report states it. Like Reality Defender's
 * statuses, it never says "authentic": below the weak band it is only NO_EVIDENCE_FOUND, and a
 * file without an assessable face is NOT_APPLICABLE (no face) or UNABLE_TO_EVALUATE (faces, all
 * too small or too brief to judge).
 */
export type VerdictStatus =
  | 'NOT_APPLICABLE'
  | 'UNABLE_TO_EVALUATE'
  | 'NO_EVIDENCE_FOUND'
  | 'EVIDENCE_WEAK'
  | 'EVIDENCE_MODERATE'
  | 'EVIDENCE_STRONG';

const bandStatuses: Record<EvidenceBand, VerdictStatus> = {
  none: 'NO_EVIDENCE_FOUND',
  weak: 'EVIDENCE_WEAK',
  moderate: 'EVIDENCE_MODERATE',
  strong: 'EVIDENCE_STRONG',
};

export function bandStatus(band: EvidenceBand): VerdictStatus {
  return bandStatuses[band];
}

/** Shown with every result below the weak band, and written into the report's notes. */
export const noEvidenceCaveat = words('en').noEvidenceCaveat;

/** The notes a verdict carries because of its status. */
export function statusNotes(status: VerdictStatus): Note[] {
  return status === 'NO_EVIDENCE_FOUND' ? [{ id: 'noEvidenceCaveat' }] : [];
}

/** The colour family a status is shown in: 'na' (neutral) when nothing could be assessed. */
export function statusBand(status: VerdictStatus): EvidenceBand | 'na' {
  return (Object.keys(bandStatuses) as EvidenceBand[]).find((band) => bandStatuses[band] === status) ?? 'na';
}
