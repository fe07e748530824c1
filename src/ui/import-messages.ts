import type { TFunction } from 'i18next';
import type { WorkerErrorInfo } from '../workers/protocol';
import type { ImportNote } from '../core/io/import-note';

/**
 * An import failure in the user's language, from its code and parameters: what is wrong
 * (naming the feature, row or column) and what to do. Never the core's English sentence or an
 * exception's text; values quoted from the file (a column's name, a type) are shown as text.
 */
export function importErrorText(t: TFunction, e: WorkerErrorInfo): string {
  const text = errorText(t, e);
  // Named by its file: several may be imported at once.
  return e.params.file ? `${String(e.params.file)}${t('import.fileSeparator')}${text}` : text;
}

function errorText(t: TFunction, e: WorkerErrorInfo): string {
  const p = e.params;
  const d = (key: string, params: Record<string, unknown> = {}) => t(`import.errorDetail.${key}`, params);
  switch (e.code) {
    case 'invalid-json':
      return `${t('import.errors.invalid-json')}${
        p.column ? d('jsonAt', p) : p.line ? d('jsonEnd', p) : ''
      }${t('import.noteSeparator')}${d('jsonFix')}`;
    case 'not-geojson':
      return `${t('import.errors.not-geojson')}（${d(`notGeojson.${String(p.kind ?? 'value')}`, p)}）`;
    case 'geometry': {
      const problem = t(`import.problem.${String(p.problem)}`, {
        defaultValue: t('import.problem.structure'),
      });
      const more = Number(p.more) > 0 ? d('more', { count: p.more }) : '';
      return (
        (p.feature === '' || p.feature === undefined
          ? d('geometryFile', { problem })
          : d('geometryAt', { ...p, problem })) + more
      );
    }
    case 'not-polygon':
      return t('import.errors.not-polygon', {
        ...p,
        type: d(`geometryType.${String(p.type)}`, { defaultValue: String(p.type) }),
      });
    case 'csv-geometry':
      return `${t('import.errors.csv-geometry', p)}${p.reason ? `：${d(`wkt.${String(p.reason)}`, p)}` : ''}`;
    case 'crs':
      return t(`import.crsRefusal.${String(p.refusal ?? 'unsupported')}`, p);
    case 'unreadable':
      return `${t('import.errors.unreadable')}：${d(`unreadable.${String(p.reason ?? 'damaged')}`, p)}`;
    default:
      return t(`import.errors.${e.code}`, { ...p, defaultValue: t('import.errors.internal') });
  }
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
        crs: crsLabel(t, p),
        encoding: String(p.encoding).toUpperCase(),
      });
    default:
      return t(`import.notes.${n.code}`, p);
  }
}

/** A recognised coordinate system's name in the user's language (see the shapefile-crs note). */
export function crsLabel(t: TFunction, p: Record<string, string | number>): string {
  const epsg = Number(p.epsg);
  if (epsg === 4326) return t('import.crsName.wgs84');
  if (epsg === 4490) return t('import.crsName.cgcs2000');
  if (Number(p.width))
    return t(Number(p.prefix) ? 'import.crsName.gkZone' : 'import.crsName.gkCm', {
      width: p.width,
      zone: p.zone,
      cm: p.cm,
      epsg,
    });
  const shift = p.shift ? t(`import.crsShift.${String(p.shift)}`) : '';
  return t('import.crsName.other', { name: String(p.name) }) + shift;
}
