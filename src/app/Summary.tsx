import { useState } from 'react';
import { statusBand } from '../pipeline/evidence';
import { CredentialsLine } from '../provenance/ProvenancePanel';
import { cancelAnalysis } from './analyze-file';
import { downloadReport } from './report';
import { selectCurrent, useAppStore, type CurrentFile } from './store';

/** Makes the PDF; pdf-lib and the report's code load only now, so the first visit does not download them. */
async function downloadPdf(current: CurrentFile) {
  const { downloadPdfReport } = await import('../report/save-pdf');
  await downloadPdfReport(current);
}

export function ReportButton({ current }: { current: CurrentFile }) {
  const [pdf, setPdf] = useState<{ making: boolean; error?: string }>({ making: false });
  const makePdf = () => {
    setPdf({ making: true });
    downloadPdf(current).then(
      () => setPdf({ making: false }),
      (error: unknown) => setPdf({ making: false, error: `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}.` }),
    );
  };
  return (
    <div className="report-buttons">
      <button type="button" className="report" onClick={() => downloadReport(current)} data-testid="export">
        Download report (JSON)
      </button>
      <button type="button" className="report" onClick={makePdf} disabled={pdf.making} data-testid="export-pdf">
        {pdf.making ? 'Making the PDF…' : 'Download report (PDF)'}
      </button>
      {pdf.error && <span className="note" role="alert">{pdf.error}</span>}
    </div>
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
