import type { Note, Refusal } from '../i18n';
import * as Comlink from 'comlink';
import { UnsupportedInputError } from '../pipeline/decode';
import type { RgbaImage } from '../pipeline/types';
import type { DecoderApi, FfmpegUrls } from './decoder.worker';
import { createFrameRing, FrameRingReader } from './frame-ring';
import { parseProbe, type FramePlan, type VideoInfo } from './video-info';

export interface DecodedFrame {
  /** Valid until the next frame is asked for: its pixels are reused. */
  image: RgbaImage;
  /** Seconds from the start of the stream. */
  time: number;
  index: number;
}

/** Frames in flight between ffmpeg and the analysis: memory is slots x frame size, whatever the length. */
const ringSlots = 3;

/** What ffmpeg's log says went wrong, in words for the user. */
export function describeDecodeFailure(log: string[]): Refusal {
  const text = log.join('\n');
  if (/Decoder \(codec (\w+)\) not found|Unsupported codec|unknown codec/i.test(text)) {
    return { id: 'codecUnsupported', codec: /codec (\w+)/.exec(text)?.[1] ?? null };
  }
  if (/moov atom not found|Invalid data found|End of file|truncated|partial file|error reading header/i.test(text)) return { id: 'videoDamaged' };
  return { id: 'videoUndecodable' };
}

/**
 * A video file decoded by ffmpeg.wasm in a worker of its own, which reads the File in place
 * (WORKERFS) and hands over frames, scaled and converted to RGBA by ffmpeg, through a bounded
 * shared ring.
 */
export class FfmpegVideoSource {
  private reader?: FrameRingReader;
  /** Set when ffmpeg failed after some frames: the analysis covers only the part before. */
  decodeWarning: Note | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly decoder: Comlink.Remote<DecoderApi>,
    private readonly crashed: Promise<never>,
    readonly info: VideoInfo,
  ) {}

  static async open(file: Blob, urls: FfmpegUrls): Promise<FfmpegVideoSource> {
    if (!globalThis.crossOriginIsolated) {
      throw new UnsupportedInputError({ id: 'notIsolated' });
    }
    if (file.size === 0) throw new UnsupportedInputError({ id: 'emptyFile' });
    const worker = new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module', name: 'video-decoder' });
    const crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        reject(new UnsupportedInputError({ id: 'decoderStopped', detail: event.message || null }));
      });
    });
    crashed.catch(() => undefined);
    const decoder = Comlink.wrap<DecoderApi>(worker);
    try {
      const probe = await Promise.race([decoder.open(file, urls), crashed]);
      return new FfmpegVideoSource(worker, decoder, crashed, parseProbe(probe));
    } catch (error) {
      worker.terminate();
      throw error;
    }
  }

  async *frames(plan: FramePlan): AsyncGenerator<DecodedFrame> {
    const { width, height } = plan;
    const ring = createFrameRing(width * height * 4, ringSlots);
    const reader = new FrameRingReader(ring);
    this.reader = reader;
    const fallbackStep = 1 / (plan.sampleFps ?? this.info.fps ?? 30);
    const decoding = Promise.race([this.decoder.decode(plan, ring), this.crashed]);
    // A decoder that dies never marks the ring finished: stop the reader instead.
    decoding.catch(() => reader.cancel());
    let count = 0;
    for (;;) {
      const frame = await reader.next();
      if (!frame) break;
      count++;
      yield {
        image: { width, height, data: frame.pixels },
        time: Number.isNaN(frame.time) ? frame.index * fallbackStep : frame.time,
        index: frame.index,
      };
    }
    let result: Awaited<typeof decoding>;
    try {
      result = await decoding;
    } catch (error) {
      // A decoder that died after some frames leaves them analysed, as a decoder that gave up does.
      if (count === 0 || !(error instanceof UnsupportedInputError)) throw error;
      this.decodeWarning = { id: 'decodingStopped', failure: error.refusal, frames: count };
      return;
    }
    // A file cut short (an interrupted download) ends ffmpeg normally; only its demuxer's complaint tells.
    const failed = result.exitCode !== 0 || result.log.some((line) => line.includes('partial file'));
    if (count === 0) throw new UnsupportedInputError(failed ? describeDecodeFailure(result.log) : { id: 'noFrames' });
    if (failed) {
      this.decodeWarning = { id: 'decodingStopped', failure: describeDecodeFailure(result.log), frames: count };
    }
  }

  close(): void {
    this.reader?.cancel();
    this.worker.terminate();
  }
}
