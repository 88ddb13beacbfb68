import { useEffect, useRef, useState } from 'react';
import { useLanguage, useWords } from '../ui/language';
import type { CurrentFile } from '../files/current-file';
import { formatTime } from '../draw/time-ticks';
import { exportFailureText, type ExportFailure } from '../i18n';
import { exportAnnotatedVideo, type ExportProgress, type VideoExport } from './export-video';

type ExportState = { state: 'idle' | 'cancelled' } | { state: 'exporting'; progress: ExportProgress } | { state: 'failed'; failure: ExportFailure };

/**
 * "Export annotated video": the MP4 with the analysis drawn on it, made on this device, with progress and Cancel; its heat
 * at `heatOpacity`, as the player shows it.
 */
export function ExportVideoButton({ current, heatOpacity }: { current: CurrentFile; heatOpacity: number }) {
  const [status, setStatus] = useState<ExportState>({ state: 'idle' });
  const running = useRef<VideoExport>(undefined);
  const say = useWords();
  const language = useLanguage((s) => s.language);
  // Leaving this result (another file shown) stops its export: its progress and Cancel live here.
  useEffect(() => () => running.current?.cancel(), []);

  const start = () => {
    setStatus({ state: 'exporting', progress: { fraction: 0, secondsLeft: null } });
    const job = exportAnnotatedVideo(current, language, heatOpacity, (progress) => setStatus({ state: 'exporting', progress }));
    running.current = job;
    void job.done.then((result) => {
      running.current = undefined;
      setStatus(result.status === 'saved' ? { state: 'idle' } : result.status === 'cancelled' ? { state: 'cancelled' } : { state: 'failed', failure: result.failure });
    });
  };

  if (status.state === 'exporting') {
    const { fraction, secondsLeft } = status.progress;
    return (
      <div className="progress-line" data-testid="video-export-progress">
        <span>{say.exportMaking}</span>
        <progress max={1} value={fraction} aria-label={say.exportMade} />
        <span data-testid="video-export-percent">{Math.round(fraction * 100)} %</span>
        {secondsLeft !== null && <span>{say.timeLeft(formatTime(secondsLeft))}</span>}
        <button type="button" onClick={() => running.current?.cancel()} data-testid="video-export-cancel">{say.exportCancel}</button>
      </div>
    );
  }
  return (
    <div className="report-buttons">
      <button type="button" className="report" onClick={start} data-testid="export-video">
        {say.exportVideo}
      </button>
      {status.state === 'cancelled' && <span className="note" role="status">{say.exportCancelled}</span>}
      {status.state === 'failed' && <span className="note" role="alert">{exportFailureText(status.failure, language)}</span>}
    </div>
  );
}
