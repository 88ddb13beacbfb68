export type EvidenceBand = 'none' | 'weak' | 'moderate' | 'strong';

export const evidenceBands: { band: EvidenceBand; from: number; label: string }[] = [
  { band: 'none', from: 0, label: 'No evidence of manipulation found' },
  { band: 'weak', from: 0.5, label: 'Weak evidence of manipulation' },
  { band: 'moderate', from: 0.7, label: 'Moderate evidence of manipulation' },
  { band: 'strong', from: 0.9, label: 'Strong evidence of manipulation' },
];

export function evidenceBand(probability: number): EvidenceBand {
  let band: EvidenceBand = 'none';
  for (const b of evidenceBands) if (probability >= b.from) band = b.band;
  return band;
}

export function evidenceLabel(band: EvidenceBand): string {
  return evidenceBands.find((b) => b.band === band)!.label;
}
