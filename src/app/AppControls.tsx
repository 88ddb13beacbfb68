import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { makeAvailableOffline, missingEngineBytes, type OfflineProgress } from './offline';
import { useWords } from '../ui/language';
import { useAppStore } from './store';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
}

/** "Install app", offered when the browser says the app can be installed. */
function InstallButton() {
  const [prompt, setPrompt] = useState<InstallPromptEvent | undefined>();
  const say = useWords();
  useEffect(() => {
    const onPrompt = (event: Event) => {
      event.preventDefault();
      setPrompt(event as InstallPromptEvent);
    };
    const onInstalled = () => setPrompt(undefined);
    window.addEventListener('beforeinstallprompt', onPrompt);
    window.addEventListener('appinstalled', onInstalled);
    return () => {
      window.removeEventListener('beforeinstallprompt', onPrompt);
      window.removeEventListener('appinstalled', onInstalled);
    };
  }, []);
  if (!prompt) return null;
  return (
    <button type="button" onClick={() => void prompt.prompt().then(() => setPrompt(undefined))} data-testid="install">
      {say.installApp}
    </button>
  );
}

type OfflineState =
  | { state: 'checking' }
  | { state: 'ready' }
  | { state: 'missing'; bytes: number }
  | { state: 'loading'; progress: OfflineProgress }
  | { state: 'failed'; bytes: number; message: string };

/** Fetches every engine file at once, so the app works offline even before its first analysis. */
function OfflineButton() {
  const [status, setStatus] = useState<OfflineState>({ state: 'checking' });
  const engineReady = useAppStore((s) => s.engine.status === 'ready');
  const say = useWords();
  useEffect(() => {
    void missingEngineBytes().then((bytes) => setStatus(bytes > 0 ? { state: 'missing', bytes } : { state: 'ready' }));
  }, [engineReady]);
  if (!('serviceWorker' in navigator) || status.state === 'checking') return null;
  if (status.state === 'ready') return <span className="offline-ready" data-testid="offline-ready">{say.availableOffline}</span>;
  if (status.state === 'loading') {
    const { loaded, total } = status.progress;
    return (
      <span className="offline-loading" role="status">
        {say.downloadingOffline(Math.round(loaded / 1e6), Math.round(total / 1e6))}
        <progress max={total || undefined} value={loaded} />
      </span>
    );
  }
  const { bytes } = status;
  return (
    <>
      <button
        type="button"
        data-testid="make-offline"
        onClick={() => {
          setStatus({ state: 'loading', progress: { loaded: 0, total: bytes } });
          makeAvailableOffline(bytes, (progress) => setStatus({ state: 'loading', progress }))
            .then(() => setStatus({ state: 'ready' }))
            .catch((error: unknown) => setStatus({ state: 'failed', bytes, message: error instanceof Error ? error.message : String(error) }));
        }}
      >
        {say.makeOffline(Math.round(bytes / 1e6))}
      </button>
      {status.state === 'failed' && <span className="note" role="alert">{say.offlineFailed(status.message)}</span>}
    </>
  );
}

/** A new version is announced; it is applied on the user's word, never during an analysis. */
function UpdateBanner() {
  const { needRefresh: [needRefresh], updateServiceWorker } = useRegisterSW();
  // Any file analysing or waiting, not only the one on screen: reloading would lose it.
  const busy = useAppStore((s) => s.files.some((f) => f.status === 'analyzing' || f.status === 'queued'));
  const say = useWords();
  if (!needRefresh) return null;
  return (
    <div className="update-banner" role="status" data-testid="update">
      {say.newVersion}{' '}
      <button type="button" disabled={busy} onClick={() => void updateServiceWorker(true)}>
        {busy ? say.updateAfter : say.updateNow}
      </button>
    </div>
  );
}

export function AppControls() {
  return (
    <div className="app-controls">
      <UpdateBanner />
      <InstallButton />
      <OfflineButton />
    </div>
  );
}
