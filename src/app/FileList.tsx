import { removeFile } from './analyze-file';
import { useWords } from '../ui/language';
import { selectCurrent, useAppStore } from './store';

/** The session's files with their status; click one to show it. Shown once there are two. */
export function FileList() {
  const files = useAppStore((s) => s.files);
  const current = useAppStore(selectCurrent);
  const showFile = useAppStore((s) => s.showFile);
  const say = useWords();
  if (files.length < 2) return null;
  return (
    <ol className="file-list" aria-label={say.filesList} data-testid="file-list">
      {files.map((f) => (
        <li key={f.id} className={`file-entry status-${f.status}${f.id === current?.id ? ' shown' : ''}`} data-testid="file-entry">
          <button type="button" onClick={() => showFile(f.id)} aria-current={f.id === current?.id}>
            <span className="file-name">{f.name}</span>
            <span className="file-status" data-testid="file-status">{say.fileStatus[f.status]}</span>
          </button>
          <button type="button" className="remove" aria-label={say.removeFile(f.name)} onClick={() => removeFile(f.id)}>×</button>
        </li>
      ))}
    </ol>
  );
}
