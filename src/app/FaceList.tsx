import { bandMeaning, evidenceLabel, formatProbability } from '../pipeline/evidence';
import { modelLabel, noteText } from '../i18n';
import { forgeryKindText } from '../pipeline/forgery-kind';
import { useLanguage, useWords } from '../ui/language';
import { ScoreExplanation } from './ScoreExplanation';
import { selectCurrent, useAppStore } from './store';

export function FaceList() {
  const analysis = useAppStore((s) => selectCurrent(s)?.analysis);
  const selected = useAppStore((s) => s.selectedFace);
  const selectFace = useAppStore((s) => s.selectFace);
  const say = useWords();
  const language = useLanguage((s) => s.language);
  if (!analysis) return null;
  if (analysis.faces.length === 0) {
    return (
      <div className="faces not-applicable" data-testid="no-face">
        <h2>{say.notApplicable}</h2>
        <p>{say.noFaceText}</p>
        <p>{say.noFaceHint}</p>
      </div>
    );
  }
  return (
    <ol className="faces" aria-label={say.facesList}>
      {analysis.faces.map((face, i) => (
        <li
          key={i}
          className={`face-card band-${face.assessable ? face.band : 'na'}${face.assessable ? '' : ' too-small'}${selected === i ? ' selected' : ''}`}
          data-testid="face-card"
        >
          <button type="button" onClick={() => selectFace(selected === i ? null : i)} aria-pressed={selected === i}>
            <span className="face-number">{say.face(i + 1)}</span>
            {face.assessable ? (
              <>
                <span className="probability" data-testid="face-probability">{formatProbability(face.probability)}</span>
                <span className="band">{evidenceLabel(face.band, language)}</span>
              </>
            ) : (
              <>
                <span className="probability" aria-hidden="true">–</span>
                <span className="band" data-testid="face-too-small">{say.tooSmallToAssess}</span>
              </>
            )}
          </button>
          {face.assessable ? (
            <>
              <dl className="details">
                {face.parts.map((part) => (
                  <div key={part.model}>
                    <dt>{modelLabel(part, language)}</dt>
                    <dd>{formatProbability(part.probability)}</dd>
                  </div>
                ))}
                {face.kind && face.kind.label !== 'not-applicable' && (
                  <div>
                    <dt>{say.looksLike}</dt>
                    <dd data-testid="forgery-kind">{forgeryKindText(face.kind, language)}</dd>
                  </div>
                )}
                <FaceMeasures size={face.box} detectionScore={face.detectionScore} />
              </dl>
              <p className="band-meaning" data-testid="band-meaning">{bandMeaning(face.band, language)}</p>
              <ScoreExplanation parts={face.parts} fusion={analysis.fusion} />
            </>
          ) : (
            <dl className="details">
              <FaceMeasures size={face.box} detectionScore={face.detectionScore} />
            </dl>
          )}
          {face.notes.map((note) => noteText(note, language)).map((note) => <p key={note} className="note">{note}</p>)}
        </li>
      ))}
    </ol>
  );
}

function FaceMeasures({ size, detectionScore }: { size: { width: number; height: number }; detectionScore: number }) {
  const say = useWords();
  return (
    <>
      <div>
        <dt>{say.faceSize}</dt>
        <dd>{say.faceSizeValue(Math.round(size.width), Math.round(size.height))}</dd>
      </div>
      <div>
        <dt>{say.detectorConfidence}</dt>
        <dd>{detectionScore.toFixed(2)}</dd>
      </div>
    </>
  );
}
