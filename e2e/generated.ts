// Test inputs made at test time from the committed public-domain photos.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { writeAstronautClip } from '../scripts/lib/clips.mjs';

export const fixtures = join(import.meta.dirname, 'fixtures');
const generatedDir = join(import.meta.dirname, '..', 'test-results', 'generated');

export const astronautPath = join(fixtures, 'astronaut.png');
export const coffeePath = join(fixtures, 'coffee.png');
/** The astronaut's face, as found by the detector (image pixels). */
export const astronautFace = { cx: 224, cy: 132, rx: 38, ry: 50 };

/**
 * A self-blended fake (Shiohara & Yamasaki 2022): the face region is replaced by a colour-shifted,
 * slightly enlarged copy of itself under a soft elliptical mask. Returns the image and its mask.
 * `hardEdge`: only the inner face (0.65 of the face's ellipse) under a mask whose edge is a quarter as wide, a seam the
 * app's net reads as strong evidence (0.998 in session 34; the soft whole-face blend reads 0.45, under the weak band).
 */
export function selfBlendedAstronaut({ hardEdge = false } = {}): { imagePath: string; maskPath: string } {
  mkdirSync(generatedDir, { recursive: true });
  const png = PNG.sync.read(readFileSync(astronautPath));
  const { width, height, data } = png;
  const out = new PNG({ width, height });
  const mask = new PNG({ width, height });
  const { cx, cy, rx, ry } = astronautFace;
  // Strong enough that the app's net reacts on this ~90 px face: a 4 % zoom with a milder colour shift got no heat at
  // all from the net published in session 30 (its mask cut is 0.65) and barely moved the video's timeline.
  const zoom = 1.06;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = (y * width + x) * 4;
      const r = Math.hypot((x - cx) / rx, (y - cy) / ry) / (hardEdge ? 0.65 : 1);
      const m = Math.min(1, Math.max(0, (1.1 - r) / (hardEdge ? 0.05 : 0.2)));
      const sx = Math.round(cx + (x - cx) / zoom);
      const sy = Math.round(cy + (y - cy) / zoom);
      const s = (sy * width + sx) * 4;
      const shifted = [data[s] * 1.12 + 16, data[s + 1] * 0.95, data[s + 2] * 0.86 - 10];
      for (let c = 0; c < 3; c++) out.data[k + c] = Math.max(0, Math.min(255, Math.round(shifted[c] * m + data[k + c] * (1 - m))));
      out.data[k + 3] = 255;
      const v = m > 0.5 ? 255 : 0;
      mask.data.set([v, v, v, 255], k);
    }
  }
  const stem = hardEdge ? 'astronaut_selfblend_hard' : 'astronaut_selfblend';
  const imagePath = join(generatedDir, `${stem}.png`);
  const maskPath = join(generatedDir, `${stem}_mask.png`);
  writeFileSync(imagePath, PNG.sync.write(out));
  writeFileSync(maskPath, PNG.sync.write(mask));
  return { imagePath, maskPath };
}

/**
 * The astronaut's face cut tight, as DFDC's face crops are (forehead to chin, the face fills the
 * picture), scaled up bilinearly to `side` pixels.
 */
export function tightFaceCrop(side = 224): string {
  mkdirSync(generatedDir, { recursive: true });
  const source = PNG.sync.read(readFileSync(astronautPath));
  const { cx, cy, ry } = astronautFace;
  // Brows to upper lip: without the padded detector pass no face is found in it.
  const half = 0.7 * ry;
  const out = new PNG({ width: side, height: side });
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) {
    const fx = cx - half + ((x + 0.5) / side) * 2 * half - 0.5;
    const fy = cy - half + ((y + 0.5) / side) * 2 * half - 0.5;
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const tx = fx - x0;
    const ty = fy - y0;
    const pixel = [0, 0, 0];
    for (const [dx, dy, w] of [[0, 0, (1 - tx) * (1 - ty)], [1, 0, tx * (1 - ty)], [0, 1, (1 - tx) * ty], [1, 1, tx * ty]]) {
      const k = ((y0 + dy) * source.width + x0 + dx) * 4;
      for (let c = 0; c < 3; c++) pixel[c] += w * source.data[k + c];
    }
    out.data.set([...pixel.map(Math.round), 255], (y * side + x) * 4);
  }
  const path = join(generatedDir, 'astronaut_tight_face.png');
  writeFileSync(path, PNG.sync.write(out));
  return path;
}

/** Decodes a picture with Debian's ffmpeg to RGBA, through `filters` that must end at width x height. */
export function decodeRgba(input: Uint8Array, filters: string[], width: number, height: number) {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', 'pipe:0', '-vf', filters.join(','), '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'], { input });
  return { width, height, data: new Uint8ClampedArray(raw) };
}

