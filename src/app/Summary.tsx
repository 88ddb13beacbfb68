import { statusBand } from '../pipeline/evidence';
import { CredentialsLine } from '../provenance/ProvenancePanel';
import { cancelAnalysis } from './analyze-file';
import { downloadReport } from './report';
import { selectCurrent, useAppStore, type CurrentFile } from './store';

export function ReportButton({ current }: { current: CurrentFile }) {
  return (
    <button type="button" className="report" onClick={() => downloadReport(current)} data-testid="export">
      Download report (JSON)
    </button>
  );
}

/** The result's notes; the first is the caveat when there is one (see statusNotes). */
export function ResultNotes({ notes }: { notes: string[] }) {
  return notes.map((note) => <div key={note} className="note" data-testid="result-note">{note}</div>);
}

export function Summary() {
  const current = useAppStore(selectCurrent);
  const files = useAppStore((s) => s.files);
  if (!current) return null;
  if (current.status === 'queued') {
    const ahead = files.filter((f) => f.id < current.id && (f.status === 'queued' || f.status === 'analyzing')).length;
    return (
      <div className="summary" data-testid="queued">
        <em>{current.name}</em> waits its turn: {ahead === 1 ? '1 file' : `${ahead} files`} ahead.
      </div>
    );
  }
  if (current.status === 'analyzing') {
    return (
      <div className="summary">
        Analysing <em>{current.name}</em>…{' '}
        <button type="button" onClick={cancelAnalysis}>Cancel</button>
      </div>
    );
  }
  if (current.status === 'error') {
    return (
      <div className="summary error" data-testid="error">
        <strong>{current.name}:</strong> {current.error}
      </div>
    );
  }
  const analysis = current.analysis!;
  return (
    <div className={`summary band-${statusBand(analysis.status)}`} data-testid="summary">
      <strong>{current.name}</strong>: {analysis.summary}
      <CredentialsLine current={current} />
      <ResultNotes notes={analysis.notes} />
      <ReportButton current={current} />
    </div>
  );
}
