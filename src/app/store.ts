import { create } from 'zustand';
import type { CurrentFile, VideoResults } from '../files/current-file';
import type { EngineInfo, LoadProgress } from '../worker/engine';
import type { VideoOptions } from '../worker/video-engine';

export interface EngineState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  progress?: LoadProgress;
  info?: EngineInfo;
}

export interface AppState {
  engine: EngineState;
  /** Every file of this session, in the order given; results stay until removed. */
  files: CurrentFile[];
  /** Id of the file on screen (see selectCurrent). */
  shownId?: number;
  heatmapVisible: boolean;
  heatmapOpacity: number;
  selectedFace: number | null;
  /** How many frames per second of video to analyse (the user's choice). */
  videoSampleFps: VideoOptions['sampleFps'];
  /** The player's current position, for the timeline's playhead. */
  playheadTime: number;
  setEngine(engine: Partial<EngineState>): void;
  /** Files the user gave at once; the first is shown. */
  addFiles(files: CurrentFile[]): void;
  removeFile(id: number): void;
  showFile(id: number): void;
  updateFile(id: number, update: Partial<CurrentFile>): void;
  setHeatmapVisible(visible: boolean): void;
  setHeatmapOpacity(opacity: number): void;
  selectFace(index: number | null): void;
  setVideoSampleFps(rate: VideoOptions['sampleFps']): void;
  updateVideo(id: number, update: (video: VideoResults) => Partial<VideoResults>): void;
  setPlayheadTime(time: number): void;
}

/** The file on screen. */
export const selectCurrent = (s: AppState): CurrentFile | undefined => s.files.find((f) => f.id === s.shownId);

function patchFile(s: AppState, id: number, patch: (file: CurrentFile) => CurrentFile): Partial<AppState> {
  return { files: s.files.map((f) => (f.id === id ? patch(f) : f)) };
}

export const useAppStore = create<AppState>()((set) => ({
  engine: { status: 'idle' },
  heatmapVisible: true,
  heatmapOpacity: 0.6,
  selectedFace: null,
  setEngine: (engine) => set((s) => ({ engine: { ...s.engine, ...engine } })),
  files: [],
  // The files just given are what the user wants to see, even while another is being analysed (the first then says
  // it waits its turn): kept off screen, a file picked during another's analysis seemed never to be analysed at all.
  addFiles: (added) => set((s) => (added.length === 0 ? s : { files: [...s.files, ...added], shownId: added[0].id, selectedFace: null, playheadTime: 0 })),
  removeFile: (id) => set((s) => {
    const files = s.files.filter((f) => f.id !== id);
    return { files, shownId: s.shownId === id ? files[files.length - 1]?.id : s.shownId };
  }),
  showFile: (id) => set({ shownId: id, selectedFace: null, playheadTime: 0 }),
  updateFile: (id, update) => set((s) => patchFile(s, id, (f) => ({ ...f, ...update }))),
  setHeatmapVisible: (heatmapVisible) => set({ heatmapVisible }),
  setHeatmapOpacity: (heatmapOpacity) => set({ heatmapOpacity }),
  selectFace: (selectedFace) => set({ selectedFace }),
  videoSampleFps: 'auto',
  playheadTime: 0,
  setVideoSampleFps: (videoSampleFps) => set({ videoSampleFps }),
  updateVideo: (id, update) => set((s) => patchFile(s, id, (f) => {
    const video = f.video ?? { frames: [] };
    return { ...f, video: { ...video, ...update(video) } };
  })),
  setPlayheadTime: (playheadTime) => set({ playheadTime }),
}));
