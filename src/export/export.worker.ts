import * as Comlink from 'comlink';
import { ALL_FORMATS, BlobSource, CanvasSource, canEncodeVideo, Conversion, Input, Mp4OutputFormat, Output, QUALITY_HIGH, StreamTarget } from 'mediabunny';
import type { ExportFailure } from '../i18n';
import { UnsupportedInputError } from '../pipeline/decode';
import { assetUrl, vendorAssets } from '../pipeline/engine-assets';
import { FfmpegVideoSource } from '../video/video-source';
import { frameAnnotator } from './annotate';
import { loadLegendFont } from './legend-font';
import { blobSink } from './blob-sink';
import type { ExportRequest } from './types';

const progressInterval = 250;

/** A fragmented MP4 (written in order, so it streams out: see blobSink) and the file it becomes. */
function mp4Output() {
  const sink = blobSink('video/mp4');
  const output = new Output({
    format: new Mp4OutputFormat({ fastStart: 'fragmented' }),
    target: new StreamTarget(sink.writable, { chunked: true, chunkSize: 4 * 1024 * 1024 }),
  });
  return { output, file: sink.file };
}

/**
 * The direct way: mediabunny re-reads the file, WebCodecs decodes each frame, it is drawn on and
 * encoded, and the audio is copied as it is. Null when mediabunny cannot read the container or
 * WebCodecs cannot decode the video (AVI, HEVC on most Linux browsers).
 */
async function convertWithWebCodecs(file: File, request: ExportRequest, onProgress: (fraction: number) => void): Promise<Blob | null> {
  const { width, height } = request;
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    await input.getFormat();
  } catch {
    return null;
  }
  const { output, file: mp4 } = mp4Output();
  const { annotate } = frameAnnotator(request);
  const conversion = await Conversion.init({
    input,
    output,
    tracks: 'primary',
    video: {
      codec: 'avc',
      width,
      height,
      fit: 'fill',
      // The boxes are in the upright picture's pixels: turn the frames, do not just tag the file.
      allowTransformationMetadata: false,
      forceTranscode: true,
      quality: QUALITY_HIGH,
      process: (sample) => annotate((context) => sample.draw(context, 0, 0, width, height), sample.timestamp),
    },
    showWarnings: false,
  });
  if (!conversion.isValid || !conversion.utilizedTracks.some((t) => t.type === 'video')) return null;
  conversion.onProgress = onProgress;
  await conversion.execute();
  return mp4();
}

/**
 * The way for what WebCodecs cannot decode: the analysis's own ffmpeg.wasm decoder hands over
 * the frames (at the analysed size, through its 3-frame ring), drawn on and encoded by WebCodecs.
 * The sound is not carried over on this way.
 */
async function convertWithFfmpegDecoder(file: File, request: ExportRequest, onProgress: (fraction: number) => void): Promise<Blob> {
  const { width, height } = request;
  const source = await FfmpegVideoSource.open(file, { js: assetUrl(vendorAssets.ffmpegLoader), wasm: assetUrl(vendorAssets.ffmpegWasm) });
  try {
    const { output, file: mp4 } = mp4Output();
    const { canvas, annotate } = frameAnnotator(request);
    const step = 1 / (source.info.fps ?? 30);
    const video = new CanvasSource(canvas, { codec: 'avc', quality: QUALITY_HIGH });
    output.addVideoTrack(video, { frameRate: source.info.fps ?? undefined });
    await output.start();
    for await (const frame of source.frames({ width, height, sampleFps: null })) {
      annotate((context) => context.putImageData(new ImageData(frame.image.data, width, height), 0, 0), frame.time);
      await video.add(frame.time, step);
      if (source.info.duration) onProgress(Math.min(1, frame.time / source.info.duration));
    }
    await output.finalize();
    return mp4();
  } finally {
    source.close();
  }
}

/**
 * Draws the analysis on every frame of the user's video and encodes it to an H.264 MP4 with
 * WebCodecs, frames and packets streaming through: a few frames in flight, whatever the length.
 */
async function exportAnnotatedVideo(file: File, request: ExportRequest, onProgress: (fraction: number) => void): Promise<Blob | ExportFailure> {
  if (!(await canEncodeVideo('avc', { width: request.width, height: request.height }))) {
    return { id: 'noEncoder' };
  }
  if (request.language === 'ja') await loadLegendFont();
  let reported = 0;
  const report = (fraction: number) => {
    if (performance.now() - reported < progressInterval) return;
    reported = performance.now();
    onProgress(fraction);
  };
  try {
    return (await convertWithWebCodecs(file, request, report)) ?? (await convertWithFfmpegDecoder(file, request, report));
  } catch (error) {
    if (error instanceof UnsupportedInputError) return { id: 'unreadable', refusal: error.refusal };
    throw error;
  }
}

const api = { exportAnnotatedVideo };
export type ExportApi = typeof api;
Comlink.expose(api);
