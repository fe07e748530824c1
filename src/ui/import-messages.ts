import type { TFunction } from 'i18next';
import type { WorkerErrorInfo } from '../workers/protocol';

/** An import failure in the user's language; the detail from the file stays as it is (rendered as text). */
export function importErrorText(t: TFunction, e: WorkerErrorInfo): string {
  const key = `import.errors.${e.code}`;
  const text = t(key, { ...e.params, defaultValue: '' });
  return text ? `${text}（${e.message}）` : e.message;
}
