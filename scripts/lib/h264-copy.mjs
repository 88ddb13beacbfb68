// A copy of an evaluation folder with every image passed through one H.264 encode (x264 at the given
// CRF, yuv420p) and decoded back to PNG by Debian's ffmpeg: the video-like degradation of
// `npm run eval -- --degrade h264-crfN`, done outside the browser (whose encoders vary by build).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export const h264Degradation = /^h264-crf(\d+)$/;

export function h264Copy(inputDir, files, crf) {
  const outDir = mkdtempSync(join(tmpdir(), 'mikiwame-h264-'));
  const copies = files.map((file) => {
    const copy = join(outDir, relative(inputDir, file)).replace(/\.[^.]+$/, '.png');
    mkdirSync(dirname(copy), { recursive: true });
    const encoded = execFileSync('ffmpeg', ['-loglevel', 'error', '-i', file, '-vf', 'crop=trunc(iw/2)*2:trunc(ih/2)*2',
      '-c:v', 'libx264', '-crf', String(crf), '-pix_fmt', 'yuv420p', '-f', 'h264', '-'], { maxBuffer: 1 << 28 });
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'h264', '-i', '-', '-frames:v', '1', copy], { input: encoded });
    return copy;
  });
  return { outDir, copies };
}
