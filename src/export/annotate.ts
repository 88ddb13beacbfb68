import { bandColours, colormap, trackColour } from '../draw/colormap';
import { faceMark } from '../draw/face-mark';
import { drawableVideoFace, paintHeatmap } from '../draw/heat-draw';
import { formatTime } from '../draw/time-ticks';
import { words } from '../i18n';
import { evidenceBands, evidenceThreshold, formatProbability } from '../pipeline/evidence';
import { frameAt } from '../video/frame-lookup';
import type { AnalysedFrame, VideoFace } from '../video/types';
import { legendFont } from './legend-font';
import type { ExportRequest } from './types';

type Context = OffscreenCanvasRenderingContext2D;

function drawFace(context: Context, face: VideoFace, lineWidth: number, request: ExportRequest): void {
  const { assessable, band, label } = faceMark(face, request.language);
  const { x, y, width, height } = face.box;
  context.strokeStyle = trackColour(face.trackId);
  context.lineWidth = lineWidth;
  context.setLineDash(assessable ? [] : [lineWidth * 3, lineWidth * 2]);
  context.strokeRect(x, y, width, height);
  context.setLineDash([]);
  const size = Math.round(Math.max(14, height / 6));
  context.font = legendFont(700, size);
  context.textBaseline = 'bottom';
  // Above the box, or inside it when the box touches the top of the frame.
  const textY = y - size * 0.3 >= size ? y - size * 0.3 : y + size * 1.1;
  context.lineWidth = Math.max(2, size / 7);
  context.strokeStyle = '#000';
  context.strokeText(label, x, textY);
  context.fillStyle = bandColours[band];
  context.fillText(label, x, textY);
}

export interface LegendText {
  title: string;
  /** Where a cancelled analysis stopped; null when it covers the whole video. */
  stopped: string | null;
  /** Each evidence band's swatch label, in band order. */
  bands: string[];
  /** The heatmap scale's label; null when the heatmap is not drawn. */
  heat: string | null;
}

/** The legend's words, in the request's language. */
export function legendText(request: ExportRequest): LegendText {
  const say = words(request.language);
  return {
    title: say.legendTitle,
    stopped: request.stoppedAt === null ? null : say.legendStopped(formatTime(request.stoppedAt)),
    bands: evidenceBands.map(({ from }) => (from === 0 ? `<${formatProbability(evidenceThreshold)}` : `${formatProbability(from)}+`)),
    heat: request.heatOpacity > 0 ? say.legendHeat : null,
  };
}

/**
 * The legend in the bottom-left corner: what a box's number and colours mean, the heatmap's scale,
 * and for a cancelled analysis where it stopped.
 */
function drawLegend(width: number, height: number, request: ExportRequest, afterStop: boolean): OffscreenCanvas {
  const size = Math.max(12, Math.round(height / 36));
  const pad = Math.round(size * 0.5);
  const text = legendText(request);
  const lines: { text: string; colour: string; weight?: number }[] = [{ text: text.title, colour: '#e8ecf2' }];
  if (text.stopped !== null) {
    // Stronger where it applies: on the frames the analysis never reached.
    lines.push({ text: text.stopped, colour: afterStop ? bandColours.weak : '#e8ecf2', weight: afterStop ? 700 : 400 });
  }
  const canvas = new OffscreenCanvas(Math.min(width, size * 30), Math.round(size * 1.4 * (lines.length + 1) + pad * 2));
  const context = canvas.getContext('2d')!;
  context.fillStyle = 'rgba(20, 24, 31, 0.75)';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.textBaseline = 'top';
  let y = pad;
  for (const line of lines) {
    context.font = legendFont(line.weight ?? 400, size);
    context.fillStyle = line.colour;
    context.fillText(line.text, pad, y, canvas.width - 2 * pad);
    y += size * 1.4;
  }
  context.font = legendFont(400, size);
  // One swatch per evidence band, then the heatmap's colour scale.
  let x = pad;
  evidenceBands.forEach(({ band }, i) => {
    context.fillStyle = bandColours[band];
    context.fillRect(x, y + size * 0.15, size * 0.8, size * 0.8);
    context.fillStyle = '#e8ecf2';
    context.fillText(text.bands[i], x + size, y);
    x += size + context.measureText(text.bands[i]).width + size * 0.6;
  });
  if (text.heat !== null) {
    context.fillText(text.heat, x, y);
    x += context.measureText(text.heat).width + size * 0.3;
    const bar = size * 4;
    for (let i = 0; i < bar; i++) {
      const [r, g, b] = colormap(i / (bar - 1));
      context.fillStyle = `rgb(${r}, ${g}, ${b})`;
      context.fillRect(x + i, y + size * 0.15, 1, size * 0.8);
    }
  }
  return canvas;
}

/**
 * Draws the analysis over each decoded frame: the analysed frame at that time (as the screen's
 * overlay picks it), its heatmap, each person's box and label, and the legend, on one canvas
 * reused for every frame.
 */
export function frameAnnotator(request: ExportRequest) {
  const { width, height } = request;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const heat = new OffscreenCanvas(width, height);
  const heatContext = heat.getContext('2d')!;
  const legends = [false, true].map((afterStop) => drawLegend(width, height, request, afterStop));
  const lineWidth = Math.max(2, Math.round(height / 160));
  let heatFrame: AnalysedFrame | undefined;

  /** `draw` puts the decoded frame on the canvas; the analysis at `time` (seconds) goes over it. */
  const annotate = (draw: (context: Context) => void, time: number): OffscreenCanvas => {
    draw(context);
    const frame = frameAt(request.frames, time, request.frameValidity);
    if (frame) {
      if (request.heatOpacity > 0) {
        // Frames between two analysed ones (sampling) reuse the painted heatmap.
        if (frame !== heatFrame) paintHeatmap(heatContext, frame.faces.map(drawableVideoFace));
        heatFrame = frame;
        context.globalAlpha = request.heatOpacity;
        context.drawImage(heat, 0, 0);
        context.globalAlpha = 1;
      }
      for (const face of frame.faces) drawFace(context, face, lineWidth, request);
    }
    const legend = legends[request.stoppedAt !== null && time > request.stoppedAt ? 1 : 0];
    context.drawImage(legend, 0, height - legend.height);
    return canvas;
  };
  return { canvas, annotate };
}
