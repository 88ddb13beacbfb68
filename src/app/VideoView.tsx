import { useMemo, useRef } from 'react';
import { captureFrame } from '../compare/compare-file';
import { ComparePanel } from '../compare/ComparePanel';
import { ExportVideoButton } from '../export/ExportVideoButton';
import { engineStopText } from '../i18n';
import { statusBand } from '../pipeline/evidence';
import { CredentialsLine, ProvenancePanel } from '../provenance/ProvenancePanel';
import { defaultVerdictOptions, videoVerdict, type VideoVerdict } from '../video/aggregate';
import { describeSampling } from '../video/sampling';
import type { VideoOptions } from '../worker/video-engine';
import { cancelAnalysis, compareHost, reanalyzeCurrent } from './analyze-file';
import { HeatmapControls } from './HeatmapControls';
import { useLanguage, useWords } from '../ui/language';
import { selectCurrent, useAppStore } from './store';
import type { CurrentFile } from '../files/current-file';
import { ReportButton, ResultNotes } from './Summary';
import { formatTime } from '../draw/time-ticks';
import { Timeline } from './Timeline';
import { VideoStage } from './VideoStage';
import { VideoTracks } from './VideoTracks';

const rateChoices: { value: string; rate: VideoOptions['sampleFps'] }[] = [
  { value: 'auto', rate: 'auto' },
  { value: 'all', rate: null },
  { value: '10', rate: 10 },
  { value: '5', rate: 5 },
  { value: '2', rate: 2 },
  { value: '1', rate: 1 },
];

/** The video sampling rate; changing it re-analyses the current video. */
export function SamplingControl() {
  const rate = useAppStore((s) => s.videoSampleFps);
  const setRate = useAppStore((s) => s.setVideoSampleFps);
  const say = useWords();
  const value = rateChoices.find((c) => c.rate === rate)?.value ?? 'auto';
  return (
    <label className="sampling">
      {say.framesToAnalyse}{' '}
      <select
        value={value}
        data-testid="sampling"
        onChange={(event) => {
          setRate(rateChoices.find((c) => c.value === event.target.value)!.rate);
          if (selectCurrent(useAppStore.getState())?.kind === 'video') reanalyzeCurrent();
        }}
      >
        {rateChoices.map(({ value, rate }) => (
          <option key={value} value={value}>{rate === 'auto' ? say.rate.auto : rate === null ? say.rate.all : say.rate.perSecond(rate)}</option>
        ))}
      </select>
    </label>
  );
}

function VideoSummary({ current, verdict }: { current: CurrentFile; verdict: VideoVerdict }) {
  const video = current.video!;
  const { start, progress } = video;
  const say = useWords();
  const language = useLanguage((s) => s.language);
  const sampling = start && describeSampling(start.info, start.plan.sampleFps, start.scoreFps, language);
  const heatOpacity = useAppStore((s) => (s.heatmapVisible ? s.heatmapOpacity : 0));
  if (current.status === 'analyzing') {
    const speed = progress && progress.elapsedMs > 0 ? progress.framesDone / (progress.elapsedMs / 1000) : 0;
    const left = progress?.framesTotal && speed > 0 ? Math.max(0, progress.framesTotal - progress.framesDone) / speed : null;
    return (
      <div className="summary" data-testid="video-progress">
        <div>
          {say.analysing} <em>{current.name}</em>
          {start ? `${language === 'ja' ? '、' : ', '}${sampling}` : '…'}
          {' '}<button type="button" onClick={cancelAnalysis}>{say.cancel}</button>
        </div>
        {progress && (
          <div className="progress-line">
            <progress max={progress.framesTotal ?? undefined} value={progress.framesDone} aria-label={say.framesAnalysedName} />
            <span data-testid="frames-done">{say.framesCount(progress.framesDone, progress.framesTotal ?? null)}</span>
            <span>{say.framesPerSecond(speed)}</span>
            {left !== null && <span>{say.timeLeft(formatTime(left))}</span>}
          </div>
        )}
        {verdict.probability !== null && <div className="note">{say.soFar(verdict.summary)}</div>}
      </div>
    );
  }
  return (
    <div className={`summary band-${statusBand(verdict.status)}`} data-testid="summary">
      <strong>{current.name}</strong>: {verdict.summary}
      <CredentialsLine current={current} />
      <ResultNotes notes={verdict.notes} />
      {start && <div className="note">{say.analysedFrames(video.frames.length, sampling!)}</div>}
      {video.stopped && (
        <div className="note" data-testid="stopped">
          {video.stopped.reason && <>{engineStopText(video.stopped.reason, language)} </>}{say.stoppedAt(formatTime(video.progress?.mediaTime ?? 0))}
        </div>
      )}
      <ResultNotes notes={video.end?.notes ?? []} />
      <ReportButton current={current} />
      {start && <ExportVideoButton current={current} heatOpacity={heatOpacity} />}
    </div>
  );
}

export function VideoView({ current }: { current: CurrentFile }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const updateFile = useAppStore((s) => s.updateFile);
  const video = current.video;
  const language = useLanguage((s) => s.language);
  const verdict = useMemo(() => videoVerdict(video?.frames ?? [], { ...defaultVerdictOptions, language }), [video?.frames, language]);
  const seek = (time: number) => {
    if (videoRef.current) videoRef.current.currentTime = time;
  };
  const start = video?.start;
  const lastFrame = video?.frames[video.frames.length - 1];
  const duration = start?.info.duration ?? lastFrame?.time ?? 0;
  return (
    <>
      {video ? <VideoSummary current={current} verdict={verdict} /> : null}
      <div className="result-body">
        <div className="stage-column">
          <VideoStage videoRef={videoRef} />
          {duration > 0 && (
            <Timeline
              duration={duration}
              analysedUntil={current.status === 'analyzing' ? video?.progress?.mediaTime ?? 0 : duration}
              tracks={verdict.tracks}
              threshold={defaultVerdictOptions.threshold}
              currentTime={() => videoRef.current?.currentTime ?? 0}
              onSeek={seek}
            />
          )}
          <HeatmapControls />
        </div>
        <VideoTracks verdict={verdict} onSeek={seek} />
      </div>
      <ProvenancePanel current={current} onShowLocation={(locationShown) => updateFile(current.id, { locationShown })} />
      {current.status === 'done' && <ComparePanel current={current} host={compareHost(current.id)} captureFrame={() => captureFrame(videoRef.current)} />}
    </>
  );
}
