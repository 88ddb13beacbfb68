import { UnsupportedInputError } from '../pipeline/decode';

export interface VideoInfo {
  /** Seconds; null when the container does not say. */
  duration: number | null;
  /** Displayed size, after the rotation in the file's metadata. */
  width: number;
  height: number;
  /** Average frames per second; null when unknown. */
  fps: number | null;
  codec: string;
  /** Degrees clockwise the player turns the picture. */
  rotation: number;
  /** Frames, counted or estimated from duration x fps; null when neither is known. */
  frameCount: number | null;
  /** The container, as ffprobe names it (e.g. "QuickTime / MOV"). */
  container: string;
  /** The container's metadata tags (MP4/MOV udta and meta, Matroska tags), as written: untrusted text. */
  tags: Record<string, string>;
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
  disposition?: { attached_pic?: number };
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { duration?: string; format_name?: string; format_long_name?: string; tags?: Record<string, unknown> };
}

function rate(text: string | undefined): number | null {
  if (!text) return null;
  const [num, den = '1'] = text.split('/');
  const value = Number(num) / Number(den);
  return Number.isFinite(value) && value > 0 && value < 1000 ? value : null;
}

const maxTags = 64;

/** The tags that are text, at most maxTags of them, each value at most 200 characters. */
function textTags(tags: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(tags ?? {})
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .slice(0, maxTags)
    .map(([key, value]) => [key.slice(0, 100), value.slice(0, 200)]));
}

function positive(text: string | undefined): number | null {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 ? value : null;
}

/** Reads ffprobe's JSON (`-print_format json -show_streams -show_format`). */
export function parseProbe(json: string): VideoInfo {
  let probe: ProbeOutput;
  try {
    probe = JSON.parse(json) as ProbeOutput;
  } catch {
    throw new UnsupportedInputError({ id: 'notAVideo' });
  }
  const video = probe.streams?.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!video || !video.width || !video.height) {
    const audioOnly = probe.streams?.some((s) => s.codec_type === 'audio');
    throw new UnsupportedInputError({ id: audioOnly ? 'soundOnly' : 'noPicture' });
  }
  // The display matrix's angle is counter-clockwise, the old `rotate` tag's clockwise.
  const matrixAngle = video.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
  const clockwise = matrixAngle !== undefined ? -matrixAngle : Number(video.tags?.rotate ?? 0) || 0;
  const rotation = ((Math.round(clockwise) % 360) + 360) % 360;
  const quarterTurn = rotation === 90 || rotation === 270;
  const fps = rate(video.avg_frame_rate) ?? rate(video.r_frame_rate);
  const duration = positive(video.duration) ?? positive(probe.format?.duration);
  const counted = positive(video.nb_frames);
  return {
    duration,
    width: quarterTurn ? video.height : video.width,
    height: quarterTurn ? video.width : video.height,
    fps,
    codec: video.codec_name ?? 'unknown',
    rotation,
    frameCount: counted ?? (duration && fps ? Math.round(duration * fps) : null),
    container: probe.format?.format_long_name ?? probe.format?.format_name ?? 'unknown',
    tags: textTags(probe.format?.tags),
  };
}

/** Frames go to the models at most this size: crops keep the detail of 1080p faces. */
export const maxVideoAnalysisSide = 1920;

export interface FramePlan {
  width: number;
  height: number;
  /** Frames per second handed to the analysis; null: every frame. */
  sampleFps: number | null;
}

export function planFrames(info: VideoInfo, sampleFps: number | null): FramePlan {
  const scale = Math.min(1, maxVideoAnalysisSide / Math.max(info.width, info.height));
  const even = (n: number) => Math.max(2, 2 * Math.round((n * scale) / 2));
  const sampling = sampleFps !== null && info.fps !== null && sampleFps < info.fps ? sampleFps : null;
  return { width: even(info.width), height: even(info.height), sampleFps: sampling };
}

/**
 * ffmpeg arguments that write the plan's frames as raw RGBA to `output`, logging each frame's
 * presentation time (showinfo) so that results line up with the player frame-accurately.
 * Sampling keeps real frames at their own times (select, not fps, which retimes them): the first
 * decoded frame of each 1/rate slot, so that the rate holds although decoding skips the frames
 * nothing refers to (a third of the decoding work on typical H.264).
 */
export function frameArgs(input: string, plan: FramePlan, output: string): string[] {
  const sampling = plan.sampleFps !== null;
  const slot = (t: string) => `floor(${t}*${plan.sampleFps})`;
  const filters = [
    ...(sampling ? [`select='isnan(prev_selected_t)+gte(${slot('t')},${slot('prev_selected_t')}+1)'`] : []),
    `scale=${plan.width}:${plan.height}:flags=area`,
    // Only the presentation time is read: no checksums of every frame's pixels.
    'showinfo=checksum=0',
  ];
  return [
    ...(sampling ? ['-skip_frame', 'noref'] : []),
    '-i', input, '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', filters.join(','),
    '-fps_mode', 'passthrough',
    '-pix_fmt', 'rgba', '-f', 'rawvideo', output,
  ];
}

/** The presentation time in a showinfo log line, or null for other lines. */
export function showinfoTime(line: string): number | null {
  if (!line.includes('showinfo')) return null;
  const match = /pts_time:\s*(-?[\d.]+(?:e-?\d+)?)/.exec(line);
  return match ? Number(match[1]) : null;
}
