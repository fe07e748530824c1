import type { FeatureCollection } from 'geojson';
import { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import { ImportError } from './import-error';
import { decodeXml } from './text';
import { boundedUnzip } from './zip';

/**
 * KML and KMZ (zipped KML) to GeoJSON with @tmcw/togeojson. The XML parser is
 * @xmldom/xmldom, which works in a worker and resolves no external resource;
 * on top of that, any DOCTYPE or ENTITY declaration is refused: KML never
 * needs one, and it is how external-entity attacks begin.
 */

export function readKml(text: string, file: string): FeatureCollection {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new ImportError(
      'unsafe-xml',
      `${file} declares a DOCTYPE or ENTITY, which KML does not need; it was not read`,
      { file },
    );
  }
  const errors: string[] = [];
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== 'warning') errors.push(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    // xmldom throws on fatal errors (unclosed tags, no root element).
    throw new ImportError(
      'unreadable',
      `${file} is not readable KML (${(e as Error).message.split('\n')[0]})`,
      { file },
    );
  }
  if (errors.length || !doc.documentElement || doc.documentElement.nodeName.toLowerCase() !== 'kml') {
    throw new ImportError(
      'unreadable',
      `${file} is not readable KML${errors.length ? ` (${errors[0]!.split('\n')[0]})` : ''}`,
      { file },
    );
  }
  return kml(doc as unknown as Document) as FeatureCollection;
}

export function readKmz(bytes: Uint8Array, file: string): FeatureCollection {
  const entries = boundedUnzip(bytes, file, /\.kml$/i);
  const names = Object.keys(entries).sort((a, b) =>
    a === 'doc.kml' ? -1 : b === 'doc.kml' ? 1 : a.localeCompare(b),
  );
  if (names.length === 0) throw new ImportError('unreadable', `${file} holds no .kml file`, { file });
  return readKml(decodeXml(entries[names[0]!]!), `${file}/${names[0]}`);
}
