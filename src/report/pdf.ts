/**
 * The PDF report, built from the JSON report's data (src/app/report.ts) and a few pictures.
 *
 * pdf-lib (1.17.1): its text, set in the standard 14 PDF fonts, is real text (selectable,
 * searchable, no font file to serve or precache), it embeds JPEG and PNG as they are, and it needs
 * no DOM, so this module runs unchanged in the browser and under Node for its tests.
 *
 * The standard fonts cover WinAnsi (Latin-1 and a few more) only: text is sanitised (winAnsi),
 * not set in an embedded font, because a font with Japanese and the other scripts a file name can
 * have would add megabytes to the app. A name that loses characters says so, and the document's
 * title (a Unicode string in the PDF's properties) keeps it exactly.
 */
import { PageSizes, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import type { AnalysisReport, ImageReport, VideoReport } from '../app/report';
import { colormap, trackColour } from '../app/colormap';
import { explainScore } from '../app/score-explanation';
import { formatTime, tickLabel, timeTicks } from '../app/time-ticks';
import type { ComparisonReport } from '../compare/report';
import type { Backend } from '../pipeline/onnx-model';
import { bandMeaning, evidenceLabel, formatProbability, statusBand, type EvidenceBand, type VerdictStatus } from '../pipeline/evidence';
import { forgeryKindText } from '../pipeline/forgery-kind';
import { credentialsHeadline } from '../provenance/credentials';
import type { ProvenanceReport } from '../provenance/report';
import { actionText, formatBytes, noCredentialsText, noMetadataMeaning, signerText, validationText, videoStreamText } from '../provenance/wording';
import { trackNotes, trackRuns, trackScoreExplanation, type TrackPoint } from '../video/aggregate';
import { describeSampling } from '../video/sampling';
import { highestFrame, personAt } from './moments';
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
  /** Why a video's frames are not pictured, when they are not. */
  framesUnavailable?: string;
  /** The comparison's difference map (PNG), when there is one. */
  comparisonDifference?: Uint8Array;
}

export interface TimelineData {
  duration: number;
  /** Where the analysis got to: the duration, unless it was cancelled. */
  analysedUntil: number;
  threshold: number;
  tracks: { id: number; points: TrackPoint[] }[];
}

export interface PdfReportInput {
  report: AnalysisReport;
  pictures: ReportPictures;
  /** A video's per-person probabilities over time, as the timeline on screen draws them. */
  timeline?: TimelineData;
}

const [pageWidth, pageHeight] = PageSizes.A4;
const margin = 48;
const footerHeight = 24;
const contentWidth = pageWidth - 2 * margin;
const bodySize = 9.5;
const lineGap = 1.35;

const ink = rgb(0.1, 0.1, 0.12);
const muted = rgb(0.38, 0.4, 0.45);
const rule = rgb(0.8, 0.82, 0.86);
const hex = (colour: string) => rgb(parseInt(colour.slice(1, 3), 16) / 255, parseInt(colour.slice(3, 5), 16) / 255, parseInt(colour.slice(5, 7), 16) / 255);
// The screen's band colours (app.css), darkened enough to read on paper; never green.
const bandColours: Record<EvidenceBand | 'na', RGB> = {
  none: hex('#7d8ea8'), weak: hex('#c9a800'), moderate: hex('#e07a16'), strong: hex('#d93636'), na: muted,
};

/** Characters outside WinAnsi that have a plain stand-in; anything else becomes "?". */
const standIns: Record<string, string> = { '≥': '>=', '≤': '<=', '→': '->', '−': '-', '\u00a0': ' ', '\u202f': ' ' };

/** `text` in characters the standard fonts can show (see the module's comment). */
export function winAnsi(text: string, font: PDFFont): string {
  const known = charsets.get(font) ?? new Set(font.getCharacterSet());
  charsets.set(font, known);
  return [...text.normalize('NFC')]
    .map((ch) => (known.has(ch.codePointAt(0)!) ? ch : standIns[ch] ?? (/\s/.test(ch) ? ' ' : '?')))
    .join('');
}
const charsets = new WeakMap<PDFFont, Set<number>>();

