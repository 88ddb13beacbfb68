import { backendName } from '../report/wording';
import { useLanguage, useWords } from '../ui/language';
import { useAppStore } from './store';

export function EngineStatus() {
  const engine = useAppStore((s) => s.engine);
  const say = useWords();
  const language = useLanguage((s) => s.language);
  if (engine.status === 'loading') {
    const { progress } = engine;
    const fraction = progress && progress.total > 0 ? progress.loaded / progress.total : undefined;
    return (
      <div className="engine" data-testid="engine-loading">
        <span>{say.loadingEngine(progress?.item)}</span>
        <progress max={1} value={fraction} aria-label={say.engineDownload} />
        {fraction !== undefined && <span>{Math.round(fraction * 100)}%</span>}
      </div>
    );
  }
  if (engine.status === 'ready' && engine.info) {
    return (
      <div className="engine" data-testid="engine-info">
        <span>{say.runningOn} <strong data-testid="backend">{backendName(engine.info.backend, language)}</strong></span>
        <span>{say.models(engine.info.models.map((m) => m.version).join(', '))}</span>
      </div>
    );
  }
  return null;
}
