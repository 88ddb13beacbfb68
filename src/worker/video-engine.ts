import type { Note } from '../i18n';
import { cropFace } from '../pipeline/crop';
import { assetUrl, vendorAssets } from '../pipeline/engine-assets';
import type { FaceHeat } from '../pipeline/heatmap';
import { planTiles } from '../pipeline/tiles';
import type { Box, FaceDetection } from '../pipeline/types';
import { FaceTracker } from '../video/tracker';
import { faceNotes, smallFacePx, type StageTimings } from '../pipeline/analysis';
import { ScoreSchedule } from '../video/score-schedule';
import type { AnalysedFrame, ByteHeat, VideoFace, VideoAnalysisEnd, VideoAnalysisStart, VideoProgress, VideoUpdate } from '../video/types';
import { chooseSampleFps, type SampleSetting } from '../video/sampling';
import { planFrames } from '../video/video-info';
import { FfmpegVideoSource } from '../video/video-source';
import { stopwatch, type FaceLocator, type ModelSet } from './engine';

export interface VideoOptions {
  sampleFps: SampleSetting;
}

/** A full tiled search for new (small) faces this often; between, the whole frame this often and around known faces in every frame. */
const fullScanSeconds = 2;
const wholeFrameSeconds = 0.5;
/**
 * Analysing every frame, the multi-task net also runs where MesoNet's output moves this much (logit, about 0.06 in
 * probability near 0.5) since the person was last scored. On the dev clips MesoNet never moved that much (its frame to
 * frame change stayed under 0.003): there the sample rate alone decides.
 */
const classifierJumpLogit = 0.25;
/**
 * Analysing every frame, the multi-task net runs at the automatic rate, at most this often. That rate is what keeps up
 * when every model runs on each sampled frame; detection and MesoNet on every frame already take most of each second,
 * and uncapped the rate rose with the device (10 a second after a quick sampled run here, 0.7x real time instead of 0.87x).
 */
const everyFrameMaxScoreFps = 5;
/** Smallest face searched for in video frames: below this the models see too little. */
const videoTilePlan = { minFaceFraction: 1 / 8, minFacePx: 48 };
const updateIntervalMs = 400;
/** Until this worker has measured a video, a guess of the analysis cost per frame. */
let msPerFrame = 150;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function aroundFace(box: Box, width: number, height: number): Box {
  const side = Math.min(Math.max(width, height), 2.5 * Math.max(box.width, box.height));
  const x = Math.min(Math.max(0, box.x + box.width / 2 - side / 2), Math.max(0, width - side));
  const y = Math.min(Math.max(0, box.y + box.height / 2 - side / 2), Math.max(0, height - side));
  return { x, y, width: Math.min(side, width), height: Math.min(side, height) };
}

