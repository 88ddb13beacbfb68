export type EvidenceBand = 'none' | 'weak' | 'moderate' | 'strong';

export const evidenceBands: { band: EvidenceBand; from: number; label: string }[] = [
  { band: 'none', from: 0, label: 'No evidence found' },
  { band: 'weak', from: 0.5, label: 'Weak evidence of manipulation' },
  { band: 'moderate', from: 0.7, label: 'Moderate evidence of manipulation' },
  { band: 'strong', from: 0.9, label: 'Strong evidence of manipulation' },
];

export function evidenceBand(probability: number): EvidenceBand {
  let band: EvidenceBand = 'none';
  for (const b of evidenceBands) if (probability >= b.from) band = b.band;
  return band;
}

/**
 * A probability as shown and reported: two digits, rounded down. Every band, and the forgery kind's decision, starts
 * on a hundredth, so the digits never sit on the other side of one from the words beside them (rounding showed
 * 0.4996 as "0.50 … no evidence").
 */
export function formatProbability(probability: number): string {
  return (Math.floor(probability * 100 + 1e-9) / 100).toFixed(2);
}

export function evidenceLabel(band: EvidenceBand): string {
  return evidenceBands.find((b) => b.band === band)!.label;
}

/**
 * The verdict of a whole image or video, as the report states it. Like Reality Defender's
 * statuses, it never says "authentic": below the threshold it is only NO_EVIDENCE_FOUND, and a
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

/** Shown with every result below the threshold, and written into the report's notes. */
export const noEvidenceCaveat =
  'A score below the threshold is not evidence of authenticity: these models miss many manipulations, especially in real-world videos and fakes unlike their training data.';

/** The notes a verdict carries because of its status. */
export function statusNotes(status: VerdictStatus): string[] {
  return status === 'NO_EVIDENCE_FOUND' ? [noEvidenceCaveat] : [];
}

/** The colour family a status is shown in: 'na' (neutral) when nothing could be assessed. */
export function statusBand(status: VerdictStatus): EvidenceBand | 'na' {
  return (Object.keys(bandStatuses) as EvidenceBand[]).find((band) => bandStatuses[band] === status) ?? 'na';
}
