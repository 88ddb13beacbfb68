import { useAppStore } from './store';

const backendNames = { webgpu: 'WebGPU', wasm: 'WebAssembly (CPU)' } as const;

export function EngineStatus() {
  const engine = useAppStore((s) => s.engine);
  if (engine.status === 'loading') {
    const { progress } = engine;
    const fraction = progress && progress.total > 0 ? progress.loaded / progress.total : undefined;
    return (
      <div className="engine" role="status" data-testid="engine-loading">
        <span>Loading the {progress?.item ?? 'analysis engine'} (first time only)…</span>
        <progress max={1} value={fraction} />
        {fraction !== undefined && <span>{Math.round(fraction * 100)}%</span>}
      </div>
    );
  }
  if (engine.status === 'ready' && engine.info) {
    return (
      <div className="engine" data-testid="engine-info">
        Running on <strong data-testid="backend">{backendNames[engine.info.backend]}</strong>
        {' · models: '}
        {engine.info.models.map((m) => m.version).join(', ')}
      </div>
    );
  }
  return null;
}