function quantize(heat: FaceHeat | undefined): ByteHeat | undefined {
  if (!heat) return undefined;
  const data = new Uint8Array(heat.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(Math.min(1, Math.max(0, heat.data[i])) * 255);
  return { size: heat.size, data };
}

export async function analyzeVideo(
  locator: FaceLocator,
  models: ModelSet,
  file: Blob,
  options: VideoOptions,
  onStart: (start: VideoAnalysisStart) => void,
  onUpdate: (update: VideoUpdate) => void,
): Promise<VideoAnalysisEnd> {
  const started = performance.now();
  const source = await FfmpegVideoSource.open(file, {
    js: assetUrl(vendorAssets.ffmpegLoader),
    wasm: assetUrl(vendorAssets.ffmpegWasm),
  });
  try {
    const { info } = source;
    const plan = planFrames(info, chooseSampleFps(options.sampleFps, info, msPerFrame));
    // Every frame: the classifier on each, the multi-task net at the automatic rate (null: it keeps up with every frame too).
    const autoFps = plan.sampleFps === null && models.classifierPart !== null ? chooseSampleFps('auto', info, msPerFrame) : null;
    const scoreFps = autoFps === null ? null : Math.min(autoFps, everyFrameMaxScoreFps);
    const schedule = scoreFps === null ? null : new ScoreSchedule(1 / scoreFps, classifierJumpLogit);
    onStart({
      info,
      plan,
      scoreFps,
      requestedFps: options.sampleFps === 'auto' ? plan.sampleFps : options.sampleFps,
      partLabels: models.partLabels,
      ...models.info,
    });
    const framesTotal = plan.sampleFps !== null && info.duration !== null
      ? Math.max(1, Math.floor(info.duration * plan.sampleFps))
      : info.frameCount;
    const timings: StageTimings = {};
    const timed = stopwatch(timings);
    const tracker = new FaceTracker();
    const canvas = new OffscreenCanvas(plan.width, plan.height);
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const wholeFrame = [{ x: 0, y: 0, width: plan.width, height: plan.height }];
    const fullScan = planTiles(plan.width, plan.height, videoTilePlan);
    let lastFullScan = -Infinity;
    let lastWholeFrame = -Infinity;
    /** The last frame's faces when the detector ran on it; null after a frame that carried them. */
    let detectedLast: FaceDetection[] | null = null;
    /** Each person's last scored face: what stands on the frames the multi-task net skips. */
    const latest = new Map<number, VideoFace>();
    let pending: AnalysedFrame[] = [];
    let lastUpdate = performance.now();
    let framesDone = 0;
    let mediaTime = 0;
    let smallFaces = 0;
    const progress = (): VideoProgress => ({ framesDone, framesTotal, mediaTime, elapsedMs: performance.now() - started });
    const flush = () => {
      onUpdate({ frames: pending, progress: progress() });
      pending = [];
      lastUpdate = performance.now();
    };

    const frames = source.frames(plan);
    for (;;) {
      // When frames are ready the loop never leaves microtasks: let messages in (pings, callbacks).
      await yieldToEventLoop();
      const next = await timed('decode', () => frames.next());
      if (next.done) break;
      const frame = next.value;
      const live = tracker.live(frame.time);
      const scanAll = frame.time - lastFullScan >= fullScanSeconds;
      const scanWhole = !scanAll && (live.length === 0 || frame.time - lastWholeFrame >= wholeFrameSeconds);
      // At every frame, between searches, the detector runs on every second frame (about 40 % of the analysis here);
      // the frame between keeps the last frame's faces, where a face moves a thirtieth of a second's worth.
      // Every live track was found there (live is never empty here: then the whole frame is searched).
      const carried = plan.sampleFps === null && !scanAll && !scanWhole && detectedLast?.length === live.length ? detectedLast : null;
      let detections: FaceDetection[];
      if (carried) {
        detections = carried;
        detectedLast = null;
      } else {
        if (scanAll) lastFullScan = frame.time;
        if (scanAll || scanWhole) lastWholeFrame = frame.time;
        const aroundLive = live.map((b) => aroundFace(b, plan.width, plan.height));
        const regions = scanAll ? fullScan : scanWhole ? [...wholeFrame, ...aroundLive] : aroundLive;
        context.putImageData(new ImageData(frame.image.data, plan.width, plan.height), 0, 0);
        detections = await timed('detect', () => locator.finder.search(canvas, regions));
        detectedLast = detections;
      }
      const crops = await timed('crop', () => detections.map((d) => cropFace(frame.image, d)));
      const ids = tracker.assign(frame.time, detections.map((d) => d.box));
      // Scheduled, the classifier runs first on every face to decide which the multi-task net sees; else score() runs both.
      const classified = schedule ? await models.classify(crops, timed) : null;
      const due = detections.map((_, i) => !schedule || !classified || schedule.due(ids[i], frame.time, classified[i]));
      const results = await models.score(
        { crops: crops.filter((_, i) => due[i]), detections: detections.filter((_, i) => due[i]) },
        timed,
        classified?.filter((_, i) => due[i]),
      );
      smallFaces += detections.filter((d) => faceNotes(d.box).length > 0).length;
      let scoredIndex = 0;
      pending.push({
        index: frame.index,
        time: frame.time,
        faces: detections.map((detection, i): VideoFace => {
          if (!due[i]) {
            const held = latest.get(ids[i])!;
            const classifier = classified![i];
            const parts = held.parts.map((p, k) => (k === models.classifierPart ? classifier : p));
            return { ...held, box: detection.box, detectionScore: detection.score, toImage: crops[i].toImage, parts, classifier, scored: false };
          }
          const face = results[scoredIndex++];
          const classifier = models.classifierPart === null ? undefined : face.parts[models.classifierPart].probability;
          schedule?.scored(ids[i], frame.time, classifier!);
          const scored: VideoFace = {
            trackId: ids[i],
            box: face.box,
            detectionScore: face.detectionScore,
            toImage: face.toImage,
            probability: face.probability,
            parts: face.parts.map((p) => p.probability),
            classifier,
            scored: true,
            heat: quantize(face.heat),
            synthesised: face.kind?.synthesised,
          };
          latest.set(ids[i], scored);
          return scored;
        }),
      });
      framesDone++;
      mediaTime = frame.time;
      if (performance.now() - lastUpdate >= updateIntervalMs) flush();
    }
    flush();
    // The guess stands for a frame that both models see.
    if (framesDone > 0 && !schedule) msPerFrame = (performance.now() - started) / framesDone;

    const notes: Note[] = [];
    if (plan.width !== info.width) notes.push({ id: 'framesDownscaled', sourceWidth: info.width, sourceHeight: info.height, width: plan.width, height: plan.height });
    if (smallFaces > 0) notes.push({ id: 'smallDetections', count: smallFaces, smallPx: smallFacePx });
    if (source.decodeWarning) notes.push(source.decodeWarning);
    return { progress: progress(), timings, notes };
  } finally {
    source.close();
  }
}
