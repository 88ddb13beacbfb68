/** Logistic-regression fusion of model probabilities, fitted on the validation split. */
export interface FusionWeights {
  bias: number;
  /** Weight per model name, applied to that model's logit. */
  weights: Record<string, number>;
}

const clampProbability = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));

export const logit = (p: number) => Math.log(clampProbability(p) / (1 - clampProbability(p)));
export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function fuseProbabilities(parts: Record<string, number>, fusion: FusionWeights): number {
  let z = fusion.bias;
  for (const [name, weight] of Object.entries(fusion.weights)) {
    const p = parts[name];
    if (p === undefined) throw new Error(`fusion needs the ${name} model's probability`);
    z += weight * logit(p);
  }
  return sigmoid(z);
}
