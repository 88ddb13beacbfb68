import { applyAffine, warpAffine } from '../pipeline/crop';
import type { Affine, Box, Point, RgbaImage } from '../pipeline/types';

/** The comparison runs with the suspect picture scaled to this long side: edits larger than a few pixels still show. */
export const workingSide = 384;
/** Both pictures are blurred by this box radius before differencing: resizing and recompression mostly vanish. */
const blurRadius = 2;
/** A blurred difference (0-255, the largest over the colour channels) above this is a change. */
export const changedLevel = 16;
/** Below this correlation of the aligned, blurred pictures they are not the same picture. */
export const samePictureCorrelation = 0.6;
/** Changed regions smaller than this part of the picture are noise. */
const minRegionFraction = 0.002;
/** A face with more than this part of its box changed is said to have changed. */
const faceChangedFraction = 0.15;

export interface FaceLandmarks {
  box: Box;
  keypoints: Point[];
}

export interface FaceChange {
  /** Share of the face's box whose difference is above changedLevel. */
  changedFraction: number;
  /** Mean blurred difference in the face's box, 0-255. */
  meanDifference: number;
  changed: boolean;
}

export interface Comparison {
  status: 'compared';
  /** How the original was laid over the suspect picture: by the faces' keypoints, or by stretching frame onto frame. */
  alignment: 'faces' | 'frame';
  /** Correlation of the aligned, blurred pictures (1: identical up to brightness and contrast). */
  correlation: number;
  /** Changed regions, in the suspect picture's pixels, largest first. */
  regions: Box[];
  /** One per face of the suspect picture, in the order given. */
  faces: FaceChange[];
  /** The working frame: the difference map and the aligned original are this size. */
  width: number;
  height: number;
  /** Blurred difference per working pixel, 0-255 (0 where the original does not reach). */
  difference: Float32Array;
  alignedOriginal: RgbaImage;
}

/** Not the same picture: a difference map would mean nothing. */
export interface Refusal {
  status: 'refused';
  correlation: number;
  /** The faces were tried as well as the whole frame. */
  facesTried: boolean;
}

/** The least-squares similarity (scale, rotation, shift) that maps `from` onto `to`. */
export function similarityFromPoints(from: Point[], to: Point[]): Affine {
  const n = from.length;
  const mean = (points: Point[]) => points.reduce((m, p) => ({ x: m.x + p.x / n, y: m.y + p.y / n }), { x: 0, y: 0 });
  const mf = mean(from);
  const mt = mean(to);
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const fx = from[i].x - mf.x;
    const fy = from[i].y - mf.y;
    const tx = to[i].x - mt.x;
    const ty = to[i].y - mt.y;
    dot += fx * tx + fy * ty;
    cross += fx * ty - fy * tx;
    norm += fx * fx + fy * fy;
  }
  const a = dot / norm;
  const b = cross / norm;
  return [a, -b, mt.x - a * mf.x + b * mf.y, b, a, mt.y - b * mf.x - a * mf.y];
}

const boxArea = (box: Box) => box.width * box.height;
const largest = (faces: FaceLandmarks[]) => faces.reduce((best, f) => (boxArea(f.box) > boxArea(best.box) ? f : best));

/** Three colour planes, box-blurred (separably, edges clamped). */
function blurredPlanes({ width, height, data }: RgbaImage): Float32Array[] {
  return [0, 1, 2].map((c) => {
    const plane = new Float32Array(width * height);
    for (let i = 0; i < plane.length; i++) plane[i] = data[i * 4 + c];
    const pass = (source: Float32Array, horizontal: boolean) => {
      const out = new Float32Array(source.length);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          let sum = 0;
          for (let k = -blurRadius; k <= blurRadius; k++) {
            const sx = horizontal ? Math.min(width - 1, Math.max(0, x + k)) : x;
            const sy = horizontal ? y : Math.min(height - 1, Math.max(0, y + k));
            sum += source[sy * width + sx];
          }
          out[y * width + x] = sum / (2 * blurRadius + 1);
        }
      }
      return out;
    };
    return pass(pass(plane, true), false);
  });
}

/**
 * Which working pixels the original covers through `toOriginal`, less a margin as wide as the
 * blur: there the blur mixes the original's edge with the black beyond it.
 */
function coverage(toOriginal: Affine, original: RgbaImage, width: number, height: number): Uint8Array {
  const covered = (x: number, y: number) => {
    const p = applyAffine(toOriginal, { x: x + 0.5, y: y + 0.5 });
    return p.x >= 0 && p.y >= 0 && p.x <= original.width && p.y <= original.height;
  };
  const margin = blurRadius + 1;
  const inside = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The original's footprint is convex: its corners suffice.
      inside[y * width + x] = covered(x - margin, y - margin) && covered(x + margin, y - margin)
        && covered(x - margin, y + margin) && covered(x + margin, y + margin) ? 1 : 0;
    }
  }
  return inside;
}

