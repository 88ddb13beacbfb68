import { create } from 'zustand';
import type { ImageAnalysis } from '../pipeline/analysis';
import type { EngineInfo, LoadProgress } from '../worker/engine';

export interface EngineState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  progress?: LoadProgress;
  info?: EngineInfo;
}

export interface CurrentFile {
  id: number;
  name: string;
  /** Object URL of the user's file, for display; revoked when the next file replaces it. */
  url: string;
  status: 'analyzing' | 'done' | 'error';
  analysis?: ImageAnalysis;
  error?: string;
}

export interface AppState {
  engine: EngineState;
  current?: CurrentFile;
  heatmapVisible: boolean;
  heatmapOpacity: number;
  selectedFace: number | null;
  setEngine(engine: Partial<EngineState>): void;
  setCurrent(current: CurrentFile | undefined): void;
  updateCurrent(id: number, update: Partial<CurrentFile>): void;
  setHeatmapVisible(visible: boolean): void;
  setHeatmapOpacity(opacity: number): void;
  selectFace(index: number | null): void;
}

export const useAppStore = create<AppState>()((set) => ({
  engine: { status: 'idle' },
  heatmapVisible: true,
  heatmapOpacity: 0.6,
  selectedFace: null,
  setEngine: (engine) => set((s) => ({ engine: { ...s.engine, ...engine } })),
  setCurrent: (current) => set({ current, selectedFace: null }),
  updateCurrent: (id, update) => set((s) => (s.current?.id === id ? { current: { ...s.current, ...update } } : {})),
  setHeatmapVisible: (heatmapVisible) => set({ heatmapVisible }),
  setHeatmapOpacity: (heatmapOpacity) => set({ heatmapOpacity }),
  selectFace: (selectedFace) => set({ selectedFace }),
}));
