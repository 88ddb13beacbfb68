import { bandMeaning, evidenceLabel, formatProbability } from '../pipeline/evidence';
import { forgeryKindText } from '../pipeline/forgery-kind';
import { ScoreExplanation } from './ScoreExplanation';
import { selectCurrent, useAppStore } from './store';

export function FaceList() {
  const analysis = useAppStore((s) => selectCurrent(s)?.analysis);
  const selected = useAppStore((s) => s.selectedFace);
  const selectFace = useAppStore((s) => s.selectFace);
  if (!analysis) return null;
  if (analysis.faces.length === 0) {
    return (
      <div className="faces not-applicable" data-testid="no-face">
        <h2>Not applicable</h2>
        <p>No face was found, so there is nothing to assess. This does not mean the image is authentic.</p>
        <p>Faces smaller than about 24 pixels, strongly turned away, or heavily covered may not be found.</p>
      </div>
    );
  }
  return (
    <ol className="faces" aria-label="Faces">
      {analysis.faces.map((face, i) => (
        <li
          key={i}
          className={`face-card band-${face.assessable ? face.band : 'na'}${face.assessable ? '' : ' too-small'}${selected === i ? ' selected' : ''}`}
          data-testid="face-card"
        >
          <button type="button" onClick={() => selectFace(selected === i ? null : i)} aria-pressed={selected === i}>
            <span className="face-number">Face {i + 1}</span>
            {face.assessable ? (
              <>
                <span className="probability" data-testid="face-probability">{formatProbability(face.probability)}</span>
                <span className="band">{evidenceLabel(face.band)}</span>
              </>
            ) : (
              <>
                <span className="probability" aria-hidden="true">–</span>
                <span className="band" data-testid="face-too-small">Too small to assess</span>
              </>
            )}
          </button>
          {face.assessable ? (
            <>
              <dl className="details">
                {face.parts.map((part) => (
                  <div key={part.model}>
                    <dt>{part.label}</dt>
                    <dd>{part.probability.toFixed(3)}</dd>
                  </div>
                ))}
                {face.kind && face.kind.label !== 'not-applicable' && (
                  <div>
                    <dt>looks like</dt>
                    <dd data-testid="forgery-kind">{forgeryKindText(face.kind)}</dd>
                  </div>
                )}
                <FaceMeasures size={face.box} detectionScore={face.detectionScore} />
              </dl>
              <p className="band-meaning" data-testid="band-meaning">{bandMeaning(face.band)}</p>
              <ScoreExplanation parts={face.parts} fusion={analysis.fusion} />
            </>
          ) : (
            <dl className="details">
              <FaceMeasures size={face.box} detectionScore={face.detectionScore} />
            </dl>
          )}
          {face.notes.map((note) => <p key={note} className="note">{note}</p>)}
        </li>
      ))}
    </ol>
  );
}

function FaceMeasures({ size, detectionScore }: { size: { width: number; height: number }; detectionScore: number }) {
  return (
    <>
      <div>
        <dt>face size</dt>
        <dd>{Math.round(size.width)}×{Math.round(size.height)} px</dd>
      </div>
      <div>
        <dt>detector confidence</dt>
        <dd>{detectionScore.toFixed(2)}</dd>
      </div>
    </>
  );
}
