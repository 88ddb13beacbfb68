import { useMemo, useRef } from 'react';
import { captureFrame } from '../compare/compare-file';
import { ComparePanel } from '../compare/ComparePanel';
import { ExportVideoButton } from '../export/ExportVideoButton';
import { statusBand } from '../pipeline/evidence';
import { CredentialsLine, ProvenancePanel } from '../provenance/ProvenancePanel';
import { defaultVerdictOptions, videoVerdict, type VideoVerdict } from '../video/aggregate';
import { describeSampling } from '../video/sampling';
import type { VideoOptions } from '../worker/video-engine';
import { cancelAnalysis, reanalyzeCurrent } from './analyze-file';
import { HeatmapControls } from './HeatmapControls';
import { selectCurrent, useAppStore, type CurrentFile } from './store';
import { ReportButton, ResultNotes } from './Summary';
import { formatTime } from './time-ticks';
import { Timeline } from './Timeline';
import { VideoStage } from './VideoStage';
import { VideoTracks } from './VideoTracks';

const rateChoices: { value: string; rate: VideoOptions['sampleFps']; label: string }[] = [
  { value: 'auto', rate: 'auto', label: 'Automatic (all frames if fast enough)' },
  { value: 'all', rate: null, label: 'Every frame' },
  { value: '10', rate: 10, label: '10 per second' },
  { value: '5', rate: 5, label: '5 per second' },
  { value: '2', rate: 2, label: '2 per second' },
  { value: '1', rate: 1, label: '1 per second' },
];

/** The video sampling rate; changing it re-analyses the current video. */
export function SamplingControl() {
  const rate = useAppStore((s) => s.videoSampleFps);
  const setRate = useAppStore((s) => s.setVideoSampleFps);
  const value = rateChoices.find((c) => c.rate === rate)?.value ?? 'auto';
  return (
    <label className="sampling">
      Video frames to analyse{' '}
      <select
        value={value}
        data-testid="sampling"
        onChange={(event) => {
          setRate(rateChoices.find((c) => c.value === event.target.value)!.rate);
          if (selectCurrent(useAppStore.getState())?.kind === 'video') reanalyzeCurrent();
        }}
      >
        {rateChoices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </label>
  );
}

function VideoSummary({ current, verdict }: { current: CurrentFile; verdict: VideoVerdict }) {
  const video = current.video!;
  const { start, progress } = video;
  const sampling = start && describeSampling(start.info, start.plan.sampleFps);
  if (current.status === 'analyzing') {
    const speed = progress && progress.elapsedMs > 0 ? progress.framesDone / (progress.elapsedMs / 1000) : 0;
    const left = progress?.framesTotal && speed > 0 ? Math.max(0, progress.framesTotal - progress.framesDone) / speed : null;
    return (
      <div className="summary" data-testid="video-progress">
        <div>
          Analysing <em>{current.name}</em>
          {start ? `, ${sampling}` : '…'}
          {' '}<button type="button" onClick={cancelAnalysis}>Cancel</button>
        </div>
        {progress && (
          <div className="progress-line">
            <progress max={progress.framesTotal ?? undefined} value={progress.framesDone} aria-label="Frames analysed" />
            <span data-testid="frames-done">{progress.framesDone}{progress.framesTotal ? ` / ${progress.framesTotal}` : ''} frames</span>
            <span>{speed.toFixed(1)} frames/s</span>
            {left !== null && <span>about {formatTime(left)} left</span>}
          </div>
        )}
        {verdict.probability !== null && <div className="note">So far: {verdict.summary}</div>}
      </div>
    );
  }
  return (
    <div className={`summary band-${statusBand(verdict.status)}`} data-testid="summary">
      <strong>{current.name}</strong>: {verdict.summary}
      <CredentialsLine current={current} />
      <ResultNotes notes={verdict.notes} />
      {start && <div className="note">Analysed {video.frames.length} frames: {sampling}.</div>}
      {video.stopped && (
        <div className="note" data-testid="stopped">
          {video.stopped.reason && <>{video.stopped.reason} </>}Stopped at {formatTime(video.progress?.mediaTime ?? 0)}: the results cover the video up to there.
        </div>
      )}
      <ResultNotes notes={video.end?.notes ?? []} />
      <ReportButton current={current} />
      {start && <ExportVideoButton current={current} />}
    </div>
  );
}

export function VideoView({ current }: { current: CurrentFile }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const video = current.video;
  const verdict = useMemo(() => videoVerdict(video?.frames ?? []), [video?.frames]);
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
              onSeek={seek}
            />
          )}
          <HeatmapControls />
        </div>
        <VideoTracks verdict={verdict} onSeek={seek} />
      </div>
      <ProvenancePanel current={current} />
      {current.status === 'done' && <ComparePanel current={current} captureFrame={() => captureFrame(videoRef.current)} />}
    </>
  );
}
