// The bad-input corpus: files people will drop on Mikiwame that are broken, odd or hard, each with
// the outcome the app must give. Made from the committed astronaut photo with Debian's ffmpeg and
// pngjs; nothing here is committed but this script.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { astronautPhoto as astronaut, writeAstronautClip } from './clips.mjs';

const fixtures = join(import.meta.dirname, '..', '..', 'e2e', 'fixtures');
const coffee = join(fixtures, 'coffee.png');

/**
 * Outcomes: `error` (a message matching `message`), `no-face` (not applicable), `faces` (an image
 * result with at least `min` faces), `video` (a video result with at least `min` tracked people, or
 * none when min is 0).
 */
export const corpusCases = [
  { name: 'zero-byte.jpg', expect: { kind: 'error', message: 'empty' }, make: (p) => writeFileSync(p, '') },
  { name: 'zero-byte.mp4', expect: { kind: 'error', message: 'empty' }, make: (p) => writeFileSync(p, '') },
  { name: 'random-bytes.jpg', expect: { kind: 'error', message: 'is not an image' }, make: (p) => writeFileSync(p, noise(50_000)) },
  { name: 'random-bytes.mp4', expect: { kind: 'error', message: 'not a video' }, make: (p) => writeFileSync(p, noise(200_000)) },
  { name: 'text-file.png', expect: { kind: 'error', message: 'is not an image' }, make: (p) => writeFileSync(p, 'This is not a picture.\n'.repeat(50)) },
  { name: 'web-page.html', expect: { kind: 'error', message: 'is not an image' }, make: (p) => writeFileSync(p, '<!doctype html><title>x</title><p>hello</p>') },
  { name: 'truncated.png', expect: { kind: 'error', message: 'could not be decoded' }, make: (p) => writeFileSync(p, readFileSync(astronaut).subarray(0, 3000)) },
  { name: 'truncated.jpg', expect: { kind: 'error', message: 'could not be decoded' }, make: (p) => cut(ffmpegImage(astronaut, 'q.jpg', ['-q:v', '3']), p, 0.75) },
  { name: 'png-bomb.png', expect: { kind: 'error', message: 'megapixels' }, make: (p) => writeFileSync(p, pngHeaderOnly(60_000, 60_000)) },
  { name: 'huge-12000x12000.png', expect: { kind: 'error', message: 'megapixels' }, make: (p) => ffmpeg(['-f', 'lavfi', '-i', 'color=c=gray:s=12000x12000', '-frames:v', '1', p]) },
  { name: 'one-pixel.png', expect: { kind: 'no-face' }, make: (p) => writeFileSync(p, PNG.sync.write(Object.assign(new PNG({ width: 1, height: 1 }), { data: Buffer.from([128, 128, 128, 255]) }))) },
  { name: 'no-face-coffee.png', expect: { kind: 'no-face' }, make: (p) => writeFileSync(p, readFileSync(coffee)) },
  { name: 'sixteen-bit.png', expect: { kind: 'faces', min: 1 }, make: (p) => ffmpeg(['-i', astronaut, '-pix_fmt', 'rgb48be', p]) },
  { name: 'greyscale.jpg', expect: { kind: 'faces', min: 1 }, make: (p) => ffmpeg(['-i', astronaut, '-pix_fmt', 'gray', '-q:v', '3', p]) },
  { name: 'animated.gif', expect: { kind: 'faces', min: 1 }, make: (p) => ffmpeg(['-loop', '1', '-i', astronaut, '-vf', "crop=400:400:x='40+20*t':y=20", '-t', '1', '-r', '5', p]) },
  { name: 'webp-photo.webp', expect: { kind: 'faces', min: 1 }, make: (p) => ffmpeg(['-i', astronaut, '-quality', '80', p]) },
  { name: 'jpeg-named.png', expect: { kind: 'faces', min: 1 }, make: (p) => writeFileSync(p, readFileSync(ffmpegImage(astronaut, 'jn.jpg', ['-q:v', '3']))) },
  { name: 'upside-down.jpg', expect: { kind: 'faces', min: 1 }, make: (p) => ffmpeg(['-i', astronaut, '-vf', 'vflip,hflip,scale=256:256', '-q:v', '3', p]) },
  { name: 'tiny-faces-16px.png', expect: { kind: 'no-face' }, make: (p) => ffmpeg(['-loop', '1', '-i', astronaut, '-vf', 'scale=64:64,tile=8x4,pad=iw+64:ih+64:32:32:gray', '-frames:v', '1', p]) },
  { name: 'thirty-faces.png', expect: { kind: 'faces', min: 25 }, make: (p) => ffmpeg(['-loop', '1', '-i', astronaut, '-vf', 'scale=224:224,pad=256:256:16:16:gray,tile=6x5', '-frames:v', '1', p]) },
  { name: 'cartoon-smiley.png', expect: { kind: 'no-face' }, make: (p) => writeFileSync(p, smiley(256)) },
  { name: 'truncated-moov-at-end.mp4', expect: { kind: 'error', message: 'damaged, truncated' }, make: (p) => cut(clip('full.mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']), p, 0.6) },
  { name: 'truncated.webm', expect: { kind: 'video', min: 1 }, make: (p) => cut(clip('full.webm', ['-c:v', 'libvpx-vp9', '-b:v', '1M', '-deadline', 'realtime', '-cpu-used', '8']), p, 0.6) },
  { name: 'audio-only.mp4', expect: { kind: 'error', message: 'sound but no picture' }, make: (p) => ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'aac', p]) },
  { name: 'zero-frames.mkv', expect: { kind: 'error', message: 'no (frames|video picture)' }, make: (p) => ffmpeg(['-f', 'lavfi', '-i', 'color=c=gray:s=320x240:d=1', '-frames:v', '0', '-c:v', 'ffv1', p]) },
  { name: 'text-named.mp4', expect: { kind: 'error', message: 'not a video' }, make: (p) => writeFileSync(p, 'not a video\n'.repeat(100)) },
  { name: 'variable-frame-rate.mkv', expect: { kind: 'video', min: 1 }, make: (p) => ffmpeg(['-i', clip('vfr-src.mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']), '-vf', "setpts='if(lt(N,20),N*0.04,0.8+(N-20)*0.12)/TB'", '-fps_mode', 'vfr', '-c:v', 'libx264', p]) },
  { name: 'phone-rotated-90.mp4', expect: { kind: 'video', min: 1 }, make: (p) => ffmpeg(['-i', clip('sideways.mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'], 'transpose=2'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90', p]) },
  { name: 'hevc.mp4', expect: { kind: 'video', min: 1, unplayable: true }, make: (p) => clipTo(p, ['-c:v', 'libx265', '-pix_fmt', 'yuv420p', '-tag:v', 'hvc1', '-x265-params', 'log-level=error']) },
  { name: 'mpeg4-part2.avi', expect: { kind: 'video', min: 1, unplayable: true }, make: (p) => clipTo(p, ['-c:v', 'mpeg4', '-q:v', '3']) },
  { name: '4k-60fps.mp4', expect: { kind: 'video', min: 1 }, make: (p) => clipTo(p, ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'], 'scale=3840:2160', 60, 1) },
  { name: 'resolution-change.ts', expect: { kind: 'video', min: 1, unplayable: true }, make: (p) => resolutionChange(p) },
  { name: 'no-face-video.webm', expect: { kind: 'video', min: 0 }, make: (p) => ffmpeg(['-loop', '1', '-i', coffee, '-t', '2', '-r', '10', '-c:v', 'libvpx', '-b:v', '500k', p]) },
];

let workDir = '';

function ffmpeg(args) {
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
}

function noise(bytes) {
  // Deterministic bytes (a fixed linear congruential sequence), not random per run.
  const out = Buffer.alloc(bytes);
  let x = 12345;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function cut(source, target, fraction) {
  const bytes = readFileSync(source);
  writeFileSync(target, bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

function ffmpegImage(source, name, args) {
  const path = join(workDir, name);
  ffmpeg(['-i', source, ...args, path]);
  return path;
}

/** A 3 s 640x480 clip of the astronaut panning; `extraFilter` is applied last. */
function clip(name, codec, extraFilter) {
  const path = join(workDir, name);
  if (!existsSync(path)) clipTo(path, codec, extraFilter);
  return path;
}

function clipTo(path, codec, extraFilter, fps = 15, seconds = 3) {
  writeAstronautClip(path, { seconds, fps, codec, filters: extraFilter ? [extraFilter] : [] });
}

/** MPEG-TS whose picture size changes from 640x480 to 480x360 halfway. */
function resolutionChange(path) {
  const first = join(workDir, 'part1.ts');
  const second = join(workDir, 'part2.ts');
  clipTo(first, ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'mpegts'], undefined, 15, 2);
  clipTo(second, ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'mpegts', '-output_ts_offset', '2'], 'scale=480:360', 15, 2);
  writeFileSync(path, Buffer.concat([readFileSync(first), readFileSync(second)]));
}

/** A PNG that declares huge dimensions but stops after its header (a decompression bomb's start). */
function pngHeaderOnly(width, height) {
  const png = PNG.sync.write(new PNG({ width: 1, height: 1 }));
  const bytes = Buffer.from(png);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

/** A drawn cartoon face: yellow disc, two eyes, a smile. */
function smiley(size) {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const r = Math.hypot(x - c, y - c) / c;
    const eye = Math.hypot(Math.abs(x - c) - size * 0.15, y - size * 0.38) < size * 0.05;
    const mouth = Math.abs(Math.hypot(x - c, y - c * 0.9) - size * 0.25) < size * 0.02 && y > c * 1.05;
    const colour = r > 0.8 ? [255, 255, 255] : eye || mouth ? [30, 30, 30] : [250, 210, 40];
    png.data.set([...colour, 255], (y * size + x) * 4);
  }
  return PNG.sync.write(png);
}

/** Writes every case into `dir` (kept between runs) and returns [{ name, path, expect }]. */
export function buildCorpus(dir) {
  workDir = join(dir, '.work');
  mkdirSync(workDir, { recursive: true });
  return corpusCases.map(({ name, expect, make }) => {
    const path = join(dir, name);
    if (!existsSync(path)) make(path);
    return { name, path, expect };
  });
}
