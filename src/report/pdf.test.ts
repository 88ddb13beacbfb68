import type { Note } from '../i18n';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PageSizes, PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { jpegWithExif } from '../../scripts/lib/provenance-fixtures.mjs';
import { analysisReport } from '../app/report';
import type { CurrentFile } from '../app/store';
import type { FaceResult, ImageAnalysis } from '../pipeline/analysis';
import { bandMeaning, formatProbability, noEvidenceCaveat } from '../pipeline/evidence';
import { forgeryKind } from '../pipeline/forgery-kind';
import { fingerprint } from '../provenance/fingerprint';
import { readMetadata } from '../provenance/metadata';
import { videoVerdict } from '../video/aggregate';
import type { AnalysedFrame, VideoAnalysisStart } from '../video/types';
import { buildPdfReport } from './pdf';
import { bandGuide } from './wording';

const outDir = join(import.meta.dirname, '..', '..', 'test-results', 'report');

/** Keeps the PDF under test-results/report/ (to look at) and gives its text as poppler reads it (Debian's poppler-utils, installed by .ci/run), its lines joined by spaces. */
function pdfText(bytes: Uint8Array, name: string, page?: number): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, name);
  writeFileSync(path, bytes);
  const pages = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...pages, path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const jpeg = readFileSync(jpegWithExif());
const box = (side: number) => ({ x: 10, y: 10, width: side, height: side });
const parts = [
  { model: 'mnv2', label: 'MobileNetV2 classifier', probability: 0.86 },
  { model: 'multitask', label: 'Multi-task net', probability: 0.41 },
];
const face = (probability: number, side: number, notes: Note[] = []) => ({
  box: box(side), keypoints: [], toImage: [1, 0, 0, 0, 1, 0], detectionScore: 0.93, probability,
  band: probability >= 0.7 ? 'moderate' : 'none', assessable: side >= 32, parts, notes,
  kind: forgeryKind(0.07, probability >= 0.7 ? 'moderate' : 'none'),
}) as unknown as FaceResult;

async function photoReport(name: string) {
  const { reading, thumbnail } = await readMetadata(new Uint8Array(jpeg));
  const analysis = {
    width: 640, height: 480, sourceWidth: 640, sourceHeight: 480,
    faces: [face(0.83, 120), face(0.2, 20, [{ id: 'faceTooSmall', side: 20, minPx: 32 }])],
    probability: 0.83, status: 'EVIDENCE_MODERATE',
    summary: '2 faces found. Highest probability of manipulation 0.83 (face 1): moderate evidence of manipulation. 1 face was too small to assess (under 32 px) and not counted.',
    notes: [], backend: 'wasm', models: [{ name: 'mnv2', version: 'mnv2-2' }, { name: 'multitask', version: 'mt-1' }],
    fusion: { bias: -0.1, weights: { mnv2: 1.1, multitask: 0.05 } }, timings: {},
  } as unknown as ImageAnalysis;
  const file = new File([jpeg], name, { type: 'image/jpeg' });
  const provenance = { fingerprint: await fingerprint(file), metadata: reading, credentials: { status: 'absent' as const }, thumbnail: { jpeg: thumbnail!, difference: 40, differs: true } };
  return analysisReport({ id: 1, file, kind: 'image', name, url: '', status: 'done', analysis, provenance } as CurrentFile);
}

describe('buildPdfReport', () => {
  it('writes an A4 report of a photo: file facts, the verdict, one section per face, provenance, models, limits', async () => {
    const report = await photoReport('宇宙飛行士 写真.jpg');
    const pdf = await buildPdfReport({ report, pictures: { faces: new Map([[0, { crop: jpeg, heat: jpeg }], [1, { crop: jpeg }]]), moments: new Map() } });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPages().map((p) => p.getSize())).toContainEqual({ width: PageSizes.A4[0], height: PageSizes.A4[1] });
    // The exact name survives in the document's Unicode title; the page text shows what WinAnsi can.
    expect(doc.getTitle()).toBe('Mikiwame report: 宇宙飛行士 写真.jpg');
    const text = pdfText(pdf, 'unit-photo.pdf');
    expect(text).toContain('????? ??.jpg');
    expect(text).toContain('the exact name is in the document');
    expect(text).toContain(report.provenance!.fingerprint.sha256!);
    expect(text).toContain('Moderate evidence of manipulation');
    expect(text).toContain('summary' in report && report.summary);
    expect(text).toContain('Face 1: 0.83, moderate evidence of manipulation');
    expect(text).toContain('Face 2: too small to assess');
    expect(text).toMatch(/MobileNetV2 classifier\s+0\.860/);
    expect(text).toMatch(/Looks like\s+a replaced or blended face \(face swap, blend\), 0\.93/);
    expect(text).toContain('Canon EOS 5D Mark IV');
    expect(text).toContain('shows a different picture');
    expect(text).toContain('mnv2-2');
    expect(text).toContain('WebAssembly (CPU)');
    expect(text).toContain(bandMeaning('moderate'));
    expect(text).toContain('What the bands mean');
    for (const [title, meaning] of bandGuide()) expect(text).toContain(`${title} ${meaning}`);
    expect(text).toContain('Limits of this method');
    expect(text).toContain('A low score does not prove a file authentic.');
    expect(text).not.toContain('Partial results');
  });

  it('writes a cancelled video report that says so on page 1, with the timeline and each person', async () => {
    const frames: AnalysedFrame[] = Array.from({ length: 30 }, (_, i) => ({
      index: i, time: i * 0.4,
      faces: [{ trackId: 1, box: box(100), detectionScore: 0.9, toImage: [1, 0, 0, 0, 1, 0], probability: 0.3 + 0.4 * Math.sin(i / 5) ** 2, parts: [0.4] }],
    }));
    const start = {
      info: { duration: 40, width: 640, height: 480, fps: 10, codec: 'h264', container: 'QuickTime / MOV', rotation: 0, tags: {} },
      plan: { width: 640, height: 480, sampleFps: null }, requestedFps: null, backend: 'wasm',
      models: [{ name: 'mnv2-multitask', version: 'mt-2' }], fusion: null, partLabels: ['MobileNetV2 multi-task net'],
    } as unknown as VideoAnalysisStart;
    const current = {
      id: 2, file: new File([jpeg], 'clip.mp4', { type: 'video/mp4' }), kind: 'video', name: 'clip.mp4', url: '', status: 'done',
      video: { start, frames, stopped: {}, progress: { framesDone: 30, framesTotal: 400, mediaTime: 12.3, elapsedMs: 9000 } },
    } as unknown as CurrentFile;
    const report = analysisReport(current);
    const verdict = videoVerdict(frames);
    const pdf = await buildPdfReport({
      report,
      timeline: { duration: 40, analysedUntil: 12.3, threshold: 0.5, tracks: verdict.tracks },
      pictures: { faces: new Map(), moments: new Map(), framesUnavailable: 'This browser cannot play the video, so no frame is pictured.' },
    });
    const first = pdfText(pdf, 'unit-video.pdf', 1);
    expect(first).toContain('Partial results: the analysis was cancelled at 0:12.3 of 0:40.0');
    const text = pdfText(pdf, 'unit-video.pdf');
    expect(text).toContain('Timeline');
    expect(text).toContain(`Person 1: ${formatProbability(verdict.tracks[0].mean)}`);
    expect(text).toContain('Highest-scoring moments');
    expect(text).toContain('no frame is pictured');
    expect(text).toMatch(/Combined\s+one model: MobileNetV2 multi-task net's calibrated output/);
    expect(text).toContain('Limits of this method');
  });
});
