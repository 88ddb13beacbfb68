import { backendNames } from '../report/wording';
import { useAppStore } from './store';

export function EngineStatus() {
  const engine = useAppStore((s) => s.engine);
  if (engine.status === 'loading') {
    const { progress } = engine;
    const fraction = progress && progress.total > 0 ? progress.loaded / progress.total : undefined;
    return (
      <div className="engine" data-testid="engine-loading">
        <span>Loading the {progress?.item ?? 'analysis engine'} (first time only)…</span>
        <progress max={1} value={fraction} aria-label="Engine download" />
        {fraction !== undefined && <span>{Math.round(fraction * 100)}%</span>}
      </div>
    );
  }
  if (engine.status === 'ready' && engine.info) {
    return (
      <div className="engine" data-testid="engine-info">
        <span>Running on <strong data-testid="backend">{backendNames[engine.info.backend]}</strong></span>
        <span>models: {engine.info.models.map((m) => m.version).join(', ')}</span>
      </div>
    );
  }
  return null;
}
