import { useEffect, useRef } from 'react';
import { minAssessableFacePx } from '../pipeline/analysis';
import { ComparePanel } from '../compare/ComparePanel';
import { bandGuide } from '../report/wording';
import { ProvenancePanel } from '../provenance/ProvenancePanel';
import { analyzeFile, analyzeFiles, compareHost, startEngine } from './analyze-file';
import { Announcer } from './Announcer';
import { AppControls } from './AppControls';
import { takeSharedFile } from './offline';
import { DropTarget } from './DropTarget';
import { EngineStatus } from './EngineStatus';
import { FileList } from './FileList';
import { LanguageSwitch } from './LanguageSwitch';
import { useLanguage, useWords } from '../ui/language';
import { FaceList } from './FaceList';
import { HeatmapControls } from './HeatmapControls';
import { ImageStage } from './ImageStage';
import { selectCurrent, useAppStore } from './store';
import { SamplingControl, VideoView } from './VideoView';
import { Summary } from './Summary';
import { Wordmark } from './Wordmark';

export function App() {
  const current = useAppStore(selectCurrent);
  const updateFile = useAppStore((s) => s.updateFile);
  const say = useWords();

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length) {
        event.preventDefault();
        void analyzeFiles(files);
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);

  // Opened with a file: "Open with Mikiwame" (file handler) or shared to the installed app.
  useEffect(() => {
    const queue = (window as Window & { launchQueue?: { setConsumer(consumer: (params: { files: FileSystemFileHandle[] }) => void): void } }).launchQueue;
    queue?.setConsumer((params) => {
      void params.files[0]?.getFile().then(analyzeFile);
    });
    if (new URLSearchParams(location.search).has('shared')) {
      history.replaceState(null, '', location.pathname);
      void takeSharedFile().then((file) => file && analyzeFile(file));
    }
  }, []);

  return (
    <DropTarget onFiles={(files) => void analyzeFiles(files)} onFilesNear={startEngine}>
      <header className="masthead">
        <h1>
          Mikiwame <Wordmark />
        </h1>
        <p>{say.tagline}</p>
        <AppControls />
      </header>
      <main>
        <FilePicker onFiles={(files) => void analyzeFiles(files)} />
        <FileList />
        <EngineStatus />
        {current && (
          <section className="result" aria-label={say.analysisRegion}>
            {current.kind === 'video' && (current.status === 'analyzing' || current.status === 'done') ? (
              <VideoView key={current.id} current={current} />
            ) : (
              <>
                <Summary />
                {current.kind === 'image' && (current.status === 'analyzing' || current.status === 'done') && (
                  <>
                    <div className="result-body">
                      <div className="stage-column">
                        <ImageStage />
                        <HeatmapControls />
                      </div>
                      <FaceList />
                    </div>
                    <ProvenancePanel current={current} onShowLocation={(locationShown) => updateFile(current.id, { locationShown })} />
                    {current.analysis && <ComparePanel current={current} host={compareHost(current.id)} />}
                  </>
                )}
              </>
            )}
          </section>
        )}
        <Limits />
      </main>
      <footer className="app-footer">
        <LanguageSwitch />
      </footer>
      <Announcer />
    </DropTarget>
  );
}

function FilePicker({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const say = useWords();
  return (
    <div className="picker">
      <button
        type="button"
        className="pick"
        onPointerEnter={startEngine}
        onFocus={startEngine}
        onClick={() => {
          startEngine();
          input.current?.click();
        }}
        data-testid="pick"
      >
        {say.choose}
      </button>
      {/* Hidden: the button above is the control (a styled file input cannot be focused reliably). */}
      <input
        ref={input}
        type="file"
        hidden
        accept="image/*,video/*,.mkv,.avi,.mov"
        multiple
        data-testid="file-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <span>{say.orDrop}</span>
      <SamplingControl />
    </div>
  );
}

function Limits() {
  const say = useWords();
  const language = useLanguage((s) => s.language);
  const [scores, ...rest] = say.limits(minAssessableFacePx, say.noEvidenceCaveat);
  return (
    <details className="limits">
      <summary>{say.limitsTitle}</summary>
      <ul>
        <li>{scores}
          <dl className="band-guide" data-testid="band-guide">
            {bandGuide(language).map(([title, meaning]) => <div key={title}><dt>{title}</dt><dd>{meaning}</dd></div>)}
          </dl>
        </li>
        {rest.map((limit) => <li key={limit}>{limit}</li>)}
      </ul>
    </details>
  );
}
