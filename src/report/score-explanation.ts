import { modelLabel, words, type Language } from '../i18n';
import type { ModelPart } from '../pipeline/analysis';
import { logit, sigmoid, type FusionWeights } from '../pipeline/fusion';

export interface FusionTerm {
  label: string;
  probability: number;
  weight: number;
  /** weight × log-odds of the model's probability: what it adds to the combined log-odds. */
  contribution: number;
}

export interface ScoreExplanation {
  /** One or two sentences for the face's card. */
  sentence: string;
  /** The detail behind the disclosure; null when one model's output is the score. */
  fusion: { bias: number; terms: FusionTerm[]; probability: number } | null;
}

/**
 * Why a face has its number: how the models' outputs combine, and why they can disagree with
 * the combination (a part above the threshold beside a combined score below it).
 */
export function explainScore(parts: ModelPart[], fusion: FusionWeights | null, language: Language = 'en', threshold = 0.5): ScoreExplanation {
  const say = words(language);
  if (!fusion || parts.length < 2) {
    // Unfused, the first part is the score (src/worker/engine.ts) and any other is only shown.
    const [scored, ...beside] = parts.map((part) => modelLabel(part, language));
    const sentence = say.scoreOneModel(scored ?? say.scoreTheModel) + (beside.length > 0 ? say.scoreBeside(beside) : '');
    return { sentence, fusion: null };
  }
  const terms = parts.map((part) => {
    const weight = fusion.weights[part.model] ?? 0;
    return { label: modelLabel(part, language), probability: part.probability, weight, contribution: weight * logit(part.probability) };
  });
  const probability = sigmoid(fusion.bias + terms.reduce((sum, t) => sum + t.contribution, 0));
  const above = terms.filter((t) => t.probability >= threshold).map((t) => t.label);
  const below = terms.filter((t) => t.probability < threshold).map((t) => t.label);
  const heaviest = terms.reduce((a, b) => (b.weight > a.weight ? b : a));
  let sentence = say.scoreWeighted;
  if (above.length > 0 && below.length > 0) {
    sentence += say.scoreDisagree(above, below, threshold, heaviest.label);
  } else if ((above.length > 0) !== (probability >= threshold)) {
    sentence += say.scoreNotCarried(above.length > 0 ? 'above' : 'below', threshold, fusion.bias.toFixed(2));
  }
  return { sentence, fusion: { bias: fusion.bias, terms, probability } };
}
