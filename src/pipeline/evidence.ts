import { modelManifest } from './model-manifest';

export type EvidenceBand = 'none' | 'weak' | 'moderate' | 'strong';

/**
 * The bands' cut-offs come from measured false-alarm rates, not fixed probabilities (models/train/bands.py): each is
 * the lowest score at which, in the worst of the authentic sources tested (DFDC actors, LFW news photos, FFHQ
 * portraits, UTKFace web photos), clean, recompressed or small, at most `falseAlarms` of the authentic faces scored
 * as high.
 */
const { bands } = modelManifest;

export const evidenceBands: { band: EvidenceBand; from: number; label: string; falseAlarms: number }[] = [
  { band: 'none', from: 0, label: 'No evidence found', falseAlarms: 1 },
  { band: 'weak', from: bands.weak, label: 'Weak evidence of manipulation', falseAlarms: bands.limits.weak },
  { band: 'moderate', from: bands.moderate, label: 'Moderate evidence of manipulation', falseAlarms: bands.limits.moderate },
  { band: 'strong', from: bands.strong, label: 'Strong evidence of manipulation', falseAlarms: bands.limits.strong },
];

/** The score from which a face shows evidence at all (the weak band's cut-off). */
export const evidenceThreshold = bands.weak;

const bandOrder: EvidenceBand[] = ['none', 'weak', 'moderate', 'strong'];

export function bandAtLeast(band: EvidenceBand, least: EvidenceBand): boolean {
  return bandOrder.indexOf(band) >= bandOrder.indexOf(least);
}

/** How many authentic faces in 100 scored as high as a band in our tests, in words. */
function inHundred(share: number): string {
  const n = Math.round(share * 100);
  return n === 1 ? 'at most 1 authentic face in 100' : `at most ${n} authentic faces in 100`;
}

/** What a band means, as measured: the card, the report and the README say it in these words. */
export function bandMeaning(band: EvidenceBand): string {
  const b = evidenceBands.find((x) => x.band === band)!;
  if (band === 'none') {
    return `In our tests, at least ${Math.round((1 - bands.limits.weak) * 100)} in 100 authentic faces of every source scored under ${formatProbability(bands.weak)}; so do many manipulated faces.`;
  }
  return `In our tests, ${inHundred(b.falseAlarms)} scored ${formatProbability(b.from)} or more (authentic faces from four sources, clean, recompressed and small).`;
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

export function evidenceLabel(band: EvidenceBand): string {
  return evidenceBands.find((b) => b.band === band)!.label;
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
export const noEvidenceCaveat =
  'A score below the weak band is not evidence of authenticity: these models miss many manipulations, especially in real-world videos and fakes unlike their training data.';

/** The notes a verdict carries because of its status. */
export function statusNotes(status: VerdictStatus): string[] {
  return status === 'NO_EVIDENCE_FOUND' ? [noEvidenceCaveat] : [];
}

/** The colour family a status is shown in: 'na' (neutral) when nothing could be assessed. */
export function statusBand(status: VerdictStatus): EvidenceBand | 'na' {
  return (Object.keys(bandStatuses) as EvidenceBand[]).find((band) => bandStatuses[band] === status) ?? 'na';
}
