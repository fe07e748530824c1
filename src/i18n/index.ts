import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh } from './zh';

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

/**
 * English strings load on first use (≈ 5 KB gzip off the first load; Chinese is the
 * default). A local chunk, so it loads offline like the rest of the app.
 */
async function loadLanguage(lang: Lang) {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  if (lang === 'en') i18next.addResourceBundle('en', 'translation', (await import('./en')).en);
}

/** Switches the UI language, loading its strings first; if they cannot load, the language stays. */
export async function setLanguage(lang: Lang) {
  try {
    await loadLanguage(lang);
  } catch (e) {
    console.warn(`ParkPlan: the ${lang} strings could not be loaded`, e);
    return;
  }
  await i18next.changeLanguage(lang);
}

/** Ready to render once resolved: in the language asked for, or in Chinese if its strings cannot load. */
export async function setupI18n(lang: Lang = initialLang()) {
  void i18next.use(initReactI18next).init({
    resources: { zh: { translation: zh } },
    lng: 'zh',
    fallbackLng: 'zh',
    // React escapes text itself; file-supplied text is never interpolated as HTML.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  // Before the listener below: a link in English does not change the stored preference.
  if (lang !== 'zh') await setLanguage(lang);
  syncDocumentLang(i18next.language as Lang);
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
