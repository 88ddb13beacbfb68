import { evidenceBand } from '../pipeline/evidence';
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

export function Summary() {
  const current = useAppStore(selectCurrent);
  const files = useAppStore((s) => s.files);
  if (!current) return null;
  if (current.status === 'queued') {
    const ahead = files.filter((f) => f.id < current.id && (f.status === 'queued' || f.status === 'analyzing')).length;
    return (
      <div className="summary" role="status" data-testid="queued">
        <em>{current.name}</em> waits its turn: {ahead === 1 ? '1 file' : `${ahead} files`} ahead.
      </div>
    );
  }
  if (current.status === 'analyzing') {
    return (
      <div className="summary" role="status">
        Analysing <em>{current.name}</em>…{' '}
        <button type="button" onClick={cancelAnalysis}>Cancel</button>
      </div>
    );
  }
  if (current.status === 'error') {
    return (
      <div className="summary error" role="alert" data-testid="error">
        <strong>{current.name}:</strong> {current.error}
      </div>
    );
  }
  const analysis = current.analysis!;
  const band = analysis.probability === null ? 'na' : evidenceBand(analysis.probability);
  return (
    <div className={`summary band-${band}`} role="status" data-testid="summary">
      <strong>{current.name}</strong>: {analysis.summary}
      {analysis.notes.map((note) => <div key={note} className="note">{note}</div>)}
      <ReportButton current={current} />
    </div>
  );
}
