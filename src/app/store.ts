import { create } from 'zustand';
import type { ImageAnalysis } from '../pipeline/analysis';
import type { MediaKind } from '../video/media-kind';
import type { AnalysedFrame, VideoAnalysisEnd, VideoAnalysisStart, VideoProgress } from '../video/types';
import type { EngineInfo, LoadProgress } from '../worker/engine';
import type { VideoOptions } from '../worker/video-engine';

export interface EngineState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  progress?: LoadProgress;
  info?: EngineInfo;
}

export interface VideoResults {
  start?: VideoAnalysisStart;
  /** In time order; they arrive while the analysis runs. */
  frames: AnalysedFrame[];
  progress?: VideoProgress;
  end?: VideoAnalysisEnd;
  /** Set when the user stopped the analysis: the frames cover the video up to there. */
  stopped?: boolean;
}

export interface CurrentFile {
  id: number;
  file: File;
  kind: MediaKind;
  name: string;
  /** Object URL of the user's file, for display; revoked when the next file replaces it. */
  url: string;
  status: 'analyzing' | 'done' | 'error';
  analysis?: ImageAnalysis;
  video?: VideoResults;
  error?: string;
}

export interface AppState {
  engine: EngineState;
  current?: CurrentFile;
  heatmapVisible: boolean;
  heatmapOpacity: number;
  selectedFace: number | null;
  /** How many frames per second of video to analyse (the user's choice). */
  videoSampleFps: VideoOptions['sampleFps'];
  /** The player's current position, for the timeline's playhead. */
  playheadTime: number;
  setEngine(engine: Partial<EngineState>): void;
  setCurrent(current: CurrentFile | undefined): void;
  updateCurrent(id: number, update: Partial<CurrentFile>): void;
  setHeatmapVisible(visible: boolean): void;
  setHeatmapOpacity(opacity: number): void;
  selectFace(index: number | null): void;
  setVideoSampleFps(rate: VideoOptions['sampleFps']): void;
  updateVideo(id: number, update: (video: VideoResults) => Partial<VideoResults>): void;
  setPlayheadTime(time: number): void;
}

export const useAppStore = create<AppState>()((set) => ({
  engine: { status: 'idle' },
  heatmapVisible: true,
  heatmapOpacity: 0.6,
  selectedFace: null,
  setEngine: (engine) => set((s) => ({ engine: { ...s.engine, ...engine } })),
  setCurrent: (current) => set({ current, selectedFace: null, playheadTime: 0 }),
  updateCurrent: (id, update) => set((s) => (s.current?.id === id ? { current: { ...s.current, ...update } } : {})),
  setHeatmapVisible: (heatmapVisible) => set({ heatmapVisible }),
  setHeatmapOpacity: (heatmapOpacity) => set({ heatmapOpacity }),
  selectFace: (selectedFace) => set({ selectedFace }),
  videoSampleFps: 'auto',
  playheadTime: 0,
  setVideoSampleFps: (videoSampleFps) => set({ videoSampleFps }),
  updateVideo: (id, update) => set((s) => {
    if (s.current?.id !== id) return {};
    const video = s.current.video ?? { frames: [] };
    return { current: { ...s.current, video: { ...video, ...update(video) } } };
  }),
  setPlayheadTime: (playheadTime) => set({ playheadTime }),
}));
