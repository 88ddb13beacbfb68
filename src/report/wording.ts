import { words, type Language } from '../i18n';
import { minAssessableFacePx, smallFacePx } from '../pipeline/analysis';
import { bandMeaning, evidenceBands, evidenceLabel, formatProbability } from '../pipeline/evidence';
import type { Backend } from '../pipeline/onnx-model';

export function backendName(backend: Backend, language: Language = 'en'): string {
  return backend === 'webgpu' ? 'WebGPU' : words(language).backendCpu;
}

/** What each band means, for the report and the About panel: its name with its cut-off, and its measured meaning. */
export function bandGuide(language: Language = 'en'): [string, string][] {
  const say = words(language);
  return evidenceBands.map(({ band, from }) => [
    band === 'none'
      ? say.bandGuideNone(evidenceLabel(band, language), formatProbability(evidenceBands[1].from))
      : say.bandGuideFrom(evidenceLabel(band, language), formatProbability(from)),
    bandMeaning(band, language),
  ]);
}

/** The report's "Limits of this method", in plain words: each a heading and what it means. */
export function methodLimits(language: Language = 'en'): [string, string][] {
  const say = words(language);
  return say.methodLimits(minAssessableFacePx, smallFacePx, say.noEvidenceCaveat);
}
