import type { TFunction } from 'i18next';
import type { WorkerErrorInfo } from '../workers/protocol';
import type { ImportNote } from '../core/io/import-note';

/** An import failure in the user's language; the detail from the file stays as it is (rendered as text). */
export function importErrorText(t: TFunction, e: WorkerErrorInfo): string {
  const key = `import.errors.${e.code}`;
  const text = t(key, { ...e.params, defaultValue: '' });
  return text ? `${text}（${e.message}）` : e.message;
}

/** What the reader noted about an imported file, in the user's language. */
export function importNoteText(t: TFunction, n: ImportNote, reading: (fix: string) => string): string {
  const p = n.params as Record<string, string | number>;
  switch (n.code) {
    case 'fix-applied':
      return t('import.notes.fix-applied', { reading: reading(String(p.fix)) });
    case 'datum':
      return t('import.notes.datum', { datum: t(`import.datumName.${String(p.datum)}`) });
    case 'shapefile-crs':
      return t('import.notes.shapefile-crs', {
        crs: crsLabel(t, String(p.crs)),
        encoding: String(p.encoding).toUpperCase(),
      });
    default:
      return t(`import.notes.${n.code}`, p);
  }
}

/** A coordinate system's name: its EPSG code, then its name as the .prj gave it. */
const crsLabel = (_t: TFunction, crs: string) => crs;
