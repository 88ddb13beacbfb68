import { useRef, useState } from 'react';
import { useLanguage, useWords } from '../ui/language';
import { useObjectUrl } from '../ui/object-url';
import type { CurrentFile } from '../files/current-file';
import { formatTime } from '../draw/time-ticks';
import { comparisonFailureText } from '../i18n';
import { compareWithOriginal } from './compare-file';
import type { CompareHost, ComparedFrame, ComparisonView } from './types';

function FaceChanges({ view }: { view: ComparisonView }) {
  const say = useWords().compare;
  if (!view.faces.length) return null;
  return (
    <ul className="compare-faces" data-testid="compare-faces">
      {view.faces.map((face, i) => (
        <li key={i}>
          {say.face(i + 1, face.changed, Math.round(face.changedFraction * 100), face.meanDifference.toFixed(1))}
        </li>
      ))}
    </ul>
  );
}

function ComparisonResult({ current, view, frame }: { current: CurrentFile; view: ComparisonView; frame?: ComparedFrame }) {
  const alignedUrl = useObjectUrl(view.alignedPng, 'image/png');
  const differenceUrl = useObjectUrl(view.differencePng, 'image/png');
  // The compared picture: the photo itself, or the video's frame as captured.
  const frameUrl = useObjectUrl(frame?.png, 'image/png');
  const pictureUrl = frame ? frameUrl : current.url;
  const say = useWords().compare;
  const pictureName = say.comparedPicture(frame ? formatTime(frame.time) : null);
  const [reveal, setReveal] = useState(50);
  const aspect = `${view.sourceWidth} / ${view.sourceHeight}`;
  return (
    <>
      <p data-testid="compare-summary">{say.summary(view.alignment === 'faces', view.correlation.toFixed(2), view.regions.length)}</p>
      <FaceChanges view={view} />
      <div className="compare-views">
        <figure>
          <div className="compare-slider" style={{ aspectRatio: aspect }}>{alignedUrl && <img src={alignedUrl} alt={say.alignedOriginal} />}</div>
          <figcaption>{say.alignedOriginal}</figcaption>
        </figure>
        <figure>
          <div className="compare-slider" style={{ aspectRatio: aspect }}>{pictureUrl && <img src={pictureUrl} alt={pictureName} />}</div>
          <figcaption>{pictureName}</figcaption>
        </figure>
        <figure>
          <div className="compare-slider" style={{ aspectRatio: aspect }}>
            {pictureUrl && <img src={pictureUrl} alt="" />}
            {alignedUrl && <img src={alignedUrl} alt="" style={{ clipPath: `inset(0 ${100 - reveal}% 0 0)` }} />}
          </div>
          <label className="compare-reveal">
            {say.reveal(frame !== undefined)}
            <input type="range" min={0} max={100} value={reveal} onChange={(e) => setReveal(Number(e.target.value))} data-testid="compare-slider" />
          </label>
        </figure>
        <figure>
          <div className="compare-difference" style={{ aspectRatio: aspect }}>
            {differenceUrl && <img src={differenceUrl} alt={say.differenceAlt} />}
            <svg viewBox={`0 0 ${view.sourceWidth} ${view.sourceHeight}`} preserveAspectRatio="none" aria-hidden="true">
              {view.regions.map((r, i) => (
                <rect key={i} x={r.x} y={r.y} width={r.width} height={r.height} data-testid="compare-region" vectorEffect="non-scaling-stroke" />
              ))}
            </svg>
          </div>
          <figcaption>{say.differenceCaption}</figcaption>
        </figure>
      </div>
    </>
  );
}

/**
 * "Compare with an original…": the user adds the picture they believe this one was made from. For
 * a video, `captureFrame` gives the frame on screen when the original is chosen.
 */
export function ComparePanel({ current, host, captureFrame }: {
  current: CurrentFile; host: CompareHost; captureFrame?: () => Promise<ComparedFrame | null>;
}) {
  const input = useRef<HTMLInputElement>(null);
  const comparison = current.comparison;
  const say = useWords().compare;
  const language = useLanguage((s) => s.language);
  return (
    <section className="compare" aria-labelledby="compare-heading" data-testid="compare">
      <h2 id="compare-heading">{say.heading}</h2>
      <p className="provenance-intro">{say.intro(captureFrame !== undefined)}</p>
      <button type="button" onClick={() => input.current?.click()} data-testid="compare-pick" disabled={comparison?.status === 'comparing'}>
        {say.pick}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept="image/*"
        data-testid="compare-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          if (!captureFrame) {
            void compareWithOriginal(current, host, file);
            return;
          }
          void captureFrame().then((frame) => {
            if (frame) void compareWithOriginal(current, host, file, frame);
            else host.setComparison({ status: 'failed', originalName: file.name, failure: { id: 'noFrame' } });
          });
        }}
      />
      {comparison?.status === 'comparing' && <p role="status">{say.comparing} <em>{comparison.originalName}</em>…</p>}
      {comparison?.status === 'failed' && <p className="note" data-testid="compare-refused"><em>{comparison.originalName}</em>: {comparisonFailureText(comparison.failure, language)}</p>}
      {comparison?.status === 'done' && (
        <>
          <p>
            {say.compared(comparison.frame ? formatTime(comparison.frame.time) : null)} <em>{comparison.originalName}</em>.
          </p>
          <ComparisonResult current={current} view={comparison} frame={comparison.frame} />
        </>
      )}
    </section>
  );
}
