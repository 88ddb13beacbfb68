import type { Language, Note } from '../i18n';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PageSizes, PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { jpegWithExif } from '../../scripts/lib/provenance-fixtures.mjs';
import { analysisReport } from './analysis-report';
import type { CurrentFile } from '../files/current-file';
import type { FaceResult, ImageAnalysis } from '../pipeline/analysis';
import { bandMeaning, formatProbability, noEvidenceCaveat } from '../pipeline/evidence';
import { forgeryKind } from '../pipeline/forgery-kind';
import { fingerprint } from '../provenance/fingerprint';
import { readMetadata } from '../provenance/metadata';
import { videoVerdict } from '../video/aggregate';
import type { AnalysedFrame, VideoAnalysisStart } from '../video/types';
import { words } from '../i18n';
import { buildPdfReport } from './pdf';
import type { ReportFontFile } from './report-fonts';
import { bandGuide } from './wording';

const outDir = join(import.meta.dirname, '..', '..', 'test-results', 'report');

/** Keeps the PDF under test-results/report/ (to look at) and gives its text as poppler reads it (Debian's poppler-utils, installed by .ci/run), its lines joined by spaces. */
function pdfText(bytes: Uint8Array, name: string, page?: number, joinLines = true): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, name);
  writeFileSync(path, bytes);
  const pages = page ? ['-f', String(page), '-l', String(page)] : [];
  const text = execFileSync('pdftotext', [...pages, path, '-'], { encoding: 'utf8' });
  return joinLines ? text.replace(/\s+/g, ' ') : text;
}

/** The fonts as the app serves them (public/vendor/fonts, made at install by scripts/prepare-assets.mjs). */
const fontsDir = join(import.meta.dirname, '..', '..', 'public', 'vendor', 'fonts');
const fontsRead: string[] = [];
const fontFile: ReportFontFile = async (weight) => {
  fontsRead.push(weight);
  return new Uint8Array(readFileSync(join(fontsDir, `noto-sans-jp-${weight}.ttf`)));
};

/** The fonts `pdffonts` lists: name, type, embedded, subset. */
function pdfFonts(name: string): { name: string; embedded: boolean; subset: boolean }[] {
  const lines = execFileSync('pdffonts', [join(outDir, name)], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    const [emb, sub] = columns.slice(-5, -3);
    return { name: columns[0], embedded: emb === 'yes', subset: sub === 'yes' };
  });
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

async function photoReport(name: string, language: Language = 'en') {
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
  return analysisReport({ id: 1, file, kind: 'image', name, url: '', status: 'done', analysis, provenance } as CurrentFile, new Date(), language);
}

/** A video of one person, its analysis cancelled at 12.3 s of 40. */
function cancelledVideo(name: string, probability = (i: number) => 0.3 + 0.4 * Math.sin(i / 5) ** 2, modelCount = 1) {
  const models = ['mnv2-multitask', 'meso4', 'mnv2'].slice(0, modelCount);
  const frames: AnalysedFrame[] = Array.from({ length: 30 }, (_, i) => ({
    index: i, time: i * 0.4,
    faces: [{ trackId: 1, box: box(100), detectionScore: 0.9, toImage: [1, 0, 0, 0, 1, 0], probability: probability(i), parts: models.map(() => 0.4), scored: true, synthesised: 0.1 }],
  }));
  const start = {
    info: { duration: 40, width: 640, height: 480, fps: 10, codec: 'h264', container: 'QuickTime / MOV', rotation: 0, tags: {} },
    plan: { width: 640, height: 480, sampleFps: null }, requestedFps: null, backend: 'wasm',
    models: models.map((name) => ({ name, version: `${name}-2` })), fusion: null, partLabels: ['MobileNetV2 multi-task net', 'MesoNet', 'MobileNetV2 classifier'].slice(0, modelCount),
  } as unknown as VideoAnalysisStart;
  const current = {
    id: 2, file: new File([jpeg], name, { type: 'video/mp4' }), kind: 'video', name, url: '', status: 'done',
    video: { start, frames, stopped: {}, progress: { framesDone: 30, framesTotal: 400, mediaTime: 12.3, elapsedMs: 9000 } },
  } as unknown as CurrentFile;
  return { current, frames };
}