/**
 * The self-blended fake as a copy passed around would be: resized to 384 px and recompressed as
 * JPEG (about quality 75). Returns its path and the edited region's box in its own pixels.
 */
export function editedCopyOfAstronaut(): { path: string; editBox: { x: number; y: number; width: number; height: number } } {
  const { imagePath, maskPath } = selfBlendedAstronaut();
  mkdirSync(generatedDir, { recursive: true });
  const path = join(generatedDir, 'astronaut_selfblend_384.jpg');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', imagePath, '-vf', 'scale=384:384', '-q:v', '7', '-frames:v', '1', path]);
  const mask = PNG.sync.read(readFileSync(maskPath));
  let [x0, y0, x1, y1] = [mask.width, mask.height, 0, 0];
  for (let y = 0; y < mask.height; y++) for (let x = 0; x < mask.width; x++) {
    if (mask.data[(y * mask.width + x) * 4] < 128) continue;
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  }
  const s = 384 / mask.width;
  return { path, editBox: { x: x0 * s, y: y0 * s, width: (x1 - x0 + 1) * s, height: (y1 - y0 + 1) * s } };
}

/** The astronaut photo cropped off-centre and shrunk, unedited: only its face can align it with the original. */
export function croppedCopyOfAstronaut(): string {
  mkdirSync(generatedDir, { recursive: true });
  const path = join(generatedDir, 'astronaut_cropped_300.jpg');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', astronautPath, '-vf', 'crop=400:400:70:20,scale=300:300', '-q:v', '4', '-frames:v', '1', path]);
  return path;
}

/** What the tagged phone clip's container says, as an iPhone writes it. */
export const phoneClipTags = { make: 'Apple', model: 'iPhone 15', software: '17.1', created: '2024-03-01T09:15:42.000000Z', latitude: 35.6586, longitude: 139.7454 };

/** A second of the astronaut photo as a MOV carrying an iPhone's QuickTime metadata tags (make, model, software, place). */
export function taggedPhoneClip(): string {
  mkdirSync(generatedDir, { recursive: true });
  const path = join(generatedDir, 'astronaut_tagged.mov');
  const t = phoneClipTags;
  if (!existsSync(path)) {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-loop', '1', '-framerate', '15', '-i', astronautPath, '-t', '1', '-vf', 'scale=320:320',
      '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', 'use_metadata_tags',
      '-metadata', `com.apple.quicktime.make=${t.make}`, '-metadata', `com.apple.quicktime.model=${t.model}`,
      '-metadata', `com.apple.quicktime.software=${t.software}`, '-metadata', `creation_time=${t.created}`,
      '-metadata', `com.apple.quicktime.location.ISO6709=+${t.latitude}+${t.longitude}+010.000/`, path]);
  }
  return path;
}

/** Intersection over union of two boxes. */
export function boxIoU(a: { x: number; y: number; width: number; height: number }, b: typeof a): number {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return (w * h) / (a.width * a.height + b.width * b.height - w * h);
}

/** A plain grey picture: no face whatever the detector's tuning (coffee.png's cup once passed for one). */
export function plainGreyImage(): string {
  mkdirSync(generatedDir, { recursive: true });
  const out = new PNG({ width: 320, height: 240 });
  for (let i = 0; i < out.data.length; i += 4) out.data.set([128, 128, 128, 255], i);
  const path = join(generatedDir, 'plain_grey.png');
  writeFileSync(path, PNG.sync.write(out));
  return path;
}

/** The first 3000 bytes of a real PNG: a download cut short. */
export function truncatedPng(): string {
  mkdirSync(generatedDir, { recursive: true });
  const path = join(generatedDir, 'truncated.png');
  writeFileSync(path, readFileSync(astronautPath).subarray(0, 3000));
  return path;
}

/** Pastes `source` shrunk by `factor` (box filter) into `out` at (ox, oy). */
function pasteShrunk(out: PNG, source: PNG, factor: number, ox: number, oy: number): void {
  const side = Math.floor(source.width / factor);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) {
    const sum = [0, 0, 0];
    for (let dy = 0; dy < factor; dy++) for (let dx = 0; dx < factor; dx++) {
      const k = ((y * factor + dy) * source.width + x * factor + dx) * 4;
      for (let ch = 0; ch < 3; ch++) sum[ch] += source.data[k + ch];
    }
    out.data.set([...sum.map((v) => Math.round(v / factor ** 2)), 255], ((oy + y) * out.width + ox + x) * 4);
  }
}

function greyCanvas(width: number, height: number): PNG {
  const out = new PNG({ width, height });
  for (let i = 0; i < out.data.length; i += 4) out.data.set([120, 124, 130, 255], i);
  return out;
}

