import { create } from 'zustand';
import { languageOf, words, type Language, type Messages } from '../i18n';

const storageKey = 'mikiwame.language';

/** The user's choice if they made one on this device, else the browser's language. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  return stored === 'en' || stored === 'ja' ? stored : languageOf(navigator.language);
}

function applyToDocument(language: Language) {
  document.documentElement.lang = language;
  document.title = words(language).title;
}

interface LanguageState {
  language: Language;
  /** The user's choice: shown at once and remembered on this device. */
  chooseLanguage(language: Language): void;
}

export const useLanguage = create<LanguageState>()((set) => ({
  language: initialLanguage(),
  chooseLanguage: (language) => {
    localStorage.setItem(storageKey, language);
    applyToDocument(language);
    set({ language });
  },
}));

applyToDocument(useLanguage.getState().language);

/** The words of the app in the language on screen. */
export function useWords(): Messages {
  return words(useLanguage((s) => s.language));
}
