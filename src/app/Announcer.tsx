import { useMemo } from 'react';
import { announcement } from './announcement';
import { useLanguage } from '../ui/language';
import { selectCurrent, useAppStore } from './store';

/** One live region, always in the page, so screen readers hear progress and results as they change. */
export function Announcer() {
  const current = useAppStore(selectCurrent);
  const engineLoading = useAppStore((s) => s.engine.status === 'loading');
  const language = useLanguage((s) => s.language);
  const message = useMemo(() => announcement(current, engineLoading, language), [current, engineLoading, language]);
  return <div className="visually-hidden" role="status" data-testid="announcer">{message}</div>;
}