/** Correlation of the two pictures' luma over the pixels the original covers. */
function correlation(a: Float32Array[], b: Float32Array[], inside: Uint8Array, width: number, height: number): number {
  const luma = (planes: Float32Array[], i: number) => 0.299 * planes[0][i] + 0.587 * planes[1][i] + 0.114 * planes[2][i];
  let n = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let i = 0; i < width * height; i++) {
    if (!inside[i]) continue;
    const va = luma(a, i);
    const vb = luma(b, i);
    n++;
    sa += va;
    sb += vb;
    saa += va * va;
    sbb += vb * vb;
    sab += va * vb;
  }
  // Less than half the frame in common: not an alignment to trust.
  if (n < (width * height) / 2) return 0;
  const cov = sab / n - (sa / n) * (sb / n);
  const varA = saa / n - (sa / n) ** 2;
  const varB = sbb / n - (sb / n) ** 2;
  return varA > 0 && varB > 0 ? cov / Math.sqrt(varA * varB) : 0;
}

/** The original laid over the working frame through `toOriginal`, blurred, with what it covers. */
function alignOriginal(original: RgbaImage, toOriginal: Affine, width: number, height: number) {
  const aligned = warpAffine(original, toOriginal, width, height);
  return { toOriginal, aligned, planes: blurredPlanes(aligned), inside: coverage(toOriginal, original, width, height) };
}

/** The refinement works on a frame this many times smaller than the working frame: fast, and smooth enough to climb. */
const refineShrink = 3;

/** The similarity about the frame's centre (cx, cy) with log-scale `k`, angle `r` and shift (tx, ty), composed after `m`. */
function adjusted(m: Affine, [k, r, tx, ty]: number[], cx: number, cy: number): Affine {
  const ca = Math.exp(k) * Math.cos(r);
  const sa = Math.exp(k) * Math.sin(r);
  const t: Affine = [ca, -sa, cx - ca * cx + sa * cy + tx, sa, ca, cy - sa * cx - ca * cy + ty];
  const [a, b, c, d, e, f] = m;
  return [a * t[0] + b * t[3], a * t[1] + b * t[4], a * t[2] + b * t[5] + c, d * t[0] + e * t[3], d * t[1] + e * t[4], d * t[2] + e * t[5] + f];
}

/**
 * Refines an alignment from the faces' keypoints (off by a few pixels, which far from the face
 * becomes many): a coordinate search over scale, rotation and shift that maximises the
 * correlation, on a reduced frame, with steps halved four times.
 */
function refine(original: RgbaImage, toOriginal: Affine, suspect: RgbaImage, scale: number, width: number, height: number): Affine {
  const w = Math.max(8, Math.round(width / refineShrink));
  const h = Math.max(8, Math.round(height / refineShrink));
  const shrink = width / w;
  const target = blurredPlanes(warpAffine(suspect, [scale * shrink, 0, 0, 0, scale * shrink, 0], w, h));
  const score = (params: number[]) => {
    const map = adjusted(toOriginal, params, width / 2, height / 2);
    const small: Affine = [map[0] * shrink, map[1] * shrink, map[2], map[3] * shrink, map[4] * shrink, map[5]];
    const { planes, inside } = alignOriginal(original, small, w, h);
    return correlation(target, planes, inside, w, h);
  };
  let params = [0, 0, 0, 0];
  let best = score(params);
  let steps = [0.02, 0.02, 2 * shrink, 2 * shrink];
  for (let level = 0; level < 5; level++) {
    let improved = true;
    while (improved) {
      improved = false;
      for (let p = 0; p < params.length; p++) {
        for (const sign of [-1, 1]) {
          const trial = params.map((v, i) => (i === p ? v + sign * steps[i] : v));
          const value = score(trial);
          if (value > best) [best, params, improved] = [value, trial, true];
        }
      }
    }
    steps = steps.map((step) => step / 2);
  }
  return adjusted(toOriginal, params, width / 2, height / 2);
}

/**
 * Per pixel, the largest colour difference between `a` and the best-matching pixel of `b` within
 * one pixel: alignment is good to about a pixel, and an edge off by a pixel is not a change.
 */
function toleranceDifference(a: Float32Array[], b: Float32Array[], inside: Uint8Array, width: number, height: number): Float32Array {
  const difference = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!inside[i]) continue;
      let least = Infinity;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= width || yy >= height || !inside[yy * width + xx]) continue;
        const j = yy * width + xx;
        least = Math.min(least, Math.max(Math.abs(a[0][i] - b[0][j]), Math.abs(a[1][i] - b[1][j]), Math.abs(a[2][i] - b[2][j])));
      }
      difference[i] = least;
    }
  }
  return difference;
}

