import { describe, expect, it } from 'vitest';
import { fuseProbabilities } from '../pipeline/fusion';
import { explainScore } from './score-explanation';

const fusion = { bias: -0.37, weights: { meso4: 0.82, multitask: 0.48 } };
const part = (model: string, probability: number) => ({ model, label: model === 'meso4' ? 'MesoNet' : 'Multi-task net', probability });

describe('explainScore', () => {
  it('breaks the combined score into the weighted parts that sum to it', () => {
    const parts = [part('meso4', 0.8), part('multitask', 0.6)];
    const { fusion: detail, sentence } = explainScore(parts, fusion);
    expect(detail!.probability).toBeCloseTo(fuseProbabilities({ meso4: 0.8, multitask: 0.6 }, fusion));
    expect(detail!.terms.map((t) => t.weight)).toEqual([0.82, 0.48]);
    expect(sentence).not.toMatch(/disagree/);
  });

  it('says why a part above the threshold sits beside a combined score below it', () => {
    const { fusion: detail, sentence } = explainScore([part('meso4', 0.504), part('multitask', 0.3)], fusion);
    expect(detail!.probability).toBeLessThan(0.5);
    expect(sentence).toContain('Here they disagree (MesoNet above 0.5, Multi-task net below)');
    expect(sentence).toContain('MesoNet counts most');
  });

  it('says why every model above the threshold can still give a score below it', () => {
    const { fusion: detail, sentence } = explainScore([part('meso4', 0.546), part('multitask', 0.599)], fusion);
    expect(detail!.probability).toBeLessThan(0.5);
    expect(sentence).toContain('Here every model is above 0.5 but the score is not');
  });

  it('names the single model when there is no fusion', () => {
    expect(explainScore([part('meso4', 0.7)], null)).toEqual({ sentence: "The score is MesoNet's calibrated output.", fusion: null });
  });

  it('says which model is the score and which is only shown when two run unfused', () => {
    const { sentence, fusion: detail } = explainScore([part('multitask', 0.7), part('meso4', 0.2)], null);
    expect(detail).toBeNull();
    expect(sentence).toBe("The score is Multi-task net's calibrated output. MesoNet: shown beside it, not part of the score (on held-out photos it did not make the score better).");
    expect(explainScore([part('multitask', 0.7), part('meso4', 0.2)], null, 'ja').sentence).toContain('スコアには含めません');
  });
});