describe('buildPdfReport', () => {
  it('writes an A4 report of a photo: file facts, the verdict, one section per face, provenance, models, limits', async () => {
    const report = await photoReport('宇宙飛行士 写真.jpg');
    const pdf = await buildPdfReport({ report, language: 'en', fontFile, pictures: { faces: new Map([[0, { crop: jpeg, heat: jpeg }], [1, { crop: jpeg }]]), moments: new Map() } });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPages().map((p) => p.getSize())).toContainEqual({ width: PageSizes.A4[0], height: PageSizes.A4[1] });
    expect(doc.getTitle()).toBe('Mikiwame report: 宇宙飛行士 写真.jpg');
    // A Japanese name in an English report: set in the embedded Japanese subset, in the text layer.
    const text = pdfText(pdf, 'unit-photo.pdf');
    expect(text).toContain('宇宙飛行士 写真.jpg');
    expect(text).not.toContain('the exact name is in the document');
    expect(pdfFonts('unit-photo.pdf').filter((font) => font.name.includes('NotoSansJP')).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'MKWJPB+NotoSansJP-Bold', embedded: true, subset: true },
      { name: 'MKWJPR+NotoSansJP-Regular', embedded: true, subset: true },
    ]);
    expect(text).toContain(report.provenance!.fingerprint.sha256!);
    expect(text).toContain('Moderate evidence of manipulation');
    expect(text).toContain('summary' in report && report.summary);
    expect(text).toContain('Face 1: 0.83, moderate evidence of manipulation');
    expect(text).toContain('Face 2: too small to assess');
    expect(text).toMatch(/MobileNetV2 classifier\s+0\.86\s/);
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

  it('writes an English report in the standard fonts, with no font file, when they can show every character', async () => {
    fontsRead.length = 0;
    const report = await photoReport('portrait.jpg');
    const pdf = await buildPdfReport({ report, language: 'en', fontFile, pictures: { faces: new Map(), moments: new Map() } });
    expect(pdfText(pdf, 'unit-photo-ascii.pdf')).toContain('portrait.jpg');
    expect(fontsRead).toEqual([]);
    expect(pdfFonts('unit-photo-ascii.pdf').map((font) => font.name).sort()).toEqual(['Courier', 'Helvetica', 'Helvetica-Bold']);
  });

  it('writes a Japanese report: its words, the file name and the metadata in the text layer, in an embedded subset of Noto Sans JP', async () => {
    const say = words('ja');
    const report = await photoReport('記者会見 写真.jpg', 'ja');
    const pdf = await buildPdfReport({ report, language: 'ja', fontFile, pictures: { faces: new Map([[0, { crop: jpeg, heat: jpeg }], [1, { crop: jpeg }]]), moments: new Map() } });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getTitle()).toBe('見極めレポート: 記者会見 写真.jpg');
    // Japanese wraps between any two characters: compare without the line breaks' spaces.
    const text = pdfText(pdf, 'unit-photo-ja.pdf').replace(/\s+/g, '');
    for (const expected of [
      say.pdf.title, '記者会見 写真.jpg', say.pdf.verdict, say.bandLabel.moderate, 'summary' in report && report.summary,
      say.pdf.subjectTitle(say.face(1), '0.83', say.bandLabel.moderate), say.pdf.subjectTitle(say.face(2), null, ''),
      say.provenance.heading, 'Canon EOS 5D Mark IV', say.pdf.thumbnailDiffers, say.pdf.bandsHeading, say.pdf.limitsHeading,
      bandMeaning('moderate', 'ja'), ...bandGuide('ja').flat(),
    ]) {
      expect(text).toContain(String(expected).replace(/\s+/g, ''));
    }
    expect(text).not.toMatch(/Probability|Evidence|Verdict|What the bands mean/);
    const fonts = pdfFonts('unit-photo-ja.pdf');
    expect(fonts.filter((font) => font.name.includes('NotoSansJP')).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'MKWJPB+NotoSansJP-Bold', embedded: true, subset: true },
      { name: 'MKWJPR+NotoSansJP-Regular', embedded: true, subset: true },
    ]);
    // Only the glyphs used: the document is far smaller than the 2.8 MB font it was set in.
    expect(pdf.length).toBeLessThan(600_000);
  });

  it('writes "?" for a character no font has, and says the exact name is in the properties', async () => {
    const report = await photoReport('사진 写真.jpg', 'ja');
    const pdf = await buildPdfReport({ report, language: 'ja', fontFile, pictures: { faces: new Map(), moments: new Map() } });
    const text = pdfText(pdf, 'unit-photo-lost.pdf').replace(/\s+/g, '');
    expect(text).toContain('??写真.jpg');
    expect(text).toContain(words('ja').pdf.nameLost.replace(/\s+/g, ''));
    expect((await PDFDocument.load(pdf)).getTitle()).toBe('見極めレポート: 사진 写真.jpg');
  });

  it('writes a cancelled video report that says so on page 1, with the timeline and each person', async () => {
    const { current, frames } = cancelledVideo('clip.mp4');
    const report = analysisReport(current);
    const verdict = videoVerdict(frames);
    const pdf = await buildPdfReport({
      report, language: 'en', fontFile,
      timeline: { duration: 40, analysedUntil: 12.3, threshold: 0.5, tracks: verdict.tracks },
      pictures: { faces: new Map(), moments: new Map(), framesUnavailable: true },
    });
    const first = pdfText(pdf, 'unit-video.pdf', 1);
    expect(first).toContain('Partial results: the analysis was cancelled at 0:12.3 of 0:40.0');
    const text = pdfText(pdf, 'unit-video.pdf');
    expect(text).toContain('Timeline');
    expect(text).toContain(`Person 1: ${formatProbability(verdict.tracks[0].mean)}`);
    expect(text).toContain('Highest-scoring moments');
    expect(text).toContain(words('en').pdf.framesUnavailable);
    expect(text).toMatch(/Combined\s+one model: MobileNetV2 multi-task net's calibrated output/);
    expect(text).toContain('Limits of this method');
  });

  it("keeps a section's heading and heatmap legend on the page of its first person, wherever the page breaks", async () => {
    const { current, frames } = cancelledVideo('clip.mp4', () => 0.999, 3);
    const tracks = videoVerdict(frames).tracks;
    // Notes on the verdict, a line each, move everything below them down, through the foot of page 1.
    for (let lines = 0; lines < 40; lines++) {
      const report = analysisReport(current);
      if (!('tracks' in report)) throw new Error('a video report');
      const pdf = await buildPdfReport({
        report: { ...report, notes: Array.from({ length: lines }, (_, i) => `Note ${i + 1}.`) }, language: 'en', fontFile,
        timeline: { duration: 40, analysedUntil: 12.3, threshold: 0.5, tracks },
        pictures: { faces: new Map([[1, { crop: jpeg, heat: jpeg }]]), moments: new Map() },
      });
      const pages = pdfText(pdf, 'unit-orphan.pdf', undefined, false).split('\f');
      const heading = pages.findIndex((page) => /The person\s+Heatmap: where the models see evidence/.test(page));
      expect(heading, `after ${lines} notes`).toBeGreaterThanOrEqual(0);
      expect(pages.findIndex((page) => /Person 1: \d/.test(page)), `after ${lines} notes`).toBe(heading);
    }
  }, 120_000);
});
