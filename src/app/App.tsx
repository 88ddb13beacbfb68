import { useEffect, useRef } from 'react';
import { minAssessableFacePx } from '../pipeline/analysis';
import { ComparePanel } from '../compare/ComparePanel';
import { noEvidenceCaveat } from '../pipeline/evidence';
import { bandGuide } from '../report/wording';
import { ProvenancePanel } from '../provenance/ProvenancePanel';
import { analyzeFile, analyzeFiles, startEngine } from './analyze-file';
import { Announcer } from './Announcer';
import { AppControls } from './AppControls';
import { takeSharedFile } from './offline';
import { DropTarget } from './DropTarget';
import { EngineStatus } from './EngineStatus';
import { FileList } from './FileList';
import { FaceList } from './FaceList';
import { HeatmapControls } from './HeatmapControls';
import { ImageStage } from './ImageStage';
import { selectCurrent, useAppStore } from './store';
import { SamplingControl, VideoView } from './VideoView';
import { Summary } from './Summary';

export function App() {
  const current = useAppStore(selectCurrent);

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
          Mikiwame <span lang="ja">見極め</span>
        </h1>
        <p>Checks the faces in a photo or video for signs of manipulation. Everything runs on this device: nothing is uploaded.</p>
        <AppControls />
      </header>
      <main>
        <FilePicker onFiles={(files) => void analyzeFiles(files)} />
        <FileList />
        <EngineStatus />
        {current && (
          <section className="result" aria-label="Analysis">
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
                    <ProvenancePanel current={current} />
                    {current.analysis && <ComparePanel current={current} />}
                  </>
                )}
              </>
            )}
          </section>
        )}
        <Limits />
      </main>
      <Announcer />
    </DropTarget>
  );
}

function FilePicker({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
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
        Choose a photo or video
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
      <span>or drop it anywhere on this page, or paste it (Ctrl+V).</span>
      <SamplingControl />
    </div>
  );
}

function Limits() {
  return (
    <details className="limits">
      <summary>What the scores mean, and their limits</summary>
      <ul>
        <li>Each face gets a score, the model's probability that it was manipulated, and a band that says how often authentic faces scored as high in our tests. It is evidence, not proof: the final judgment is yours.
          <dl className="band-guide" data-testid="band-guide">
            {bandGuide.map(([title, meaning]) => <div key={title}><dt>{title}</dt><dd>{meaning}</dd></div>)}
          </dl>
        </li>
        <li>{noEvidenceCaveat} "No evidence found" is all a score below the weak band says; the app never calls a face authentic.</li>
        <li>Faces under {minAssessableFacePx} px are too small to assess: they are boxed but not scored, and do not count towards the verdict.</li>
        <li>The heatmap is the multi-task model's estimate of the manipulated region; its intensity follows the face's probability. This version of the model mostly outlines the blended face region rather than pinpointing an edit: read it as "where to look", not as proof.</li>
        <li>Heavy recompression, resizing, small faces and profile views reduce reliability; these are flagged when detected. Small, heavily recompressed photos of real people score higher than sharp ones; the bands were measured on such faces too.</li>
        <li>On real-world deepfake videos the scores run low: the bands are set so that authentic faces rarely reach them, and many fake people stay under the weak band too. On a video, a low score is not evidence of authenticity; compare people and moments on the timeline.</li>
        <li>No face found means the image cannot be assessed, not that it is authentic. Whole-image synthesis and non-face edits are out of scope.</li>
      </ul>
    </details>
  );
}
