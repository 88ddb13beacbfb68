/**
 * The PDF report, built from the JSON report's data (src/report/analysis-report.ts) and a few pictures, in the
 * report's language.
 *
 * pdf-lib (1.17.1): its text is real text (selectable, searchable), it embeds JPEG and PNG as they
 * are, and it needs no DOM, so this module runs unchanged in the browser and under Node for its tests.
 *
 * An English report whose every character the standard 14 PDF fonts (WinAnsi) can show needs no
 * font file. A Japanese report, or one with a name or metadata outside WinAnsi, is set in Noto Sans
 * JP (report-fonts.ts), of which the PDF embeds only the glyphs it uses. A character neither has is
 * written "?", the report says so, and the document's title (a Unicode string) keeps the name exactly.
 */
import { PageSizes, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFImage, type PDFPage, type RGB } from '@cantoo/pdf-lib';
import type { AnalysisReport, ImageReport, VideoReport } from './analysis-report';
import { colormap, trackColour } from '../draw/colormap';
import { explainScore } from './score-explanation';
import { formatTime, tickLabel, timeTicks } from '../draw/time-ticks';
import type { ComparisonReport } from '../compare/report';
import { words, type Language, type Messages } from '../i18n';
import type { Backend } from '../pipeline/onnx-model';
import { bandMeaning, evidenceLabel, formatProbability, statusBand, type EvidenceBand, type VerdictStatus } from '../pipeline/evidence';
import { forgeryKindText } from '../pipeline/forgery-kind';
import { credentialsHeadline } from '../provenance/credentials';
import type { ProvenanceReport } from '../provenance/report';
import { describeAction, formatBytes, signerText, validationText, videoStreamText } from '../provenance/wording';
import { trackNotes, trackRuns, trackScoreExplanation, type TrackPoint } from '../video/aggregate';
import { describeSampling } from '../video/sampling';
import { highestFrame, personAt } from './moments';
import { embedReportFonts, type ReportFontFile } from './report-fonts';
import { backendName, bandGuide, methodLimits } from './wording';

export interface FacePictures {
  /** The face crop the models were given (JPEG). */
  crop: Uint8Array;
  /** The same crop with the heatmap over it (JPEG); absent when the face has no heatmap. */
  heat?: Uint8Array;
}

export interface ReportPictures {
  /** By face index (a photo) or by person id (a video, at the person's highest-scoring frame). */
  faces: Map<number, FacePictures>;
  /** A video's top moments, by index in the report's segments: the frame with the person's box (JPEG). */
  moments: Map<number, Uint8Array>;
  /** Set when a video's frames could not be pictured (this browser cannot play it). */
  framesUnavailable?: boolean;
  /** The comparison's difference map (PNG), when there is one. */
  comparisonDifference?: Uint8Array;
}

export interface TimelineData {
  duration: number;
  /** Where the analysis got to: the duration, unless it was cancelled. */
  analysedUntil: number;
  threshold: number;
  tracks: { id: number; points: TrackPoint[]; trace: TrackPoint[] }[];
}

export interface PdfReportInput {
  /** The JSON report, its sentences in `language`. */
  report: AnalysisReport;
  language: Language;
  pictures: ReportPictures;
  /** A video's per-person probabilities over time, as the timeline on screen draws them. */
  timeline?: TimelineData;
  /** The Noto Sans JP subsets (public/vendor/fonts), fetched only when the report needs them. */
  fontFile: ReportFontFile;
}

const [pageWidth, pageHeight] = PageSizes.A4;
const margin = 48;
const footerHeight = 24;
const contentWidth = pageWidth - 2 * margin;
const bodySize = 9.5;
const lineGap = 1.35;
const headingSizes = { 1: 14, 2: 11 };

const ink = rgb(0.1, 0.1, 0.12);
const muted = rgb(0.38, 0.4, 0.45);
const rule = rgb(0.8, 0.82, 0.86);
const hex = (colour: string) => rgb(parseInt(colour.slice(1, 3), 16) / 255, parseInt(colour.slice(3, 5), 16) / 255, parseInt(colour.slice(5, 7), 16) / 255);
// The screen's band colours (app.css), darkened enough to read on paper; never green.
const bandColours: Record<EvidenceBand | 'na', RGB> = {
  none: hex('#7d8ea8'), weak: hex('#c9a800'), moderate: hex('#e07a16'), strong: hex('#d93636'), na: muted,
};

/** Characters a font may lack that have a plain stand-in; anything else becomes "?". */
const standIns: Record<string, string> = { '≥': '>=', '≤': '<=', '→': '->', '−': '-', '〜': '~', '\u00a0': ' ', '\u202f': ' ' };

