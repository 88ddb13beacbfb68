// A copy of an evaluation folder with every image passed through one H.264 encode (x264 at the given
// CRF, yuv420p) and decoded back to PNG by Debian's ffmpeg: the video-like degradation of
// `npm run eval -- --degrade h264-crfN`, done outside the browser (whose encoders vary by build).
// Images of one size go through one encoder as frames of an all-intra stream (-g 1: each frame coded
// on its own, as a one-image encode codes it), so a test split needs two ffmpeg runs per size, not per image.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { imageSize } from 'image-size';

export const h264Degradation = /^h264-crf(\d+)$/;

export function h264Copy(inputDir, files, crf) {
  const outDir = mkdtempSync(join(tmpdir(), 'mikiwame-h264-'));
  const copies = files.map((file) => join(outDir, relative(inputDir, file)).replace(/\.[^.]+$/, '.png'));
  const bySize = new Map();
  files.forEach((file, i) => {
    const { width, height } = imageSize(readFileSync(file));
    const key = `${width}x${height}`;
    if (!bySize.has(key)) bySize.set(key, []);
    bySize.get(key).push(i);
  });
  for (const [size, indices] of bySize) {
    const groupDir = join(outDir, `.frames-${size}`);
    mkdirSync(groupDir);
    const list = join(groupDir, 'list.txt');
    writeFileSync(list, indices.map((i) => `file '${files[i].replaceAll("'", "'\\''")}'\n`).join(''));
    const encoded = execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', list,
      '-vf', 'crop=trunc(iw/2)*2:trunc(ih/2)*2', '-c:v', 'libx264', '-g', '1', '-crf', String(crf), '-pix_fmt', 'yuv420p',
      '-f', 'h264', '-'], { maxBuffer: 1 << 30 });
    execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'h264', '-i', '-', '-fps_mode', 'passthrough',
      join(groupDir, '%06d.png')], { input: encoded, maxBuffer: 1 << 28 });
    indices.forEach((fileIndex, frame) => {
      mkdirSync(dirname(copies[fileIndex]), { recursive: true });
      renameSync(join(groupDir, `${String(frame + 1).padStart(6, '0')}.png`), copies[fileIndex]);
    });
    rmSync(groupDir, { recursive: true });
  }
  return { outDir, copies };
}
