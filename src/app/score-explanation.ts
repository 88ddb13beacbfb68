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

const listed = (labels: string[]) => labels.join(' and ');

/**
 * Why a face has its number: how the models' outputs combine, and why they can disagree with
 * the combination (a part above the threshold beside a combined score below it).
 */
export function explainScore(parts: ModelPart[], fusion: FusionWeights | null, threshold = 0.5): ScoreExplanation {
  if (!fusion || parts.length < 2) {
    return { sentence: `The score is ${parts[0]?.label ?? 'the model'}'s calibrated output.`, fusion: null };
  }
  const terms = parts.map((part) => {
    const weight = fusion.weights[part.model] ?? 0;
    return { label: part.label, probability: part.probability, weight, contribution: weight * logit(part.probability) };
  });
  const probability = sigmoid(fusion.bias + terms.reduce((sum, t) => sum + t.contribution, 0));
  const above = terms.filter((t) => t.probability >= threshold).map((t) => t.label);
  const below = terms.filter((t) => t.probability < threshold).map((t) => t.label);
  const heaviest = terms.reduce((a, b) => (b.weight > a.weight ? b : a));
  let sentence = `The score weighs each model's output by how well it told real from manipulated faces on held-out photos, so it is not their average and can lie outside them.`;
  if (above.length > 0 && below.length > 0) {
    sentence += ` Here they disagree (${listed(above)} above ${threshold}, ${listed(below)} below): the models look for different traces and miss different fakes; ${heaviest.label} counts most.`;
  } else if ((above.length > 0) !== (probability >= threshold)) {
    const side = above.length > 0 ? 'above' : 'below';
    sentence += ` Here every model is ${side} ${threshold} but the score is not: the weights are under 1 and the starting value is ${fusion.bias.toFixed(2)}, so outputs this close to ${threshold} do not carry it across.`;
  }
  return { sentence, fusion: { bias: fusion.bias, terms, probability } };
}
