import { useCallback, useEffect, useRef, useState } from 'react';
import { frameAt, frameValidity } from '../video/frame-lookup';
import type { AnalysedFrame } from '../video/types';
import { trackColour } from '../draw/colormap';
import { drawnBox, faceMark } from '../draw/face-mark';
import { FaceLabel } from './FaceLabel';
import { drawableVideoFace, paintHeatmap } from '../draw/heat-draw';
import { useLanguage, useWords } from '../ui/language';
import { selectCurrent, useAppStore } from './store';

/**
 * The user's video with the analysis drawn over it: at every frame the player presents
 * (requestVideoFrameCallback), the boxes and heatmap of the analysed frame at that time.
 */
export function VideoStage({ videoRef }: { videoRef: React.RefObject<HTMLVideoElement | null> }) {
  const current = useAppStore(selectCurrent)!;
  const video = current.video;
  const start = video?.start;
  const visible = useAppStore((s) => s.heatmapVisible);
  const opacity = useAppStore((s) => s.heatmapOpacity);
  const setPlayheadTime = useAppStore((s) => s.setPlayheadTime);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [shown, setShown] = useState<AnalysedFrame | undefined>();
  /** The player's MediaError code, once it failed. */
  const [playerError, setPlayerError] = useState<number | null>(null);
  const say = useWords();
  const language = useLanguage((s) => s.language);
  const frames = useRef<AnalysedFrame[]>([]);
  frames.current = video?.frames ?? [];
  const validity = start ? frameValidity(start.plan.sampleFps, start.info.fps) : 0;

  // The player presents every frame; an analysed frame is painted once, not at each of them.
  const painted = useRef<{ canvas: HTMLCanvasElement; frame: AnalysedFrame | undefined }>(undefined);
  const show = useCallback((time: number) => {
    const frame = frameAt(frames.current, time, validity);
    setShown((previous) => (previous === frame ? previous : frame));
    if (!canvas.current || (painted.current?.canvas === canvas.current && painted.current.frame === frame)) return;
    paintHeatmap(canvas.current.getContext('2d')!, frame?.faces.map(drawableVideoFace) ?? []);
    painted.current = { canvas: canvas.current, frame };
  }, [validity]);

  useEffect(() => {
    const element = videoRef.current;
    if (!element) return;
    let handle = 0;
    const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
      show(metadata.mediaTime);
      setPlayheadTime(metadata.mediaTime);
      handle = element.requestVideoFrameCallback(onFrame);
    };
    handle = element.requestVideoFrameCallback(onFrame);
    // A seek while paused presents its frame without a frame callback: the boxes would keep the previous frame's.
    const onSeeked = () => {
      show(element.currentTime);
      setPlayheadTime(element.currentTime);
    };
    element.addEventListener('seeked', onSeeked);
    return () => {
      element.cancelVideoFrameCallback(handle);
      element.removeEventListener('seeked', onSeeked);
    };
  }, [videoRef, show, setPlayheadTime]);

  // New results for the frame on screen, e.g. while paused during the analysis.
  useEffect(() => {
    if (videoRef.current) show(videoRef.current.currentTime);
  }, [video?.frames, show, videoRef]);

  const width = start?.plan.width;
  const height = start?.plan.height;
  return (
    <div className="stage video-stage" data-testid="video-stage">
      {/* The box has the video's aspect ratio, so the overlay's pixels map exactly onto the picture. */}
      <div className="stage-inner" style={width && height ? { aspectRatio: `${width} / ${height}`, width: `min(100%, calc(60vh * ${width / height}))` } : undefined}>
        <video
          ref={videoRef} src={current.url} controls playsInline muted data-testid="video"
          aria-label={say.analysedVideo(current.name)}
          onError={(event) => setPlayerError(event.currentTarget.error?.code ?? MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED)}
        />
        {width && height && (
          <>
            <canvas
              ref={canvas}
              width={width}
              height={height}
              className="heatmap"
              data-testid="heatmap"
              style={{ opacity: visible ? opacity : 0 }}
              aria-hidden="true"
            />
            <svg
              className="boxes passive" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true"
              data-testid="video-overlay" data-frame-time={shown?.time}
            >
              {shown?.faces.map((face) => {
                const { assessable, band } = faceMark(face, language);
                const drawn = drawnBox(face.box, width, height);
                return (
                  <g key={face.trackId} className={`face-box band-${band}${assessable ? '' : ' too-small'}`} data-testid="face-box">
                    <rect
                      x={drawn.x} y={drawn.y} width={drawn.width} height={drawn.height}
                      vectorEffect="non-scaling-stroke" style={{ stroke: trackColour(face.trackId) }}
                    />
                  </g>
                );
              })}
            </svg>
            {shown?.faces.map((face) => {
              const { band, label } = faceMark(face, language);
              return <FaceLabel key={face.trackId} box={drawnBox(face.box, width, height)} width={width} height={height} band={band}>{label}</FaceLabel>;
            })}
          </>
        )}
      </div>
      {playerError !== null && (
        <p className="note unplayable" data-testid="unplayable">
          {/* A format the browser plays (it opened the file) failing to decode part-way: the data is at fault, not the codec. */}
          {playerError === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED ? say.unplayable : say.unplayableDamaged}
        </p>
      )}
    </div>
  );
}
