import * as Comlink from 'comlink';
import type { FFmpegCoreModule, FFmpegCoreModuleFactory } from '@ffmpeg/types';
import { FrameRingWriter, type FrameRing } from './frame-ring';
import { frameArgs, showinfoTime, type FramePlan } from './video-info';

export interface FfmpegUrls {
  js: string;
  wasm: string;
}

/** The parts of Emscripten's FS that @ffmpeg/types leaves out. */
interface DeviceFS {
  makedev(major: number, minor: number): number;
  registerDevice(dev: number, ops: { write: (stream: unknown, buffer: Int8Array, offset: number, length: number) => number }): void;
  mkdev(path: string, dev: number): void;
}

export interface DecodeOutcome {
  exitCode: number;
  /** The last lines ffmpeg logged, for error messages. */
  log: string[];
}

const inputDir = '/input';
const framesDevice = '/frames';
let core: FFmpegCoreModule | undefined;
let inputPath = '';
let onLog: (line: string, type: string) => void = () => undefined;

async function loadCore(urls: FfmpegUrls): Promise<FFmpegCoreModule> {
  const { default: create } = (await import(/* @vite-ignore */ urls.js)) as { default: FFmpegCoreModuleFactory };
  // The core reads its wasm location from this fragment.
  const module = await create({ mainScriptUrlOrBlob: `${urls.js}#${btoa(JSON.stringify({ wasmURL: urls.wasm }))}` });
  module.setLogger(({ message, type }) => onLog(message, type));
  return module;
}

/** One video per worker: the analysis terminates it when done or cancelled. */
const api = {
  /** Mounts the file without copying it into wasm memory and returns ffprobe's JSON. */
  async open(file: Blob, urls: FfmpegUrls): Promise<string> {
    core ??= await loadCore(urls);
    core.FS.mkdir(inputDir);
    core.FS.mount(core.FS.filesystems.WORKERFS, { blobs: [{ name: 'video', data: file }] }, inputDir);
    inputPath = `${inputDir}/video`;
    const out: string[] = [];
    onLog = (line, type) => {
      if (type === 'stdout') out.push(line);
    };
    core.ffprobe('-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', inputPath);
    core.reset();
    return out.join('\n');
  },

  /** Runs ffmpeg to the end, blocking on the ring whenever the analysis falls behind. */
  decode(plan: FramePlan, ring: FrameRing): DecodeOutcome {
    if (!core) throw new Error('open() first');
    const writer = new FrameRingWriter(ring);
    const log: string[] = [];
    onLog = (line) => {
      const time = showinfoTime(line);
      if (time !== null) writer.pushTime(time);
      else if (!line.includes('showinfo')) log.push(line);
      if (log.length > 40) log.shift();
    };
    const fs = core.FS as unknown as DeviceFS;
    const device = fs.makedev(64, 0);
    fs.registerDevice(device, {
      write(_stream, buffer, offset, length) {
        writer.write(new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length));
        return length;
      },
    });
    fs.mkdev(framesDevice, device);
    try {
      const exitCode = core.exec(...frameArgs(inputPath, plan, framesDevice));
      return { exitCode, log };
    } finally {
      core.reset();
      writer.finish();
    }
  },
};

export type DecoderApi = typeof api;

Comlink.expose(api);
