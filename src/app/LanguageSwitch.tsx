import { languages, type Language } from '../i18n';
import { useLanguage, useWords } from '../ui/language';

/** Each language named in itself, so a reader finds theirs whatever is on screen. */
const ownNames: Record<Language, string> = { en: 'English', ja: '日本語' };

/** The footer's language switch: the page changes at once, and the choice is remembered on this device. */
export function LanguageSwitch() {
  const language = useLanguage((s) => s.language);
  const chooseLanguage = useLanguage((s) => s.chooseLanguage);
  const say = useWords();
  return (
    <div className="language-switch" role="group" aria-label={say.languageSwitch} data-testid="language-switch">
      {languages.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === language} onClick={() => chooseLanguage(l)}>
          {ownNames[l]}
        </button>
      ))}
    </div>
  );
}
