import type { ModelPart } from '../pipeline/analysis';
import { formatProbability } from '../pipeline/evidence';
import type { FusionWeights } from '../pipeline/fusion';
import { useLanguage, useWords } from '../ui/language';
import { explainScore } from '../report/score-explanation';

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;

/** "Why this number": a sentence on how the models' outputs combine, the arithmetic behind a disclosure. */
export function ScoreExplanation({ parts, fusion }: { parts: ModelPart[]; fusion: FusionWeights | null }) {
  const say = useWords();
  const { sentence, fusion: detail } = explainScore(parts, fusion, useLanguage((s) => s.language));
  return (
    <div className="why" data-testid="why">
      <p>{sentence}</p>
      {detail && (
        <details>
          <summary>{say.howModelsCombine}</summary>
          <p>{say.howModelsCombineText(signed(detail.bias))}</p>
          <table>
            <thead>
              <tr>{say.fusionColumns.map((column) => <th key={column} scope="col">{column}</th>)}</tr>
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
                <th scope="row">{say.fusionStart}</th><td /><td /><td>{signed(detail.bias)}</td>
              </tr>
            </tbody>
            <tfoot>
              <tr><th scope="row">{say.fusionScore}</th><td>{formatProbability(detail.probability)}</td><td /><td /></tr>
            </tfoot>
          </table>
        </details>
      )}
    </div>
  );
}