function statusWords(status: VerdictStatus): string {
  const band = statusBand(status);
  if (band !== 'na') return evidenceLabel(band);
  return status === 'NOT_APPLICABLE' ? 'Not applicable: no face to assess' : 'Cannot be assessed';
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

interface TextStyle {
  size?: number;
  font?: keyof Fonts;
  colour?: RGB;
}

/** Writes down the page, starting a new one when the next block does not fit. */
class Writer {
  page!: PDFPage;
  y = 0;

  constructor(readonly doc: PDFDocument, readonly fonts: Fonts) {
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage(PageSizes.A4);
    this.y = pageHeight - margin;
  }

  /** Starts a new page unless `height` points fit on this one. */
  room(height: number) {
    if (this.y - height < margin + footerHeight) this.newPage();
  }

  /** `text` broken into lines no wider than `width`; a word longer than a line is cut. */
  wrap(text: string, width: number, { size = bodySize, font = 'regular' }: TextStyle = {}): string[] {
    const face = this.fonts[font];
    const fits = (s: string) => face.widthOfTextAtSize(s, size) <= width;
    const lines: string[] = [];
    for (const paragraph of winAnsi(text, face).split('\n')) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const next = line ? `${line} ${word}` : word;
        if (fits(next)) {
          line = next;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        while (!fits(line)) {
          let cut = line.length - 1;
          while (cut > 1 && !fits(line.slice(0, cut))) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** Draws lines from the top `top`, at `x`; returns the height used. */
  lines(lines: string[], x: number, top: number, { size = bodySize, font = 'regular', colour = ink }: TextStyle = {}): number {
    const step = size * lineGap;
    lines.forEach((line, i) => this.page.drawText(line, { x, y: top - size - i * step, size, font: this.fonts[font], color: colour }));
    return lines.length * step;
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
    const size = level === 1 ? 14 : 11;
    this.room(size * 2 + keep);
    this.y -= level === 1 ? 10 : 4;
    if (level === 1) {
      this.page.drawLine({ start: { x: margin, y: this.y }, end: { x: pageWidth - margin, y: this.y }, thickness: 0.6, color: rule });
      this.y -= 6;
    }
    this.y -= this.lines(this.wrap(text, contentWidth, { size, font: 'bold' }), margin, this.y, { size, font: 'bold' });
    this.y -= 4;
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

function fileFacts(report: AnalysisReport, nameShown: string): [string, string][] {
  const provenance = report.provenance;
  const fingerprint = provenance?.fingerprint;
  const rows: [string, string][] = [['File name', nameShown]];
  rows.push(['Size', formatBytes(report.file.bytes)]);
  rows.push(['Type', report.file.type || 'not given']);
  rows.push(['SHA-256', fingerprint ? fingerprint.sha256 ?? fingerprint.note ?? 'not computed' : 'not computed (the file was still being read)']);
  if (fingerprint?.jpegQuality != null) rows.push(['JPEG quality', `about ${fingerprint.jpegQuality} (estimated from its quantisation tables)`]);
  if ('faces' in report) {
    const { size } = report;
    const analysed = size.width === size.sourceWidth ? '' : `, analysed at ${size.width}x${size.height}`;
    rows.push(['Picture', `${size.sourceWidth}x${size.sourceHeight} pixels${analysed}`]);
  }
  if ('tracks' in report) {
    rows.push(['Container', report.video.container]);
    rows.push(['Video', videoStreamText(report.video)]);
    rows.push(['Analysed', `${report.frames.length} frames: ${describeSampling(report.video, report.sampleFps)}, at ${report.analysedSize.width}x${report.analysedSize.height}`]);
  }
  return rows;
}

function verdictSection(w: Writer, report: AnalysisReport) {
  w.heading('Verdict');
  const band = statusBand(report.status);
  const [top, page] = [w.y, w.page];
  w.paragraph(statusWords(report.status), { size: 13, font: 'bold', colour: bandColours[band], after: 2 });
  if ('summary' in report) w.paragraph(report.summary, { after: 3 });
  if ('error' in report && report.error) w.paragraph(`The file could not be analysed: ${report.error}`, { after: 3 });
  const credentials = report.provenance?.credentials;
  if (credentials?.status === 'read') w.paragraph(credentialsHeadline(credentials.summary).text, { after: 3 });
  if ('notes' in report) for (const note of report.notes) w.paragraph(note, { colour: muted, after: 3 });
  w.bandMark(band, top, page);
  w.paragraph(`Report status: ${report.status}.`, { size: 8, colour: muted });
}

const pictureSide = 104;

/** A face's or person's block: its two pictures at the left, its facts beside them, notes below. */
async function subjectBlock(w: Writer, title: string, band: EvidenceBand | 'na', pictures: FacePictures | undefined, rows: [string, string][], notes: string[], caption: string | null) {
  const factsX = margin + 2 * pictureSide + 16;
  const facts = w.factsBlock(rows, pageWidth - margin - factsX);
  const picturesHeight = pictures ? pictureSide + 14 : 0;
  w.room(24 + Math.max(picturesHeight, facts.height));
  w.heading(title, 2);
  const top = w.y;
  if (pictures) {
    const crop = await w.doc.embedJpg(pictures.crop);
    w.page.drawImage(crop, { x: margin, y: top - pictureSide, width: pictureSide, height: pictureSide });
    w.lines(['Face crop (as the models saw it)'], margin, top - pictureSide - 2, { size: 7, colour: muted });
    if (pictures.heat) {
      const heat = await w.doc.embedJpg(pictures.heat);
      w.page.drawImage(heat, { x: margin + pictureSide + 8, y: top - pictureSide, width: pictureSide, height: pictureSide });
      w.lines(['Heatmap over it'], margin + pictureSide + 8, top - pictureSide - 2, { size: 7, colour: muted });
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
}

const partRows = (parts: { label: string; probability: number }[]): [string, string][] => parts.map((p) => [p.label, p.probability.toFixed(3)]);

/** Height of a face's block with its pictures, to keep the section's heading with the first. */
const subjectKeep = pictureSide + 60;

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
  w.heading(report.faces.length === 1 ? 'The face' : `The faces (${report.faces.length})`, 1, subjectKeep);
  if ([...pictures.faces.values()].some((p) => p.heat)) heatLegend(w);
  if (report.faces.length === 0) {
    w.paragraph('No face was found, so there is nothing to assess. This does not mean the image is authentic. Faces smaller than about 24 pixels, strongly turned away, or heavily covered may not be found.');
    return;
  }
  for (const [i, face] of report.faces.entries()) {
    const assessable = face.status !== 'TOO_SMALL_TO_ASSESS';
    const rows: [string, string][] = assessable
      ? [['Probability', formatProbability(face.probability)], ['Evidence', evidenceLabel(face.band)], ...partRows(face.parts)]
      : [['Probability', 'not scored'], ['Evidence', 'Too small to assess']];
    if (face.kind && face.kind.label !== 'not-applicable') rows.push(['Looks like', forgeryKindText(face.kind)]);
    rows.push(['Face size', `${Math.round(face.box.width)}x${Math.round(face.box.height)} px`]);
    rows.push(['Detector confidence', face.detectionScore.toFixed(2)]);
    const explanation = assessable ? [bandMeaning(face.band), explainScore(face.parts, report.fusion).sentence] : [];
    const title = `Face ${i + 1}: ${assessable ? `${formatProbability(face.probability)}, ${evidenceLabel(face.band).toLowerCase()}` : 'too small to assess'}`;
    await subjectBlock(w, title, assessable ? face.band : 'na', pictures.faces.get(i), rows, [...explanation, ...face.notes], null);
  }
}

async function videoPeople(w: Writer, report: VideoReport, pictures: ReportPictures) {
  w.heading(report.tracks.length === 1 ? 'The person' : `The people (${report.tracks.length})`, 1, subjectKeep);
  if ([...pictures.faces.values()].some((p) => p.heat)) heatLegend(w);
  if (report.tracks.length === 0) {
    w.paragraph('No face was found in the analysed frames. Faces smaller than about 48 pixels, strongly turned away or covered may not be found.');
    return;
  }
  for (const track of report.tracks) {
    const highest = highestFrame(report.frames, track.id);
    const rows: [string, string][] = track.tooSmall
      ? [['Probability', 'not scored'], ['Evidence', 'Too small to assess']]
      : [['Probability (mean)', formatProbability(track.mean)], ['Evidence', evidenceLabel(track.band)]];
    if (track.kind && track.kind.label !== 'not-applicable') rows.push(['Looks like', forgeryKindText(track.kind)]);
    rows.push(['Seen', `${formatTime(track.first)} - ${formatTime(track.last)}`]);
    rows.push(['Frames analysed', String(track.frames)]);
    rows.push(['Frames in the weak band or above', `${Math.round(track.aboveThreshold * 100)} %`]);
    if (highest) {
      rows.push(['Highest frame', `${formatProbability(highest.face.probability)} at ${formatTime(highest.time)}; in that frame:`]);
      for (const model of report.models) {
        const value = highest.face.parts[model.name];
        if (value !== undefined) rows.push([modelLabel(report, model.name), value.toFixed(3)]);
      }
    }
    const notes = [...(track.tooSmall ? [] : [bandMeaning(track.band), trackScoreExplanation(track.frames)]), ...trackNotes(track)];
    const title = `Person ${track.id}: ${track.tooSmall ? 'too small to assess' : `${formatProbability(track.mean)}, ${evidenceLabel(track.band).toLowerCase()}`}`;
    const shown = pictures.faces.get(track.id);
    const caption = shown && highest ? `Pictured: the frame at ${formatTime(highest.time)}, this person's highest-scoring frame.` : null;
    await subjectBlock(w, title, track.tooSmall ? 'na' : track.band, shown, rows, notes, caption);
  }
}

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
  w.heading('Timeline');
  w.paragraph(`Probability of manipulation in each analysed frame, one line per person; dashed: where weak evidence starts (${timeline.threshold}).`, { colour: muted });
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
    const labelWidth = w.fonts.regular.widthOfTextAtSize(label, 7);
    w.lines([label], Math.min(x(t) - labelWidth / 2, left + plotWidth - labelWidth), bottom - 2, small);
  }
  if (timeline.analysedUntil < duration) {
    const from = x(timeline.analysedUntil);
    w.page.drawRectangle({ x: from, y: bottom, width: left + plotWidth - from, height: plotHeight, color: rgb(0.93, 0.93, 0.95) });
    w.lines(['not analysed'], from + 4, bottom + plotHeight - 3, small);
  }
  w.page.drawLine({ start: { x: left, y: y(timeline.threshold) }, end: { x: left + plotWidth, y: y(timeline.threshold) }, thickness: 0.8, color: muted, dashArray: [4, 3] });
  for (const track of timeline.tracks) {
    const colour = hex(trackColour(track.id));
    for (const run of trackRuns(track.points, 1)) {
      if (run.length === 1) w.page.drawCircle({ x: x(run[0].time), y: y(run[0].probability), size: 1.2, color: colour });
      for (let i = 1; i < run.length; i++) {
        w.page.drawLine({
          start: { x: x(run[i - 1].time), y: y(run[i - 1].probability) },
          end: { x: x(run[i].time), y: y(run[i].probability) },
          thickness: 1.3,
          color: colour,
        });
      }
    }
  }
  w.y = bottom - 14;
  let legendX = left;
  for (const track of timeline.tracks) {
    w.page.drawRectangle({ x: legendX, y: w.y - 8, width: 10, height: 4, color: hex(trackColour(track.id)) });
    const label = `Person ${track.id}`;
    w.lines([label], legendX + 14, w.y, { size: 8 });
    legendX += 24 + w.fonts.regular.widthOfTextAtSize(label, 8);
  }
  w.y -= legendHeight + 6;
}

async function moments(w: Writer, report: VideoReport, pictures: ReportPictures) {
  if (report.segments.length === 0) return;
  w.heading('Highest-scoring moments');
  if (pictures.framesUnavailable) w.paragraph(pictures.framesUnavailable, { colour: muted });
  const thumbWidth = 150;
  const aspect = report.analysedSize.height / report.analysedSize.width;
  for (const [i, segment] of report.segments.entries()) {
    const text = `${formatTime(segment.start)} - ${formatTime(segment.end)} · person ${segment.trackId} · mean ${formatProbability(segment.mean)}`;
    const start = personAt(report.frames, segment.trackId, segment.start);
    const detail = start ? `At ${formatTime(start.time)}: ${formatProbability(start.face.probability)}.` : '';
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
    w.lines(w.wrap(`${detail} The frame as the player shows it, with the person's box.`, contentWidth - thumbWidth - 12), margin + thumbWidth + 12, w.y - 16);
    w.y -= height + 8;
  }
}

function provenanceSection(w: Writer, provenance: ProvenanceReport | null, isVideo: boolean) {
  w.heading('Provenance');
  if (!provenance) {
    w.paragraph('The file\'s metadata was still being read when this report was made.');
    return;
  }
  w.paragraph('What the file says about itself. Metadata can be removed or rewritten by anyone: it gives leads to check, not proof.', { colour: muted });
  w.heading('Content credentials (C2PA)', 2);
  const { credentials } = provenance;
  if (credentials.status === 'absent') w.paragraph(noCredentialsText);
  else if (credentials.status === 'unsupported') w.paragraph(credentials.message);
  else if (credentials.status === 'failed') w.paragraph(`The content credentials could not be read: ${credentials.message}.`);
  else {
    const { summary } = credentials;
    const rows: [string, string][] = [['Validation', validationText(summary)], ['Signed by', signerText(summary)], ['Signed at', summary.signedAt ?? 'no time-stamp']];
    if (summary.claimGenerator) rows.push(['Made with', summary.claimGenerator]);
    rows.push(['Actions', summary.actions.length ? summary.actions.map(actionText).join('\n') : 'none recorded']);
    if (summary.ingredients.length) rows.push(['Ingredients', summary.ingredients.map((i) => `${i.title} (${i.relationship})`).join('; ')]);
    w.facts(rows);
  }
  w.heading(isVideo ? "Metadata (the container's tags)" : 'Metadata', 2);
  const { metadata } = provenance;
  if (metadata.status === 'failed') w.paragraph(`The metadata could not be read: ${metadata.message}.`);
  else if (metadata.status === 'unsupported') w.paragraph(metadata.message);
  else {
    for (const line of metadata.unreadable) w.paragraph(line, { colour: muted });
    if (!metadata.found) w.paragraph(`No camera or editing metadata in this file. ${noMetadataMeaning}`);
    else {
      const rows: [string, string][] = [['Camera', metadata.camera ?? 'not named']];
      if (metadata.software.length) rows.push(['Software', metadata.software.join('; ')]);
      if (metadata.history.length) rows.push(['Edit history (XMP)', metadata.history.map((e) => [e.action, e.when, e.software].filter(Boolean).join(' · ')).join('\n')]);
      for (const date of metadata.dates) rows.push([date.label, date.value]);
      if (metadata.sourceType) rows.push(['Declared source', metadata.sourceType]);
      for (const credit of metadata.credits) rows.push([credit.label, credit.value]);
      if (metadata.colourProfile) rows.push(['Colour profile', metadata.colourProfile]);
      if (metadata.location) rows.push(['Location (GPS)', `latitude ${metadata.location.latitude.toFixed(5)}, longitude ${metadata.location.longitude.toFixed(5)}`]);
      else if (metadata.locationPresent) rows.push(['Location (GPS)', 'recorded in the file; left out of this report (not shown on screen)']);
      w.facts(rows);
      if (metadata.datesNote) w.paragraph(metadata.datesNote, { colour: muted });
    }
  }
  const { thumbnail } = provenance;
  if (thumbnail) {
    w.paragraph(thumbnail.differsFromImage
      ? 'The EXIF thumbnail embedded in the file shows a different picture: editors often leave the camera\'s thumbnail in place when they change the picture.'
      : thumbnail.difference === null
        ? 'The file embeds an EXIF thumbnail, but it could not be decoded to compare with the picture.'
        : 'The EXIF thumbnail embedded in the file shows the same picture.');
  }
}

async function comparisonSection(w: Writer, comparison: ComparisonReport, difference: Uint8Array | undefined) {
  w.heading('Comparison with an original');
  const of = comparison.frameTime !== undefined ? `this video's frame at ${formatTime(comparison.frameTime)}` : 'this picture';
  if (comparison.status === 'failed') {
    w.paragraph(`Compared ${of} with ${comparison.original}: ${comparison.message}`);
    return;
  }
  const regions = comparison.regions.length;
  w.paragraph(`Compared ${of} with ${comparison.original}, aligned ${comparison.alignment === 'faces' ? "on the faces' landmarks" : 'frame onto frame'} (correlation ${comparison.correlation.toFixed(2)}). ${regions ? `${regions} changed region${regions === 1 ? '' : 's'} found` : 'No changed region found'}, after blurring both pictures to set resizing and recompression aside.`);
  for (const [i, face] of comparison.faces.entries()) {
    w.paragraph(`Face ${i + 1}: ${face.changed ? 'changed' : 'no change found'} (${Math.round(face.changedFraction * 100)}% of its box differs; mean difference ${face.meanDifference.toFixed(1)} of 255).`, { indent: 10, after: 2 });
  }
  if (difference) {
    const image = await w.doc.embedPng(difference);
    const width = Math.min(220, contentWidth);
    const height = (width * image.height) / image.width;
    w.room(height + 16);
    w.page.drawImage(image, { x: margin, y: w.y - height, width, height });
    w.y -= height + 2;
    w.paragraph('The difference between the two (yellow: most different).', { size: 8, colour: muted });
  }
}

function modelsSection(w: Writer, report: AnalysisReport) {
  w.heading('Models');
  if (!('models' in report)) {
    w.paragraph('No model ran: the file could not be analysed.');
    return;
  }
  const rows: [string, string][] = report.models.map((m) => [modelLabel(report, m.name), `${m.name}, version ${m.version}`]);
  rows.push(['Ran on', backendName(report.backend as Backend)]);
  rows.push(['Combined', report.fusion
    ? 'a logistic regression on the models\' calibrated outputs, fitted on held-out validation faces'
    : `one model: ${modelLabel(report, report.models[0].name)}'s calibrated output`]);
  w.facts(rows);
}

function heatLegend(w: Writer) {
  const steps = 40;
  const width = 120;
  w.room(18);
  for (let i = 0; i < steps; i++) {
    const [r, g, b] = colormap(i / (steps - 1));
    w.page.drawRectangle({ x: margin + (i * width) / steps, y: w.y - 8, width: width / steps + 0.3, height: 8, color: rgb(r / 255, g / 255, b / 255) });
  }
  w.lines(['Heatmap colours: dark purple = unlikely, yellow = likely manipulated; its strength follows the face\'s probability.'], margin + width + 8, w.y, { size: 7.5, colour: muted });
  w.y -= 16;
}

function partialNotice(w: Writer, report: VideoReport) {
  if (report.complete) return;
  const stopped = report.stopped;
  const text = stopped
    ? `Partial results: the analysis ${stopped.reason ? `stopped (${stopped.reason})` : 'was cancelled'} at ${formatTime(stopped.at)}${report.video.duration ? ` of ${formatTime(report.video.duration)}` : ''}. Everything below covers the video up to there only.`
    : 'Partial results: the analysis had not finished when this report was made.';
  const lines = w.wrap(text, contentWidth - 16, { font: 'bold' });
  const height = lines.length * bodySize * lineGap + 10;
  w.page.drawRectangle({ x: margin, y: w.y - height, width: contentWidth, height, color: rgb(1, 0.95, 0.82), borderColor: bandColours.moderate, borderWidth: 1 });
  w.lines(lines, margin + 8, w.y - 5, { font: 'bold' });
  w.y -= height + 8;
}

function footers(doc: PDFDocument, fonts: Fonts, name: string) {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = winAnsi(`Mikiwame report · ${name} · page ${i + 1} of ${pages.length}`, fonts.regular);
    page.drawText(text, { x: margin, y: margin - 20, size: 7.5, font: fonts.regular, color: muted });
  });
}

export async function buildPdfReport({ report, pictures, timeline }: PdfReportInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const createdAt = new Date(report.createdAt);
  doc.setTitle(`Mikiwame report: ${report.file.name}`);
  doc.setSubject('Signs of face manipulation, checked on the device');
  doc.setCreator('Mikiwame');
  doc.setProducer('Mikiwame (pdf-lib)');
  doc.setCreationDate(createdAt);

  const w = new Writer(doc, fonts);
  const nameShown = winAnsi(report.file.name, fonts.regular);
  w.paragraph('Mikiwame analysis report', { size: 20, font: 'bold', after: 2 });
  w.paragraph(`Made on this device on ${report.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}. Nothing was uploaded. It shows evidence; the judgment stays yours.`, { colour: muted, after: 8 });
  if ('tracks' in report) partialNotice(w, report);
  w.heading('File');
  w.facts(fileFacts(report, nameShown));
  if (nameShown !== report.file.name) {
    w.paragraph('Characters of the name that this PDF\'s standard fonts cannot show are written "?"; the exact name is in the document\'s properties (its title) and in the JSON report.', { size: 8, colour: muted });
  }
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
  titledParagraphs(w, 'What the bands mean', bandGuide());
  titledParagraphs(w, 'Limits of this method', methodLimits());
  footers(doc, fonts, nameShown);
  return doc.save();
}
