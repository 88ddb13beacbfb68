import manifestJson from '../../models/manifest.json';
import type { FusionWeights } from './fusion';

export interface ModelEntry {
  file: string;
  /** What the user reads for this model's part of a score, e.g. "MesoNet (Meso-4)". */
  label: string;
  version: string;
  kind: 'classifier' | 'multitask';
  temperature: number;
  threshold: number;
  inputSize: number;
  maskSize?: number;
  params?: number;
  bytes?: number;
}

/** Each band's cut-off on the app's score, and the false-alarm share on authentic faces it was set to keep under. */
export interface EvidenceBandCuts {
  weak: number;
  moderate: number;
  strong: number;
  limits: { weak: number; moderate: number; strong: number };
  /** The smallest face (box side, image pixels) the cut-offs were measured to hold for: smaller ones are not scored. */
  minFacePx: number;
}

export interface ModelManifest {
  models: Record<string, ModelEntry>;
  /** Which models the app runs: a classifier, a multi-task net, or both. */
  app: { classifier?: string; multitask?: string };
  /** How the two models' probabilities combine; absent when the app runs one model. */
  fusion?: FusionWeights & { threshold: number };
  bands: EvidenceBandCuts;
}

export const modelManifest = manifestJson as unknown as ModelManifest;

/** The models the app runs: the classifier, then the multi-task net (at least one of them). */
export function appModelNames(): string[] {
  const { app } = modelManifest;
  return [app.classifier, app.multitask].filter((name): name is string => name !== undefined);
}

const modelUrls = import.meta.glob('../../models/*.onnx', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export function modelUrl(name: string): string {
  const entry = modelManifest.models[name];
  if (!entry) throw new Error(`model ${name} is not in models/manifest.json`);
  const url = modelUrls[`../../models/${entry.file}`];
  if (!url) throw new Error(`models/${entry.file} is missing`);
  return url;
}
