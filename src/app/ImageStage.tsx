import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { formatProbability } from '../pipeline/evidence';
import { drawnBox } from '../draw/face-mark';
import { FaceLabel } from './FaceLabel';
import { drawableFace, heatCanvasScale, paintHeatmap } from '../draw/heat-draw';
import { useWords } from '../ui/language';
import { selectCurrent, useAppStore } from './store';

export function ImageStage() {
  const current = useAppStore(selectCurrent)!;
  const visible = useAppStore((s) => s.heatmapVisible);
  const opacity = useAppStore((s) => s.heatmapOpacity);
  const selected = useAppStore((s) => s.selectedFace);
  const selectFace = useAppStore((s) => s.selectFace);
  const canvas = useRef<HTMLCanvasElement>(null);
  const analysis = current.analysis;
  const say = useWords();

  const drawable = useMemo(() => analysis?.faces.map(drawableFace) ?? [], [analysis]);
  const heatScale = heatCanvasScale(drawable);
  const heatWidth = analysis ? Math.max(1, Math.round(analysis.width * heatScale)) : 1;
  const heatHeight = analysis ? Math.max(1, Math.round(analysis.height * heatScale)) : 1;

  useEffect(() => {
    if (canvas.current && analysis) {
      paintHeatmap(canvas.current.getContext('2d')!, drawable, { x: heatWidth / analysis.width, y: heatHeight / analysis.height });
    }
  }, [analysis, drawable, heatWidth, heatHeight]);

  const zoomBox = analysis && selected !== null ? analysis.faces[selected]?.box : undefined;

  useEffect(() => {
    if (!zoomBox) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') selectFace(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoomBox, selectFace]);
  const zoomStyle = zoomBox && analysis ? zoomTransform(zoomBox, analysis.width, analysis.height) : undefined;

  return (
    <div className="stage" data-testid="stage">
      <div className="stage-inner" style={zoomStyle}>
        <img src={current.url} alt={say.analysedImage(current.name)} />
        {analysis && (
          <>
            <canvas
              ref={canvas}
              width={heatWidth}
              height={heatHeight}
              className="heatmap"
              data-testid="heatmap"
              style={{ opacity: visible ? opacity : 0 }}
              aria-hidden="true"
            />
            <svg className="boxes" viewBox={`0 0 ${analysis.width} ${analysis.height}`} preserveAspectRatio="none">
              {analysis.faces.map((face, i) => {
                const drawn = drawnBox(face.box, analysis.width, analysis.height);
                return (
                <g
                  key={i}
                  className={`face-box band-${face.assessable ? face.band : 'na'}${face.assessable ? '' : ' too-small'}${selected === i ? ' selected' : ''}`}
                  data-testid="face-box"
                  role="button"
                  tabIndex={0}
                  aria-pressed={selected === i}
                  aria-label={say.faceBoxName(i + 1, face.assessable ? formatProbability(face.probability) : null)}
                  onClick={() => selectFace(selected === i ? null : i)}
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter' && event.key !== ' ') return;
                    event.preventDefault();
                    selectFace(selected === i ? null : i);
                  }}
                >
                  <rect x={drawn.x} y={drawn.y} width={drawn.width} height={drawn.height} vectorEffect="non-scaling-stroke" />
                </g>
                );
              })}
            </svg>
            {analysis.faces.map((face, i) => (
              <FaceLabel key={i} box={drawnBox(face.box, analysis.width, analysis.height)} width={analysis.width} height={analysis.height} band={face.assessable ? face.band : 'na'}>
                {i + 1}
              </FaceLabel>
            ))}
          </>
        )}
      </div>
      {zoomBox && (
        <button type="button" className="unzoom" onClick={() => selectFace(null)}>{say.showWholeImage}</button>
      )}
    </div>
  );
}

/** Scales the image so the face fills about half the view, centred where the image allows. */
function zoomTransform(box: { x: number; y: number; width: number; height: number }, width: number, height: number) {
  const scale = Math.min(8, Math.max(1, Math.min(width, height) / (2 * Math.max(box.width, box.height))));
  const offset = (centre: number) => Math.min(0, Math.max(1 - scale, 0.5 - scale * centre)) * 100;
  const tx = offset((box.x + box.width / 2) / width);
  const ty = offset((box.y + box.height / 2) / height);
  // --zoom keeps box outlines and labels at their on-screen size.
  return { transformOrigin: '0 0', transform: `translate(${tx}%, ${ty}%) scale(${scale})`, '--zoom': scale } as CSSProperties;
}
