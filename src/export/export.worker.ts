import * as Comlink from 'comlink';
import { ALL_FORMATS, BlobSource, canEncodeVideo, Conversion, Input, Mp4OutputFormat, Output, QUALITY_HIGH, StreamTarget } from 'mediabunny';
import { frameAnnotator } from './annotate';
import { blobSink } from './blob-sink';
import type { ExportRefusal, ExportRequest } from './types';

const progressInterval = 250;

function refusalFor(conversion: Conversion): ExportRefusal {
  const video = conversion.discardedTracks.find((d) => d.track.type === 'video');
  const codec = video?.track.codec ?? 'unknown';
  if (video?.reason === 'undecodable_source_codec' || video?.reason === 'unknown_source_codec') {
    return { message: `This browser cannot decode this video's ${codec.toUpperCase()} picture again to draw on it (the analysis used its own decoder). A copy converted to H.264 MP4 can be exported.` };
  }
  if (video?.reason === 'no_encodable_target_codec') return { message: 'This browser has no H.264 video encoder, so the annotated video cannot be made here.' };
  return { message: 'This file has no video track the exporter can read.' };
}

/**
 * Re-reads the user's video (mediabunny demuxes it, WebCodecs decodes it), draws the analysis on
 * each frame, encodes it to H.264 with WebCodecs and muxes it with the audio copied as it is, into
 * a fragmented MP4. Frames and packets stream through: a few frames in flight, whatever the length.
 */
async function exportAnnotatedVideo(file: File, request: ExportRequest, onProgress: (fraction: number) => void): Promise<Blob | ExportRefusal> {
  const { width, height } = request;
  if (!(await canEncodeVideo('avc', { width, height }))) return { message: 'This browser has no H.264 video encoder, so the annotated video cannot be made here.' };
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    await input.getFormat();
  } catch {
    return { message: 'This video\'s container cannot be read again for the export (MP4, MOV, WebM and Matroska can; the analysis used its own reader). A copy converted to H.264 MP4 can be exported.' };
  }
  const sink = blobSink('video/mp4');
  const output = new Output({
    format: new Mp4OutputFormat({ fastStart: 'fragmented' }),
    target: new StreamTarget(sink.writable, { chunked: true, chunkSize: 4 * 1024 * 1024 }),
  });
  const annotate = frameAnnotator(request);
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
  if (!conversion.isValid || !conversion.utilizedTracks.some((t) => t.type === 'video')) return refusalFor(conversion);
  let reported = 0;
  conversion.onProgress = (fraction) => {
    if (performance.now() - reported < progressInterval) return;
    reported = performance.now();
    onProgress(fraction);
  };
  await conversion.execute();
  return sink.file();
}

const api = { exportAnnotatedVideo };
export type ExportApi = typeof api;
Comlink.expose(api);
