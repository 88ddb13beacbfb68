import { analysisReport, saveReportFile } from '../app/report';
import type { CurrentFile } from '../app/store';
import { defaultVerdictOptions, videoVerdict } from '../video/aggregate';
import { buildPdfReport, type TimelineData } from './pdf';
import { reportPictures } from './pictures';

/** Makes the PDF report of `current` on the device and hands it to the browser's download. */
export async function downloadPdfReport(current: CurrentFile): Promise<void> {
  const { video } = current;
  const verdict = video?.start ? videoVerdict(video.frames) : null;
  let timeline: TimelineData | undefined;
  if (video && verdict) {
    const duration = video.start?.info.duration ?? video.frames[video.frames.length - 1]?.time ?? 0;
    const analysedUntil = video.stopped ? Math.min(duration, video.progress?.mediaTime ?? 0) : duration;
    timeline = { duration, analysedUntil, threshold: defaultVerdictOptions.threshold, tracks: verdict.tracks };
  }
  const pdf = await buildPdfReport({ report: analysisReport(current), pictures: await reportPictures(current, verdict), timeline });
  saveReportFile(current, new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'pdf');
}