/**
 * A wide shot: copies of the astronaut photo shrunk by `factor` (box filter) on a grey
 * background, so each face is about 95 / factor pixels. Returns the path and the face count.
 */
export function groupPhoto(factor = 3, columns = 4, rows = 2): { path: string; faces: number } {
  mkdirSync(generatedDir, { recursive: true });
  const source = PNG.sync.read(readFileSync(astronautPath));
  const side = Math.floor(source.width / factor);
  const gap = 40;
  const out = greyCanvas(columns * (side + gap) + gap, rows * (side + gap) + gap);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) pasteShrunk(out, source, factor, gap + c * (side + gap), gap + r * (side + gap));
  const path = join(generatedDir, `group_${columns * rows}.png`);
  writeFileSync(path, PNG.sync.write(out));
  return { path, faces: columns * rows };
}

/**
 * The astronaut at full size (a face of about 95 px, assessable) beside a crowd of `crowd` copies shrunk by 3 (faces of
 * about 32 px, too small to assess), on a 1600 px wide grey picture.
 */
export function speakerAndCrowd(crowd = 6): { path: string; faces: number; tooSmall: number } {
  mkdirSync(generatedDir, { recursive: true });
  const source = PNG.sync.read(readFileSync(astronautPath));
  const out = greyCanvas(1600, 900);
  pasteShrunk(out, source, 1, 40, 200);
  const side = Math.floor(source.width / 3);
  for (let i = 0; i < crowd; i++) pasteShrunk(out, source, 3, 800 + (i % 3) * (side + 40), 200 + Math.floor(i / 3) * (side + 40));
  const path = join(generatedDir, `speaker_and_crowd_${crowd}.png`);
  writeFileSync(path, PNG.sync.write(out));
  return { path, faces: 1 + crowd, tooSmall: crowd };
}

/**
 * The H.264 test clip as a download cut off half-way: its index written first (faststart, as most published MP4s are), so
 * it opens and plays, then the data stops in the middle of a frame.
 */
export function truncatedClip(): string {
  const whole = join(generatedDir, 'astronaut_faststart.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', astronautClip({ container: 'mp4' }).path, '-c', 'copy', '-movflags', '+faststart', whole]);
  const packetStarts = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pos', '-of', 'csv=p=0', whole], { encoding: 'utf8' })
    .trim().split('\n').map(Number);
  const path = join(generatedDir, 'astronaut_cut_short.mp4');
  writeFileSync(path, readFileSync(whole).subarray(0, packetStarts[Math.floor(packetStarts.length / 2)] + 10));
  return path;
}

export const videoContainers = {
  mp4: { codec: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'], type: 'video/mp4' },
  'vp8.webm': { codec: ['-c:v', 'libvpx', '-b:v', '1M'], type: 'video/webm' },
  'vp9.webm': { codec: ['-c:v', 'libvpx-vp9', '-b:v', '1M', '-deadline', 'realtime', '-cpu-used', '8'], type: 'video/webm' },
  mov: { codec: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'], type: 'video/quicktime' },
  avi: { codec: ['-c:v', 'mpeg4', '-q:v', '3'], type: 'video/x-msvideo' },
} as const;

export type VideoContainer = keyof typeof videoContainers;

export interface ClipOptions {
  container?: VideoContainer;
  seconds?: number;
  fps?: number;
  width?: number;
  height?: number;
  /** Seconds during which the face is the self-blended fake. */
  fakeFrom?: number;
  fakeUntil?: number;
  /** With a sound track (a tone; AAC, Opus in WebM). */
  audio?: boolean;
}

/**
 * A clip made with Debian's ffmpeg from the astronaut photo: the view pans slowly across it (a
 * moving face) and, between fakeFrom and fakeUntil, shows the self-blended face instead.
 */
export function astronautClip(options: ClipOptions = {}): { path: string; type: string } {
  const { container = 'mp4', seconds = 4, fps = 15, width = 640, height = 480, fakeFrom = 1.4, fakeUntil = 2.6, audio = false } = options;
  mkdirSync(generatedDir, { recursive: true });
  const path = join(generatedDir, `astronaut_${seconds}s_${fps}fps_${width}x${height}${audio ? '_audio' : ''}.${container}`);
  const { codec, type } = videoContainers[container];
  if (!existsSync(path)) {
    writeAstronautClip(path, {
      seconds, fps, codec, filters: [`scale=${width}:${height}`],
      fake: { image: selfBlendedAstronaut().imagePath, from: fakeFrom, until: fakeUntil },
      audioCodec: audio ? (container.endsWith('webm') ? ['-c:a', 'libopus'] : ['-c:a', 'aac', '-b:a', '96k']) : undefined,
    });
  }
  return { path, type };
}
