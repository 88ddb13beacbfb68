import { engineStopText, noteText, type Language, type Note } from '../i18n';
import { summarize, type FaceResult } from '../pipeline/analysis';
import { comparisonReport } from '../compare/report';
import { bandMeaning, bandStatus, evidenceBands, type VerdictStatus } from '../pipeline/evidence';
import { provenanceReport } from '../provenance/report';
import { defaultVerdictOptions, videoVerdict, type TrackSummary } from '../video/aggregate';
import { fileErrorText } from '../files/file-error';
import type { CurrentFile } from '../files/current-file';

/** A face's or person's status: not scored when too small, else its evidence band. */
type PartStatus = VerdictStatus | 'TOO_SMALL_TO_ASSESS';

const faceStatus = (face: FaceResult): PartStatus => (face.assessable ? bandStatus(face.band) : 'TOO_SMALL_TO_ASSESS');
const trackStatus = (track: TrackSummary): PartStatus => (track.tooSmall ? 'TOO_SMALL_TO_ASSESS' : bandStatus(track.band));

/** The bands' cut-offs on the score and what each means, as measured on authentic faces. */
const bandsReport = (language: Language) => evidenceBands.slice(1).map(({ band, from, falseAlarms }) => ({
  band, from, authenticAtOrAboveAtMost: falseAlarms, meaning: bandMeaning(band, language),
}));

/**
 * Everything the analysis found, as JSON the user can keep or attach to a fact-check: statuses
 * (see VerdictStatus; a face or person may be TOO_SMALL_TO_ASSESS), scores, each model's part,
 * boxes, notes with the caveats, model versions, and the file's provenance (fingerprint, metadata).
 * No pixels of the file. Keys and statuses are fixed; the sentences are in `language`.
 */
export function analysisReport(current: CurrentFile, createdAt = new Date(), language: Language = 'en') {
  const say = (notes: Note[]) => notes.map((note) => noteText(note, language));
  const base = {
    app: 'Mikiwame',
    createdAt: createdAt.toISOString(),
    file: { name: current.name, bytes: current.file.size, type: current.file.type },
    provenance: provenanceReport(current, language),
    comparison: comparisonReport(current.comparison, language),
    language,
    bands: bandsReport(language),
  };
  const { analysis, video } = current;
  if (analysis) {
    return {
      ...base,
      kind: 'image' as const,
      backend: analysis.backend,
      models: analysis.models,
      size: { width: analysis.width, height: analysis.height, sourceWidth: analysis.sourceWidth, sourceHeight: analysis.sourceHeight },
      status: analysis.status,
      probability: analysis.probability,
      summary: summarize(analysis.faces, language).summary,
      notes: say(analysis.notes),
      fusion: analysis.fusion,
      faces: analysis.faces.map((f) => ({
        status: faceStatus(f), box: f.box, probability: f.probability, band: f.band,
        bandMeaning: f.assessable ? bandMeaning(f.band, language) : null, detectionScore: f.detectionScore,
        parts: f.parts.map((p) => ({ model: p.model, label: p.label, probability: p.probability })),
        kind: f.kind ?? null, heatArea: f.heatArea ?? null, notes: say(f.notes),
      })),
    };
  }
  if (video?.start) {
    const verdict = videoVerdict(video.frames, { ...defaultVerdictOptions, language });
    const labels = video.start.models.map((m) => m.name);
    return {
      ...base,
      kind: 'video' as const,
      backend: video.start.backend,
      models: video.start.models,
      // Its tags are in the provenance part, which holds a GPS position back until it is shown.
      video: { ...video.start.info, tags: undefined },
      analysedSize: { width: video.start.plan.width, height: video.start.plan.height },
      sampleFps: video.start.plan.sampleFps,
      scoreFps: video.start.scoreFps,
      complete: !video.stopped && video.end !== undefined,
      // Where a cancelled (or crashed) analysis stopped, in video seconds: the results cover the video up to there.
      stopped: video.stopped ? { at: video.progress?.mediaTime ?? 0, reason: video.stopped.reason ? engineStopText(video.stopped.reason, language) : null } : null,
      partLabels: video.start.partLabels,
      status: verdict.status,
      probability: verdict.probability,
      summary: verdict.summary,
      notes: say([...verdict.notes, ...(video.end?.notes ?? [])]),
      fusion: video.start.fusion,
      tracks: verdict.tracks.map((track) => {
        const { points, trace: _trace, ...rest } = track;
        return {
          status: trackStatus(track), ...rest, bandMeaning: track.tooSmall ? null : bandMeaning(track.band, language), kind: track.kind ?? null, frames: points.length,
        };
      }),
      segments: verdict.segments,
      frames: video.frames.map((frame) => ({
        time: frame.time,
        faces: frame.faces.map((f) => ({
          trackId: f.trackId, box: f.box, probability: f.probability, scored: f.scored,
          parts: Object.fromEntries(labels.map((name, i) => [name, f.parts[i]])), synthesised: f.synthesised ?? null,
        })),
      })),
    };
  }
  return { ...base, kind: current.kind, status: 'UNABLE_TO_EVALUATE' satisfies VerdictStatus as VerdictStatus, error: current.error ? fileErrorText(current.error, language) : null };
}

export type AnalysisReport = ReturnType<typeof analysisReport>;
export type ImageReport = Extract<AnalysisReport, { kind: 'image'; faces: unknown }>;
export type VideoReport = Extract<AnalysisReport, { tracks: unknown }>;

/** Hands `blob` to the browser's download, named after the analysed file: "photo.mikiwame.json". */
export function saveReportFile(current: CurrentFile, blob: Blob, extension: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${current.name.replace(/\.[^.]+$/, '') || 'analysis'}.mikiwame.${extension}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadReport(current: CurrentFile, language: Language): void {
  saveReportFile(current, new Blob([JSON.stringify(analysisReport(current, new Date(), language), null, 1)], { type: 'application/json' }), 'json');
}
