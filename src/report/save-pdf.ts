import { analysisReport, saveReportFile } from './analysis-report';
import type { CurrentFile } from '../files/current-file';
import type { Language } from '../i18n';
import { defaultVerdictOptions, videoVerdict } from '../video/aggregate';
import { buildPdfReport, type TimelineData } from './pdf';
import { reportPictures } from './pictures';
import { fetchReportFont } from './report-fonts';

/** Makes the PDF report of `current` in `language` on the device and hands it to the browser's download. */
export async function downloadPdfReport(current: CurrentFile, language: Language): Promise<void> {
  const { video } = current;
  const verdict = video?.start ? videoVerdict(video.frames) : null;
  let timeline: TimelineData | undefined;
  if (video && verdict) {
    const duration = video.start?.info.duration ?? video.frames[video.frames.length - 1]?.time ?? 0;
    const analysedUntil = video.stopped ? Math.min(duration, video.progress?.mediaTime ?? 0) : duration;
    timeline = { duration, analysedUntil, threshold: defaultVerdictOptions.threshold, tracks: verdict.tracks };
  }
  const pdf = await buildPdfReport({
    report: analysisReport(current, new Date(), language), language, pictures: await reportPictures(current, verdict), timeline, fontFile: fetchReportFont,
  });
  saveReportFile(current, new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'pdf');
}