const charsets = new WeakMap<PDFFont, Set<number>>();
function charset(font: PDFFont): Set<number> {
  const known = charsets.get(font) ?? new Set(font.getCharacterSet());
  charsets.set(font, known);
  return known;
}

/** Whether `font` has every character of `text`. */
const covers = (font: PDFFont, text: string) => [...text].every((ch) => /\s/.test(ch) || charset(font).has(ch.codePointAt(0)!));

/** `text` in characters `font` can show, and whether a character was lost (written "?"). */
function showable(text: string, font: PDFFont): { text: string; lost: boolean } {
  let lost = false;
  const shown = [...text.normalize('NFC')].map((ch) => {
    if (charset(font).has(ch.codePointAt(0)!)) return ch;
    if (standIns[ch] !== undefined || /\s/.test(ch)) return standIns[ch] ?? ' ';
    lost = true;
    return '?';
  });
  return { text: shown.join(''), lost };
}

function statusWords(status: VerdictStatus, language: Language): string {
  const band = statusBand(status);
  if (band !== 'na') return evidenceLabel(band, language);
  return status === 'NOT_APPLICABLE' ? words(language).pdf.notApplicable : words(language).pdf.cannotAssess;
}

export interface Fonts {
  regular: PDFFont;
  /** Headings and labels; a text it lacks a character of is set in `regular`. */
  bold: PDFFont;
  mono: PDFFont;
}

/** Characters that may not begin a line of Japanese (kinsoku): they stay at the end of the line before. */
const noLineStart = new Set('、。，．・：；？！ー）」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥%),.:;!?');

/** What a line may break between: each character of Japanese, a run of other characters, a run of spaces (kept with the word before). */
const breakable = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/gu;

interface TextStyle {
  size?: number;
  font?: keyof Fonts;
  colour?: RGB;
}

/** Writes down the page, starting a new one when the next block does not fit. */
class Writer {
  page!: PDFPage;
  y = 0;
  /** Set when some character could not be shown and was written "?". */
  lost = false;
  readonly say: Messages;

  constructor(readonly doc: PDFDocument, readonly fonts: Fonts, readonly language: Language) {
    this.say = words(language);
    this.newPage();
  }

  /** The font for `text` in `style`, and the text as that font shows it. */
  shown(text: string, style: keyof Fonts): { face: PDFFont; text: string } {
    const face = style === 'bold' && !covers(this.fonts.bold, text) ? this.fonts.regular : this.fonts[style];
    const shown = showable(text, face);
    this.lost ||= shown.lost;
    return { face, text: shown.text };
  }

  newPage() {
    this.page = this.doc.addPage(PageSizes.A4);
    this.y = pageHeight - margin;
  }

  /** Starts a new page unless `height` points fit on this one. */
  room(height: number) {
    if (this.y - height < margin + footerHeight) this.newPage();
  }

