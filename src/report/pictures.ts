import { heatToRgba, trackColour } from '../draw/colormap';
import { drawableFace, drawableVideoFace, type DrawableFace } from '../draw/heat-draw';
import type { CurrentFile, VideoResults } from '../files/current-file';
import type { ImageAnalysis } from '../pipeline/analysis';
import { cropSpec, invertAffine } from '../pipeline/crop';
import type { VideoVerdict } from '../video/aggregate';
import { highestFrame, personAt } from './moments';
import type { FacePictures, ReportPictures } from './pdf';

/** The overlay's opacity on screen until the user changes it. */
const heatOpacity = 0.6;
const momentWidth = 320;

const jpeg = async (canvas: OffscreenCanvas) => new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());

/**
 * The face crop as the models were given it (the analysed picture, `width` x `height`, drawn
 * through the crop's transform), and the same with the face's heatmap over it as the screen shows it,
 * when the screen shows any (from the weak band up).
 */
async function facePictures(source: CanvasImageSource, width: number, height: number, face: DrawableFace): Promise<FacePictures> {
  const size = cropSpec.outputSize;
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d')!;
  const [a, b, c, d, e, f] = invertAffine(face.toImage);
  context.setTransform(a, d, b, e, c, f);
  context.drawImage(source, 0, 0, width, height);
  context.setTransform(1, 0, 0, 1, 0, 0);
  const crop = await jpeg(canvas);
  if (!face.heat || face.strength === 0) return { crop };
  const tile = new OffscreenCanvas(face.heat.size, face.heat.size);
  tile.getContext('2d')!.putImageData(heatToRgba(face.heat, face.strength), 0, 0);
  context.globalAlpha = heatOpacity;
  context.drawImage(tile, 0, 0, size, size);
  return { crop, heat: await jpeg(canvas) };
}

async function imagePictures(file: File, analysis: ImageAnalysis): Promise<Map<number, FacePictures>> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const faces = new Map<number, FacePictures>();
    for (const [i, face] of analysis.faces.entries()) faces.set(i, await facePictures(bitmap, analysis.width, analysis.height, drawableFace(face)));
    return faces;
  } finally {
    bitmap.close();
  }
}

/** The user's video in a player of its own, ready to seek; null when this browser cannot play it. */
async function playableVideo(url: string): Promise<HTMLVideoElement | null> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  const ready = new Promise<boolean>((resolve) => {
    video.addEventListener('loadeddata', () => resolve(true), { once: true });
    video.addEventListener('error', () => resolve(false), { once: true });
    setTimeout(() => resolve(false), 10_000);
  });
  video.src = url;
  return (await ready) && video.videoWidth ? video : null;
}

async function seek(video: HTMLVideoElement, time: number): Promise<void> {
  const seeked = new Promise((resolve) => {
    video.addEventListener('seeked', resolve, { once: true });
    setTimeout(resolve, 5_000);
  });
  video.currentTime = time;
  await seeked;
}

/**
 * A video's pictures: each person's face and heatmap at their highest-scoring frame, and each top
 * moment's frame with the person's box. The analysis keeps no frames, so they are taken again
 * from the file, by a player of their own: a video this browser cannot play gets none, and says so.
 */
async function videoPictures(url: string, video: VideoResults, verdict: VideoVerdict): Promise<Omit<ReportPictures, 'comparisonDifference'>> {
  const faces = new Map<number, FacePictures>();
  const moments = new Map<number, Uint8Array>();
  const plan = video.start?.plan;
  const player = plan && (await playableVideo(url));
  if (!plan || !player) {
    return { faces, moments, framesUnavailable: true };
  }
  try {
    for (const track of verdict.tracks) {
      const highest = highestFrame(video.frames, track.id);
      if (!highest) continue;
      await seek(player, highest.time);
      faces.set(track.id, await facePictures(player, plan.width, plan.height, drawableVideoFace(highest.face)));
    }
    for (const [i, segment] of verdict.segments.entries()) {
      const start = personAt(video.frames, segment.trackId, segment.start);
      if (!start) continue;
      await seek(player, start.time);
      const scale = momentWidth / plan.width;
      const canvas = new OffscreenCanvas(momentWidth, Math.round(plan.height * scale));
      const context = canvas.getContext('2d')!;
      context.drawImage(player, 0, 0, canvas.width, canvas.height);
      const { x, y, width, height } = start.face.box;
      context.strokeStyle = trackColour(segment.trackId);
      context.lineWidth = 3;
      context.strokeRect(x * scale, y * scale, width * scale, height * scale);
      moments.set(i, await jpeg(canvas));
    }
  } finally {
    player.removeAttribute('src');
    player.load();
  }
  return { faces, moments };
}

/** Everything the PDF shows as pictures, made on the device from the user's file and the analysis. */
export async function reportPictures(current: CurrentFile, verdict: VideoVerdict | null): Promise<ReportPictures> {
  const comparison = current.comparison;
  const comparisonDifference = comparison?.status === 'done' ? comparison.differencePng : undefined;
  if (current.analysis) return { faces: await imagePictures(current.file, current.analysis), moments: new Map(), comparisonDifference };
  if (current.video && verdict) return { ...(await videoPictures(current.url, current.video, verdict)), comparisonDifference };
  return { faces: new Map(), moments: new Map(), comparisonDifference };
}
