import type { ModelPart } from '../pipeline/analysis';
import { formatProbability } from '../pipeline/evidence';
import type { FusionWeights } from '../pipeline/fusion';
import { explainScore } from './score-explanation';

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;

/** "Why this number": a sentence on how the models' outputs combine, the arithmetic behind a disclosure. */
export function ScoreExplanation({ parts, fusion }: { parts: ModelPart[]; fusion: FusionWeights | null }) {
  const { sentence, fusion: detail } = explainScore(parts, fusion);
  return (
    <div className="why" data-testid="why">
      <p>{sentence}</p>
      {detail && (
        <details>
          <summary>How the models combine</summary>
          <p>
            Each model's output becomes log-odds (0 at 0.5), is multiplied by its weight, and is added to a starting
            value of {signed(detail.bias)}; the sum, turned back into a probability, is the score. The weights were fitted
            on held-out photos and self-blended fakes.
          </p>
          <table>
            <thead>
              <tr><th scope="col">model</th><th scope="col">output</th><th scope="col">weight</th><th scope="col">adds</th></tr>
            </thead>
            <tbody>
              {detail.terms.map((term) => (
                <tr key={term.label}>
                  <th scope="row">{term.label}</th>
                  <td>{term.probability.toFixed(3)}</td>
                  <td>{term.weight.toFixed(2)}</td>
                  <td>{signed(term.contribution)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">starting value</th><td /><td /><td>{signed(detail.bias)}</td>
              </tr>
            </tbody>
            <tfoot>
              <tr><th scope="row">score</th><td>{formatProbability(detail.probability)}</td><td /><td /></tr>
            </tfoot>
          </table>
        </details>
      )}
    </div>
  );
}