  /**
   * `text` broken into lines no wider than `width`: between words, and between any two characters of
   * Japanese (but never before closing punctuation, which may hang past the edge); a word longer than
   * a line is cut.
   */
  wrap(text: string, width: number, { size = bodySize, font = 'regular' }: TextStyle = {}): string[] {
    const { face, text: shown } = this.shown(text, font);
    const fits = (s: string) => face.widthOfTextAtSize(s, size) <= width;
    const lines: string[] = [];
    for (const paragraph of shown.split('\n')) {
      let line = '';
      for (const token of paragraph.match(breakable) ?? []) {
        const next = line + token;
        if (fits(next) || (line && noLineStart.has(token))) {
          line = next;
          continue;
        }
        if (line.trim()) lines.push(line.trimEnd());
        line = token.trimStart();
        while (!fits(line)) {
          const chars = [...line];
          let cut = chars.length - 1;
          while (cut > 1 && !fits(chars.slice(0, cut).join(''))) cut--;
          lines.push(chars.slice(0, cut).join(''));
          line = chars.slice(cut).join('');
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  /** Draws lines from the top `top`, at `x`; returns the height used. */
  lines(lines: string[], x: number, top: number, { size = bodySize, font = 'regular', colour = ink }: TextStyle = {}): number {
    const step = size * lineGap;
    const { face } = this.shown(lines.join(' '), font);
    lines.forEach((line, i) => this.page.drawText(showable(line, face).text, { x, y: top - size - i * step, size, font: face, color: colour }));
    return lines.length * step;
  }

  /** The width of `text` set in the regular font at `size`. */
  width(text: string, size: number): number {
    const { face, text: shown } = this.shown(text, 'regular');
    return face.widthOfTextAtSize(shown, size);
  }

  /** The height `text` takes as a paragraph. */
  measure(text: string, style: TextStyle = {}): number {
    return this.wrap(text, contentWidth, style).length * (style.size ?? bodySize) * lineGap;
  }

  paragraph(text: string, style: TextStyle & { indent?: number; after?: number } = {}) {
    const indent = style.indent ?? 0;
    const size = style.size ?? bodySize;
    for (const line of this.wrap(text, contentWidth - indent, style)) {
      this.room(size * lineGap);
      this.y -= this.lines([line], margin + indent, this.y, style);
    }
    this.y -= style.after ?? 4;
  }

  /** A heading, kept on one page with the first `keep` points of what follows it. */
  heading(text: string, level: 1 | 2 = 1, keep = 40) {
    const style: TextStyle = { size: headingSizes[level], font: 'bold' };
    this.room(this.headingHeight(text, level) + keep);
    this.y -= level === 1 ? 10 : 4;
    if (level === 1) {
      this.page.drawLine({ start: { x: margin, y: this.y }, end: { x: pageWidth - margin, y: this.y }, thickness: 0.6, color: rule });
      this.y -= 6;
    }
    this.y -= this.lines(this.wrap(text, contentWidth, style), margin, this.y, style);
    this.y -= 4;
  }

  /** The height a heading takes, from the rule above a section's to the gap below. */
  headingHeight(text: string, level: 1 | 2): number {
    const size = headingSizes[level];
    return (level === 1 ? 16 : 4) + this.wrap(text, contentWidth, { size, font: 'bold' }).length * size * lineGap + 4;
  }

  /** Label and value rows in two columns, from `x` over `width`; returns a function that draws them at a top, and their height. */
  factsBlock(rows: [string, string][], width: number): { height: number; draw: (x: number, top: number) => void } {
    const labelWidth = Math.min(130, width * 0.36);
    const laid = rows.map(([label, value]) => {
      const mono = /^[0-9a-f]{64}$/.test(value);
      const valueStyle: TextStyle = { font: mono ? 'mono' : 'regular', size: mono ? 8.5 : bodySize };
      const labelLines = this.wrap(label, labelWidth - 6, { font: 'bold' });
      const valueLines = this.wrap(value, width - labelWidth, valueStyle);
      const height = Math.max(labelLines.length * bodySize, valueLines.length * (valueStyle.size ?? bodySize)) * lineGap + 2;
      return { labelLines, valueLines, valueStyle, height };
    });
    return {
      height: laid.reduce((sum, row) => sum + row.height, 0),
      draw: (x, top) => {
        for (const row of laid) {
          this.lines(row.labelLines, x, top, { font: 'bold', colour: muted });
          this.lines(row.valueLines, x + labelWidth, top, row.valueStyle);
          top -= row.height;
        }
      },
    };
  }

  facts(rows: [string, string][]) {
    for (const row of rows) {
      const block = this.factsBlock([row], contentWidth);
      this.room(block.height);
      block.draw(margin, this.y);
      this.y -= block.height;
    }
    this.y -= 4;
  }

  /** A bar in the band's colour in the left margin, from `top` down to here, as the screen's cards have; none across pages. */
  bandMark(band: EvidenceBand | 'na', top: number, page: PDFPage) {
    if (page === this.page && top > this.y) this.page.drawRectangle({ x: margin - 10, y: this.y, width: 4, height: top - this.y, color: bandColours[band] });
  }
}

function fileFacts(w: Writer, report: AnalysisReport): [string, string][] {
  const { say, language } = w;
  const fingerprint = report.provenance?.fingerprint;
  const rows: [string, string][] = [[say.pdf.fileName, report.file.name]];
  rows.push([say.provenance.size, formatBytes(report.file.bytes, language)]);
  rows.push([say.provenance.type, report.file.type || say.provenance.notGiven]);
  rows.push(['SHA-256', fingerprint ? fingerprint.sha256 ?? fingerprint.note ?? say.pdf.notComputed : say.pdf.fingerprintPending]);
  if (fingerprint?.jpegQuality != null) rows.push([say.provenance.jpegQuality, say.provenance.jpegQualityValue(fingerprint.jpegQuality)]);
  if ('faces' in report) {
    const { size } = report;
    const analysed = size.width === size.sourceWidth ? null : `${size.width}x${size.height}`;
    rows.push([say.pdf.picture, say.pdf.pictureSize(size.sourceWidth, size.sourceHeight, analysed)]);
  }
  if ('tracks' in report) {
    rows.push([say.provenance.container, report.video.container]);
    rows.push([say.provenance.video, videoStreamText(report.video, language)]);
    const size = `${report.analysedSize.width}x${report.analysedSize.height}`;
    rows.push([say.pdf.analysed, say.pdf.analysedFrames(report.frames.length, describeSampling(report.video, report.sampleFps, report.scoreFps, language), size)]);
  }
  return rows;
}

function verdictSection(w: Writer, report: AnalysisReport) {
  const { say, language } = w;
  w.heading(say.pdf.verdict);
  const band = statusBand(report.status);
  const [top, page] = [w.y, w.page];
  w.paragraph(statusWords(report.status, language), { size: 13, font: 'bold', colour: bandColours[band], after: 2 });
  if ('summary' in report) w.paragraph(report.summary, { after: 3 });
  if ('error' in report && report.error) w.paragraph(say.pdf.couldNotAnalyse(report.error), { after: 3 });
  const credentials = report.provenance?.credentials;
  if (credentials?.status === 'read') w.paragraph(credentialsHeadline(credentials.summary, language).text, { after: 3 });
  if ('notes' in report) for (const note of report.notes) w.paragraph(note, { colour: muted, after: 3 });
  w.bandMark(band, top, page);
  w.paragraph(say.pdf.reportStatus(report.status), { size: 8, colour: muted });
}

const pictureSide = 104;

interface Subject {
  title: string;
  band: EvidenceBand | 'na';
  pictures?: FacePictures;
  rows: [string, string][];
  notes: string[];
  caption: string | null;
}

/** A face's or person's block: its two pictures at the left, its facts beside them; its height before its notes, and how to draw it. */
function subjectBlock(w: Writer, subject: Subject): { height: number; draw: () => Promise<void> } {
  const factsX = margin + 2 * pictureSide + 16;
  const facts = w.factsBlock(subject.rows, pageWidth - margin - factsX);
  const picturesHeight = subject.pictures ? pictureSide + 14 : 0;
  const height = w.headingHeight(subject.title, 2) + Math.max(picturesHeight, facts.height) + 2;
  const draw = async () => {
    const { pictures, band, caption, notes } = subject;
    w.room(height);
    w.heading(subject.title, 2);
    const top = w.y;
    if (pictures) {
      const crop = await w.doc.embedJpg(pictures.crop);
      w.page.drawImage(crop, { x: margin, y: top - pictureSide, width: pictureSide, height: pictureSide });
      w.lines([w.say.pdf.faceCrop], margin, top - pictureSide - 2, { size: 7, colour: muted });
      if (pictures.heat) {
        const heat = await w.doc.embedJpg(pictures.heat);
        w.page.drawImage(heat, { x: margin + pictureSide + 8, y: top - pictureSide, width: pictureSide, height: pictureSide });
        w.lines([w.say.pdf.heatOver], margin + pictureSide + 8, top - pictureSide - 2, { size: 7, colour: muted });
      }
      facts.draw(factsX, top);
    } else {
      facts.draw(margin, top);
    }
    w.y = top - Math.max(picturesHeight, facts.height) - 2;
    w.bandMark(band, top, w.page);
    if (caption) w.paragraph(caption, { size: 8, colour: muted, after: 2 });
    for (const note of notes) w.paragraph(note, { colour: muted, after: 2 });
    w.y -= 6;
  };
  return { height, draw };
}

const heatLegendHeight = 16;

/** A section of faces or people: its heading and heatmap legend kept on the page of its first block. */
async function subjectsSection(w: Writer, heading: string, subjects: Subject[], empty: string) {
  const blocks = subjects.map((subject) => subjectBlock(w, subject));
  const withHeat = subjects.some((subject) => subject.pictures?.heat);
  w.heading(heading, 1, (withHeat ? heatLegendHeight : 0) + (blocks[0]?.height ?? 20));
  if (withHeat) heatLegend(w);
  if (subjects.length === 0) w.paragraph(empty);
  for (const block of blocks) await block.draw();
}

const partRows = (parts: { label: string; probability: number }[]): [string, string][] => parts.map((p) => [p.label, formatProbability(p.probability)]);

/** A heading, then each item's title in bold over its text, kept together on a page. */
function titledParagraphs(w: Writer, heading: string, items: [string, string][]) {
  w.heading(heading);
  for (const [title, text] of items) {
    w.room(w.measure(title, { font: 'bold' }) + w.measure(text) + 1);
    w.paragraph(title, { font: 'bold', after: 1 });
    w.paragraph(text, { after: 6 });
  }
}

async function imageFaces(w: Writer, report: ImageReport, pictures: ReportPictures) {
  const { say, language } = w;
  const subjects = report.faces.map((face, i): Subject => {
    const assessable = face.status !== 'TOO_SMALL_TO_ASSESS';
    const rows: [string, string][] = assessable
      ? [[say.pdf.probability, formatProbability(face.probability)], [say.pdf.evidence, evidenceLabel(face.band, language)], ...partRows(face.parts)]
      : [[say.pdf.probability, say.pdf.notScored], [say.pdf.evidence, say.tooSmallToAssess]];
    if (face.kind && face.kind.label !== 'not-applicable') rows.push([capitalised(say.looksLike), forgeryKindText(face.kind, language)]);
    rows.push([capitalised(say.faceSize), say.faceSizeValue(Math.round(face.box.width), Math.round(face.box.height))]);
    rows.push([capitalised(say.detectorConfidence), face.detectionScore.toFixed(2)]);
    const explanation = assessable ? [bandMeaning(face.band, language), explainScore(face.parts, report.fusion, language).sentence] : [];
    return {
      title: say.pdf.subjectTitle(say.face(i + 1), assessable ? formatProbability(face.probability) : null, evidenceLabel(face.band, language)),
      band: assessable ? face.band : 'na',
      pictures: pictures.faces.get(i),
      rows,
      notes: [...explanation, ...face.notes],
      caption: null,
    };
  });
  await subjectsSection(w, say.pdf.faces(report.faces.length), subjects, `${say.noFaceText} ${say.noFaceHint}`);
}

async function videoPeople(w: Writer, report: VideoReport, pictures: ReportPictures) {
  const { say, language } = w;
  const subjects = report.tracks.map((track): Subject => {
    const highest = highestFrame(report.frames, track.id);
    const rows: [string, string][] = track.tooSmall
      ? [[say.pdf.probability, say.pdf.notScored], [say.pdf.evidence, say.tooSmallToAssess]]
      : [[say.pdf.probabilityMean, formatProbability(track.mean)], [say.pdf.evidence, evidenceLabel(track.band, language)]];
    if (track.kind && track.kind.label !== 'not-applicable') rows.push([capitalised(say.looksLike), forgeryKindText(track.kind, language)]);
    rows.push([capitalised(say.seen), say.pdf.seenFromTo(formatTime(track.first), formatTime(track.last))]);
    rows.push([capitalised(say.framesAnalysed), String(track.frames)]);
    rows.push([capitalised(say.framesInBand), `${Math.round(track.aboveThreshold * 100)} %`]);
    if (highest) {
      rows.push([capitalised(say.highestFrame), say.pdf.highestFrameValue(formatProbability(highest.face.probability), formatTime(highest.time))]);
      for (const model of report.models) {
        const value = highest.face.parts[model.name];
        if (value !== undefined) rows.push([modelLabel(report, model.name), formatProbability(value)]);
      }
    }
    const shown = pictures.faces.get(track.id);
    return {
      title: say.pdf.subjectTitle(say.person(track.id), track.tooSmall ? null : formatProbability(track.mean), evidenceLabel(track.band, language)),
      band: track.tooSmall ? 'na' : track.band,
      pictures: shown,
      rows,
      notes: [...(track.tooSmall ? [] : [bandMeaning(track.band, language), trackScoreExplanation(track.frames, language)]), ...trackNotes(track, language)],
      caption: shown && highest ? say.pdf.pictured(formatTime(highest.time)) : null,
    };
  });
  await subjectsSection(w, say.pdf.people(report.tracks.length), subjects, say.noFaceYetText);
}

/** The screen's lower-case labels ("face size") as the report's row labels. */
const capitalised = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

/** A model's name as the user sees it (models/manifest.json's label), where the report has it. */
function modelLabel(report: ImageReport | VideoReport, name: string): string {
  if ('tracks' in report) return report.partLabels[report.models.findIndex((m) => m.name === name)] ?? name;
  return report.faces.flatMap((f) => f.parts).find((p) => p.model === name)?.label ?? name;
}

function timelineChart(w: Writer, timeline: TimelineData) {
  const axisWidth = 26;
  const plotWidth = contentWidth - axisWidth;
  const plotHeight = 120;
  const legendHeight = 14;
  w.heading(w.say.pdf.timeline);
  w.paragraph(w.say.timelineCaption(timeline.threshold, timeline.tracks.some((t) => t.trace.length > 0)), { colour: muted });
  w.room(plotHeight + 34 + legendHeight);
  const left = margin + axisWidth;
  const bottom = w.y - plotHeight;
  const { duration } = timeline;
  const x = (t: number) => left + (Math.min(t, duration) / duration) * plotWidth;
  const y = (p: number) => bottom + p * plotHeight;
  const grid = rgb(0.88, 0.89, 0.92);
  const small = { size: 7, colour: muted };
  w.page.drawRectangle({ x: left, y: bottom, width: plotWidth, height: plotHeight, borderColor: rule, borderWidth: 0.6 });
  for (const p of [0, 0.25, 0.5, 0.75, 1]) {
    w.page.drawLine({ start: { x: left, y: y(p) }, end: { x: left + plotWidth, y: y(p) }, thickness: 0.4, color: grid });
    w.lines([String(p)], margin, y(p) + 3.5, small);
  }
  for (const t of timeTicks(duration)) {
    w.page.drawLine({ start: { x: x(t), y: bottom }, end: { x: x(t), y: bottom + plotHeight }, thickness: 0.4, color: grid });
    const label = tickLabel(t);
    const labelWidth = w.width(label, 7);
    w.lines([label], Math.min(x(t) - labelWidth / 2, left + plotWidth - labelWidth), bottom - 2, small);
  }
  if (timeline.analysedUntil < duration) {
    const from = x(timeline.analysedUntil);
    w.page.drawRectangle({ x: from, y: bottom, width: left + plotWidth - from, height: plotHeight, color: rgb(0.93, 0.93, 0.95) });
    w.lines([w.say.pdf.notAnalysed], from + 4, bottom + plotHeight - 3, small);
  }
  w.page.drawLine({ start: { x: left, y: y(timeline.threshold) }, end: { x: left + plotWidth, y: y(timeline.threshold) }, thickness: 0.8, color: muted, dashArray: [4, 3] });
  const drawRuns = (points: TrackPoint[], colour: ReturnType<typeof hex>, thickness: number, opacity: number) => {
    for (const run of trackRuns(points, 1)) {
      if (run.length === 1) w.page.drawCircle({ x: x(run[0].time), y: y(run[0].probability), size: thickness, color: colour, opacity });
      for (let i = 1; i < run.length; i++) {
        w.page.drawLine({
          start: { x: x(run[i - 1].time), y: y(run[i - 1].probability) },
          end: { x: x(run[i].time), y: y(run[i].probability) },
          thickness,
          color: colour,
          opacity,
        });
      }
    }
  };
  for (const track of timeline.tracks) drawRuns(track.trace, hex(trackColour(track.id)), 0.6, 0.55);
  for (const track of timeline.tracks) drawRuns(track.points, hex(trackColour(track.id)), 1.3, 1);
  w.y = bottom - 14;
  let legendX = left;
  for (const track of timeline.tracks) {
    w.page.drawRectangle({ x: legendX, y: w.y - 8, width: 10, height: 4, color: hex(trackColour(track.id)) });
    const label = w.say.person(track.id);
    w.lines([label], legendX + 14, w.y, { size: 8 });
    legendX += 24 + w.width(label, 8);
  }
  w.y -= legendHeight + 6;
}

async function moments(w: Writer, report: VideoReport, pictures: ReportPictures) {
  if (report.segments.length === 0) return;
  const { say } = w;
  w.heading(say.moments);
  if (pictures.framesUnavailable) w.paragraph(say.pdf.framesUnavailable, { colour: muted });
  const thumbWidth = 150;
  const aspect = report.analysedSize.height / report.analysedSize.width;
  for (const [i, segment] of report.segments.entries()) {
    const text = say.pdf.momentLine(formatTime(segment.start), formatTime(segment.end), segment.trackId, formatProbability(segment.mean));
    const start = personAt(report.frames, segment.trackId, segment.start);
    const detail = start ? say.pdf.momentAt(formatTime(start.time), formatProbability(start.face.probability)) : '';
    const thumb = pictures.moments.get(i);
    if (!thumb) {
      w.paragraph(`${i + 1}. ${text}. ${detail}`);
      continue;
    }
    const height = thumbWidth * aspect;
    w.room(height + 8);
    const image: PDFImage = await w.doc.embedJpg(thumb);
    w.page.drawImage(image, { x: margin, y: w.y - height, width: thumbWidth, height });
    w.lines(w.wrap(`${i + 1}. ${text}`, contentWidth - thumbWidth - 12, { font: 'bold' }), margin + thumbWidth + 12, w.y, { font: 'bold' });
    w.lines(w.wrap(`${detail} ${say.pdf.momentPicture}`, contentWidth - thumbWidth - 12), margin + thumbWidth + 12, w.y - 16);
    w.y -= height + 8;
  }
}

function provenanceSection(w: Writer, provenance: ProvenanceReport | null, isVideo: boolean) {
  const { say } = w;
  const said = say.provenance;
  w.heading(said.heading);
  if (!provenance) {
    w.paragraph(say.pdf.provenancePending);
    return;
  }
  w.paragraph(said.intro, { colour: muted });
  w.heading(said.credentials, 2);
  const { credentials } = provenance;
  if (credentials.status === 'absent') w.paragraph(said.noCredentials);
  else if (credentials.status === 'unsupported') w.paragraph(credentials.message);
  else if (credentials.status === 'failed') w.paragraph(said.credentialsFailed(credentials.message));
  else {
    const { summary } = credentials;
    const rows: [string, string][] = [[said.validation, validationText(summary, w.language)], [said.signedBy, signerText(summary, w.language)], [said.signedAt, summary.signedAt ?? said.noTimeStamp]];
    if (summary.claimGenerator) rows.push([said.madeWith, summary.claimGenerator]);
    rows.push([said.actions, summary.actions.length ? summary.actions.map((action) => describeAction(action, w.language)).join('\n') : said.noneRecorded]);
    if (summary.ingredients.length) rows.push([said.ingredients, summary.ingredients.map((i) => said.ingredient(i.title, i.relationship)).join('; ')]);
    w.facts(rows);
  }
  w.heading(isVideo ? said.containerTags : said.metadata, 2);
  const { metadata } = provenance;
  if (metadata.status === 'failed') w.paragraph(said.metadataFailed(metadata.message));
  else if (metadata.status === 'unsupported') w.paragraph(metadata.message);
  else {
    for (const line of metadata.unreadable) w.paragraph(line, { colour: muted });
    if (!metadata.found) w.paragraph(say.pdf.noMetadata(said.noMetadataMeaning));
    else {
      const rows: [string, string][] = [[said.camera, metadata.camera ?? said.notNamed]];
      if (metadata.software.length) rows.push([said.software, metadata.software.join('; ')]);
      if (metadata.history.length) rows.push([said.editHistory, metadata.history.map((e) => [e.action, e.when, e.software].filter(Boolean).join(' · ')).join('\n')]);
      for (const date of metadata.dates) rows.push([date.label, date.value]);
      if (metadata.sourceType) rows.push([said.declaredSource, metadata.sourceType]);
      for (const credit of metadata.credits) rows.push([credit.label, credit.value]);
      if (metadata.colourProfile) rows.push([said.colourProfile, metadata.colourProfile]);
      if (metadata.location) rows.push([say.pdf.location, say.pdf.locationValue(metadata.location.latitude.toFixed(5), metadata.location.longitude.toFixed(5))]);
      else if (metadata.locationPresent) rows.push([say.pdf.location, say.pdf.locationWithheld]);
      w.facts(rows);
      if (metadata.datesNote) w.paragraph(metadata.datesNote, { colour: muted });
    }
  }
  const { thumbnail } = provenance;
  if (thumbnail) {
    w.paragraph(thumbnail.differsFromImage ? say.pdf.thumbnailDiffers : thumbnail.difference === null ? said.thumbnailUnchecked : said.thumbnailMatches);
  }
}

async function comparisonSection(w: Writer, comparison: ComparisonReport, difference: Uint8Array | undefined) {
  const { say } = w;
  w.heading(say.pdf.comparison);
  const what = comparison.frameTime !== undefined ? say.pdf.comparedFrame(formatTime(comparison.frameTime)) : say.pdf.comparedPicture;
  if (comparison.status === 'failed') {
    w.paragraph(say.pdf.comparisonFailed(what, comparison.original, comparison.message));
    return;
  }
  w.paragraph(say.pdf.comparisonDone({
    what, original: comparison.original, onFaces: comparison.alignment === 'faces', correlation: comparison.correlation.toFixed(2), regions: comparison.regions.length,
  }));
  for (const [i, face] of comparison.faces.entries()) {
    w.paragraph(`${say.compare.face(i + 1, face.changed, Math.round(face.changedFraction * 100), face.meanDifference.toFixed(1))}.`, { indent: 10, after: 2 });
  }
  if (difference) {
    const image = await w.doc.embedPng(difference);
    const width = Math.min(220, contentWidth);
    const height = (width * image.height) / image.width;
    w.room(height + 16);
    w.page.drawImage(image, { x: margin, y: w.y - height, width, height });
    w.y -= height + 2;
    w.paragraph(say.pdf.differenceCaption, { size: 8, colour: muted });
  }
}

function modelsSection(w: Writer, report: AnalysisReport) {
  const { say, language } = w;
  w.heading(say.pdf.models);
  if (!('models' in report)) {
    w.paragraph(say.pdf.noModel);
    return;
  }
  const rows: [string, string][] = report.models.map((m) => [modelLabel(report, m.name), say.pdf.modelVersion(m.name, m.version)]);
  rows.push([say.pdf.ranOn, backendName(report.backend as Backend, language)]);
  rows.push([say.pdf.combined, report.fusion ? say.pdf.combinedFusion : say.pdf.combinedOne(modelLabel(report, report.models[0].name))]);
  w.facts(rows);
}

function heatLegend(w: Writer) {
  const steps = 40;
  const width = 120;
  w.room(heatLegendHeight + 2);
  for (let i = 0; i < steps; i++) {
    const [r, g, b] = colormap(i / (steps - 1));
    w.page.drawRectangle({ x: margin + (i * width) / steps, y: w.y - 8, width: width / steps + 0.3, height: 8, color: rgb(r / 255, g / 255, b / 255) });
  }
  w.lines(w.wrap(w.say.pdf.heatLegend, contentWidth - width - 8, { size: 7.5 }), margin + width + 8, w.y, { size: 7.5, colour: muted });
  w.y -= heatLegendHeight;
}

function partialNotice(w: Writer, report: VideoReport) {
  if (report.complete) return;
  const { stopped } = report;
  const text = stopped
    ? w.say.pdf.partialStopped(stopped.reason, formatTime(stopped.at), report.video.duration ? formatTime(report.video.duration) : null)
    : w.say.pdf.partialUnfinished;
  const lines = w.wrap(text, contentWidth - 16, { font: 'bold' });
  const height = lines.length * bodySize * lineGap + 10;
  w.page.drawRectangle({ x: margin, y: w.y - height, width: contentWidth, height, color: rgb(1, 0.95, 0.82), borderColor: bandColours.moderate, borderWidth: 1 });
  w.lines(lines, margin + 8, w.y - 5, { font: 'bold' });
  w.y -= height + 8;
}

function footers(w: Writer, name: string) {
  const pages = w.doc.getPages();
  pages.forEach((page, i) => {
    const { face, text } = w.shown(w.say.pdf.footer(name, i + 1, pages.length), 'regular');
    page.drawText(text, { x: margin, y: margin - 20, size: 7.5, font: face, color: muted });
  });
}

/** Lays the report out in `fonts`; returns the document and whether a character was written "?". */
async function layOut(doc: PDFDocument, fonts: Fonts, { report, language, pictures, timeline }: PdfReportInput): Promise<{ lost: boolean }> {
  const w = new Writer(doc, fonts, language);
  const { say } = w;
  doc.setTitle(say.pdf.documentTitle(report.file.name));
  doc.setSubject(say.pdf.subject);
  doc.setLanguage(language);
  doc.setCreator('Mikiwame');
  doc.setProducer('Mikiwame (pdf-lib)');
  doc.setCreationDate(new Date(report.createdAt));

  w.paragraph(say.pdf.title, { size: 20, font: 'bold', after: 2 });
  w.paragraph(say.pdf.madeOn(report.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')), { colour: muted, after: 8 });
  if ('tracks' in report) partialNotice(w, report);
  w.heading(say.provenance.file);
  w.facts(fileFacts(w, report));
  const nameLost = showable(report.file.name, fonts.regular).lost;
  if (nameLost) w.paragraph(say.pdf.nameLost, { size: 8, colour: muted });
  verdictSection(w, report);
  if ('faces' in report) await imageFaces(w, report, pictures);
  if ('tracks' in report) {
    if (timeline && timeline.duration > 0) timelineChart(w, timeline);
    await videoPeople(w, report, pictures);
    await moments(w, report, pictures);
  }
  provenanceSection(w, report.provenance, report.kind === 'video');
  if (report.comparison) await comparisonSection(w, report.comparison, pictures.comparisonDifference);
  modelsSection(w, report);
  titledParagraphs(w, say.pdf.bandsHeading, bandGuide(language));
  titledParagraphs(w, say.pdf.limitsHeading, methodLimits(language));
  footers(w, report.file.name);
  return { lost: w.lost };
}

async function standardFonts(doc: PDFDocument): Promise<Fonts> {
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
}

/**
 * The report as a PDF. English whose characters the standard fonts all have is set in them; otherwise
 * (Japanese, or a name or metadata they lack) the report is laid out again in Noto Sans JP.
 */
export async function buildPdfReport(input: PdfReportInput): Promise<Uint8Array> {
  if (input.language === 'en') {
    const doc = await PDFDocument.create();
    const { lost } = await layOut(doc, await standardFonts(doc), input);
    if (!lost) return doc.save();
  }
  const doc = await PDFDocument.create();
  const fonts = await embedReportFonts(doc, input.fontFile);
  await layOut(doc, { ...fonts, mono: await doc.embedFont(StandardFonts.Courier) }, input);
  return doc.save();
}
