import { useState } from 'react';
import { noteText, type Language, type Note } from '../i18n';
import { summarize } from '../pipeline/analysis';
import { statusBand } from '../pipeline/evidence';
import { CredentialsLine } from '../provenance/ProvenancePanel';
import { cancelAnalysis } from './analyze-file';
import { fileErrorText } from '../files/file-error';
import { useLanguage, useWords } from '../ui/language';
import { downloadReport } from '../report/analysis-report';
import { selectCurrent, useAppStore } from './store';
import type { CurrentFile } from '../files/current-file';

/** Makes the PDF; pdf-lib and the report's code load only now, so the first visit does not download them. */
async function downloadPdf(current: CurrentFile, language: Language) {
  const { downloadPdfReport } = await import('../report/save-pdf');
  await downloadPdfReport(current, language);
}

export function ReportButton({ current }: { current: CurrentFile }) {
  const [pdf, setPdf] = useState<{ making: boolean; error?: string; fontMissing?: boolean }>({ making: false });
  const say = useWords();
  const language = useLanguage((s) => s.language);
  const makePdf = () => {
    setPdf({ making: true });
    downloadPdf(current, language).then(
      () => setPdf({ making: false }),
      (error: unknown) => setPdf({
        making: false,
        error: error instanceof Error ? error.message : String(error),
        fontMissing: error instanceof Error && error.name === 'ReportFontMissingError',
      }),
    );
  };
  return (
    <div className="report-buttons">
      <button type="button" className="report" onClick={() => downloadReport(current, language)} data-testid="export">
        {say.downloadJson}
      </button>
      <button type="button" className="report" onClick={makePdf} disabled={pdf.making} data-testid="export-pdf">
        {pdf.making ? say.makingPdf : say.downloadPdf}
      </button>
      {pdf.error && <span className="note" role="alert">{pdf.fontMissing ? say.pdfFontMissing : say.pdfFailed(pdf.error)}</span>}
    </div>
  );
}

/** The result's notes; the first is the caveat when there is one (see statusNotes). */
export function ResultNotes({ notes }: { notes: Note[] }) {
  const language = useLanguage((s) => s.language);
  return notes.map((note) => noteText(note, language)).map((text) => <div key={text} className="note" data-testid="result-note">{text}</div>);
}

export function Summary() {
  const current = useAppStore(selectCurrent);
  const files = useAppStore((s) => s.files);
  const say = useWords();
  const language = useLanguage((s) => s.language);
  if (!current) return null;
  if (current.status === 'queued') {
    const ahead = files.filter((f) => f.id < current.id && (f.status === 'queued' || f.status === 'analyzing')).length;
    return (
      <div className="summary" data-testid="queued">
        <em>{current.name}</em> {say.waitsTurn(ahead)}
      </div>
    );
  }
  if (current.status === 'analyzing' && !current.analysis) {
    return (
      <div className="summary">
        {say.analysing} <em>{current.name}</em>…{' '}
        <button type="button" onClick={cancelAnalysis}>{say.cancel}</button>
      </div>
    );
  }
  if (current.status === 'error') {
    return (
      <div className="summary error" data-testid="error">
        <span className="error-mark" data-testid="error-mark">{say.errorMark}</span>
        <strong>{current.name}:</strong> {fileErrorText(current.error, language)}
      </div>
    );
  }
  const analysis = current.analysis!;
  return (
    <div className={`summary band-${statusBand(analysis.status)}`} data-testid="summary">
      <strong>{current.name}</strong>: {summarize(analysis.faces, language).summary}
      <CredentialsLine current={current} />
      <ResultNotes notes={analysis.notes} />
      {analysis.partial ? <div className="note" data-testid="small-face-search">{say.searchingSmallFaces}</div> : <ReportButton current={current} />}
    </div>
  );
}
