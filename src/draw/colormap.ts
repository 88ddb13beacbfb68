import type { FaceHeat } from '../pipeline/heatmap';
import type { EvidenceBand } from '../pipeline/evidence';

/** One colour per tracked person, in boxes, timeline lines and reports. */
export const trackColours = ['#4cc9f0', '#f72585', '#b5e48c', '#ffb703', '#9d4edd', '#fb8500'];
export const trackColour = (id: number) => trackColours[(id - 1) % trackColours.length];

// Viridis (matplotlib): perceptually uniform and readable with the common colour-vision deficiencies.
// The legend (.legend-bar in app.css) uses the same anchors.
const anchors: [number, number, number][] = [
  [68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37],
];

export function colormap(value: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, value)) * (anchors.length - 1);
  const i = Math.min(anchors.length - 2, Math.floor(t));
  const f = t - i;
  const [a, b] = [anchors[i], anchors[i + 1]];
  return [0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * f)) as [number, number, number];
}

/**
 * Colours a face's heat for overlay, each value scaled by `strength` (pipeline/heatmap.ts heatStrength: by the face's
 * band): colour and opacity follow the scaled value, so where the models see no evidence stays see-through, and a face
 * with weak evidence never reaches the legend's upper half.
 */
export function heatToRgba(heat: FaceHeat, strength: number): ImageData {
  const out = new ImageData(heat.size, heat.size);
  for (let i = 0; i < heat.data.length; i++) {
    const v = heat.data[i] * strength;
    const [r, g, b] = colormap(v);
    out.data[i * 4] = r;
    out.data[i * 4 + 1] = g;
    out.data[i * 4 + 2] = b;
    out.data[i * 4 + 3] = Math.round(255 * Math.min(1, Math.max(0, (v - 0.1) / 0.4)));
  }
  return out;
}

/** The evidence bands' colours as the screen shows them (app.css has the same), for pictures drawn in code. */
export const bandColours: Record<EvidenceBand | 'na', string> = {
  none: '#b3c1d6',
  weak: '#e0c84a',
  moderate: '#f0913a',
  strong: '#ff6b6b',
  na: '#9aa6b8',
};
