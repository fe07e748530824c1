/**
 * Numbers for people: thousands separators in the page's language. The
 * formatter is built once per language and kept. Building the first one
 * loads ICU's locale data, which took 0.1–0.15 s under load here, in the
 * middle of a large import; `warmUpNumberFormat` builds it while idle.
 */

const formats = new Map<string, Intl.NumberFormat>();

/** The locale for one of the app's languages ('zh' | 'en'). */
const localeOf = (lang: string) => (lang === 'en' ? 'en' : 'zh-CN');

function formatFor(lang: string, maxFractionDigits: number): Intl.NumberFormat {
  const key = `${localeOf(lang)}|${maxFractionDigits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: maxFractionDigits });
    formats.set(key, f);
  }
  return f;
}

/** `n` with thousands separators, rounded to at most `maxFractionDigits` decimals (0 by default). */
export function formatNumber(n: number, lang: string, maxFractionDigits = 0): string {
  return formatFor(lang, maxFractionDigits).format(n);
}

/** Builds the integer formatter now (call while idle), so the first use later costs nothing. */
export function warmUpNumberFormat(lang: string): void {
  formatNumber(0, lang);
}
