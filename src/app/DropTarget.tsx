import { useState, type DragEvent, type ReactNode } from 'react';
import { useWords } from '../ui/language';

/** The whole page accepts dropped files; `onFilesNear` says that files are being dragged over it. */
export function DropTarget({ onFiles, onFilesNear, children }: { onFiles: (files: File[]) => void; onFilesNear?: () => void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const say = useWords();
  const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');
  return (
    <div
      className={over ? 'drop-target drop-over' : 'drop-target'}
      data-testid="drop-target"
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        setOver(true);
        onFilesNear?.();
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const files = [...event.dataTransfer.files];
        if (files.length) onFiles(files);
      }}
    >
      {children}
      {over && <div className="drop-hint" aria-hidden="true">{say.dropHint}</div>}
    </div>
  );
}
