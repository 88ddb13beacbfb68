// Test and benchmark clips made with Debian's ffmpeg from the committed public-domain astronaut photo.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const repeatedSeconds = 60;

export const astronautPhoto = join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'astronaut.png');

/**
 * Writes a clip to `path`: the 512 px photo padded to 800x600 and seen through a 640x480 window
 * that pans slowly (a moving face), then `filters` (e.g. a scale), encoded with `codec`. With
 * `fake`, the image `fake.image` replaces the photo from `fake.from` to `fake.until` seconds; with
 * `audioCodec`, a 440 Hz tone encoded with it is the sound track. A clip longer than a minute repeats
 * its first minute (stream copy, timestamps running on): drawing and filtering every frame of a
 * 10-minute clip took about two minutes of ffmpeg time on 2 cores, most of the memory test.
 * @param {string} path
 * @param {{ seconds: number, fps: number, codec: readonly string[], filters?: string[],
 *   fake?: { image: string, from: number, until: number }, audioCodec?: readonly string[] }} options
 */
export function writeAstronautClip(path, options) {
  if (options.seconds > repeatedSeconds) {
    const segment = path.replace(/(\.[^.]+)$/, '.segment$1');
    writeAstronautClip(segment, { ...options, seconds: repeatedSeconds });
    execFileSync('ffmpeg', [
      '-v', 'error', '-y', '-stream_loop', String(Math.ceil(options.seconds / repeatedSeconds) - 1), '-i', segment,
      '-c', 'copy', '-t', String(options.seconds), path,
    ]);
    rmSync(segment);
    return;
  }
  const { seconds, fps, codec, filters = [], fake, audioCodec } = options;
  const still = (image) => ['-loop', '1', '-framerate', String(fps), '-i', image];
  const chain = [
    ...(fake ? [`[0][1]overlay=enable='between(t,${fake.from},${fake.until})'`] : []),
    'pad=800:600:(ow-iw)/2:(oh-ih)/2:color=0x404850',
    "crop=640:480:x='80+60*sin(t)':y='60+20*cos(t)'",
    ...filters,
    'format=yuv420p',
  ].join(',');
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', ...still(astronautPhoto), ...(fake ? still(fake.image) : []),
    ...(audioCodec ? ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'] : []),
    fake ? '-filter_complex' : '-vf', chain, '-t', String(seconds), '-r', String(fps), ...codec, ...(audioCodec ?? []), path,
  ]);
}