/** Boxes around the connected changed pixels (8-connected, after joining pixels one apart). */
function changedRegions(difference: Float32Array, width: number, height: number): Box[] {
  const changed = new Uint8Array(difference.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (difference[y * width + x] <= changedLevel) continue;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const yy = y + dy;
        const xx = x + dx;
        if (yy >= 0 && yy < height && xx >= 0 && xx < width) changed[yy * width + xx] = 1;
      }
    }
  }
  const regions: (Box & { pixels: number })[] = [];
  const stack: number[] = [];
  for (let start = 0; start < changed.length; start++) {
    if (changed[start] !== 1) continue;
    changed[start] = 2;
    stack.push(start);
    let [x0, y0, x1, y1, pixels] = [width, height, 0, 0, 0];
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      pixels++;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
        const j = yy * width + xx;
        if (changed[j] === 1) {
          changed[j] = 2;
          stack.push(j);
        }
      }
    }
    if (pixels >= minRegionFraction * width * height) regions.push({ x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, pixels });
  }
  return regions.sort((a, b) => b.pixels - a.pixels).map(({ x, y, width: w, height: h }) => ({ x, y, width: w, height: h }));
}

function faceChange(difference: Float32Array, width: number, height: number, box: Box): FaceChange {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(width, Math.ceil(box.x + box.width));
  const y1 = Math.min(height, Math.ceil(box.y + box.height));
  let count = 0;
  let over = 0;
  let sum = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const v = difference[y * width + x];
      count++;
      sum += v;
      if (v > changedLevel) over++;
    }
  }
  const changedFraction = count ? over / count : 0;
  return { changedFraction, meanDifference: count ? sum / count : 0, changed: changedFraction > faceChangedFraction };
}

const scaleBox = (box: Box, s: number): Box => ({ x: box.x * s, y: box.y * s, width: box.width * s, height: box.height * s });

/**
 * Compares a suspect picture with what the user believes is its original: aligns the original
 * onto the suspect (on the largest face's keypoints when both show faces, refined by a search of
 * scale, rotation and shift, or frame onto frame, whichever correlates better), blurs both to forgive resizing and recompression, and outlines
 * what still differs. Pictures that do not correlate after alignment are refused.
 */
export function compareImages(
  suspect: RgbaImage, suspectFaces: FaceLandmarks[], original: RgbaImage, originalFaces: FaceLandmarks[],
): Comparison | Refusal {
  const scale = Math.max(suspect.width, suspect.height) / workingSide;
  const width = Math.max(1, Math.round(suspect.width / scale));
  const height = Math.max(1, Math.round(suspect.height / scale));
  const working = warpAffine(suspect, [scale, 0, 0, 0, scale, 0], width, height);
  const workingPlanes = blurredPlanes(working);
  const candidates: { alignment: Comparison['alignment']; toOriginal: Affine }[] = [
    { alignment: 'frame', toOriginal: [original.width / width, 0, 0, 0, original.height / height, 0] },
  ];
  if (suspectFaces.length && originalFaces.length) {
    const from = largest(suspectFaces).keypoints.map((p) => ({ x: p.x / scale, y: p.y / scale }));
    const to = largest(originalFaces).keypoints;
    if (from.length >= 2 && from.length === to.length) candidates.unshift({ alignment: 'faces', toOriginal: similarityFromPoints(from, to) });
  }
  const tried = candidates.map(({ alignment, toOriginal }) => {
    const layer = alignOriginal(original, alignment === 'faces' ? refine(original, toOriginal, suspect, scale, width, height) : toOriginal, width, height);
    return { alignment, ...layer, correlation: correlation(workingPlanes, layer.planes, layer.inside, width, height) };
  });
  const best = tried.reduce((a, b) => (b.correlation > a.correlation ? b : a));
  if (best.correlation < samePictureCorrelation) {
    return { status: 'refused', correlation: best.correlation, facesTried: suspectFaces.length > 0 && originalFaces.length > 0 };
  }
  const difference = toleranceDifference(workingPlanes, best.planes, best.inside, width, height);
  return {
    status: 'compared',
    alignment: best.alignment,
    correlation: best.correlation,
    regions: changedRegions(difference, width, height).map((box) => scaleBox(box, scale)),
    faces: suspectFaces.map((face) => faceChange(difference, width, height, scaleBox(face.box, 1 / scale))),
    width,
    height,
    difference,
    alignedOriginal: best.aligned,
  };
}
