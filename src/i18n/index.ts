import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh } from './zh';
import { en } from './en';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'parkplan.lang';

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // storage may be unavailable (private mode); Chinese is the default anyway
  }
  return 'zh';
}

export function setupI18n(lang: Lang = initialLang()) {
  void i18next.use(initReactI18next).init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'zh',
    // React escapes text itself; file-supplied text is never interpolated as HTML.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  syncDocumentLang(lang);
  i18next.on('languageChanged', (l) => {
    syncDocumentLang(l as Lang);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, l);
    } catch {
      // ignore: preference simply won't persist
    }
  });
  return i18next;
}

function syncDocumentLang(lang: Lang) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}
