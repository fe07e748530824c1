import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import { ImportError } from './import-error';
import { decodeXml } from './text';
import { boundedUnzip } from './zip';
import type { ImportNote } from './import-note';
import { parkPlanCode, PP_ID } from './block-fields';

/**
 * KML and KMZ (zipped KML) to GeoJSON with @tmcw/togeojson. The XML parser is
 * @xmldom/xmldom, which works in a worker and resolves no external resource;
 * on top of that, any DOCTYPE or ENTITY declaration is refused: KML never
 * needs one, and it is how external-entity attacks begin.
 */

export interface KmlResult {
  readonly collection: FeatureCollection;
  readonly notes: readonly ImportNote[];
}

export function readKml(text: string, file: string): KmlResult {
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
      { file, reason: 'xml' },
    );
  }
  if (errors.length || !doc.documentElement || doc.documentElement.nodeName.toLowerCase() !== 'kml') {
    throw new ImportError(
      'unreadable',
      `${file} is not readable KML${errors.length ? ` (${errors[0]!.split('\n')[0]})` : ''}`,
      { file, reason: errors.length ? 'xml' : 'not-kml' },
    );
  }
  const fc = kml(doc as unknown as Document) as FeatureCollection;
  const placemarks = Array.from(doc.getElementsByTagName('Placemark'));
  let otherParts = 0;
  // togeojson yields every Placemark first, in document order.
  const features = fc.features.map((f, i) => {
    const pm = placemarks[i];
    let out: Feature = f;
    if (f.geometry?.type === 'GeometryCollection') {
      const { polygons, others } = polygonParts(f.geometry);
      if (polygons.length) {
        otherParts += others;
        out = { ...out, geometry: { type: 'MultiPolygon', coordinates: polygons } };
      }
    }
    return pm ? ownProperties(out, pm as unknown as Element, doc as unknown as Document) : out;
  });
  return {
    collection: { ...fc, features },
    notes: otherParts ? [{ code: 'kml-other-parts', params: { file, count: otherParts } }] : [],
  };
}

/** A MultiGeometry's polygons, flattened (a placemark's parts are one block), and how many other parts it had. */
function polygonParts(g: Geometry): { polygons: Position[][][]; others: number } {
  const polygons: Position[][][] = [];
  let others = 0;
  const walk = (x: Geometry) => {
    if (x.type === 'Polygon') polygons.push(x.coordinates);
    else if (x.type === 'MultiPolygon') polygons.push(...x.coordinates);
    else if (x.type === 'GeometryCollection') x.geometries.forEach(walk);
    else others++;
  };
  walk(g);
  return { polygons, others };
}

/**
 * A placemark's properties with two mends of togeojson's reading: a `bool`
 * SimpleData reads "false" and "0" as false (togeojson makes every non-empty
 * text true); and a placemark written by ParkPlan (its data carries `pp_id`)
 * keeps only its data, not the name, style and colours togeojson adds, which
 * ParkPlan wrote for display (the name is in `pp_name`).
 */
function ownProperties(f: Feature, pm: Element, doc: Document): Feature {
  const data = [
    ...Array.from(pm.getElementsByTagName('Data')),
    ...Array.from(pm.getElementsByTagName('SimpleData')),
  ];
  if (data.length === 0) return f;
  const bools = new Set(
    Array.from(doc.getElementsByTagName('SimpleField'))
      .filter((e) => e.getAttribute('type') === 'bool')
      .map((e) => e.getAttribute('name') ?? ''),
  );
  const props = { ...(f.properties ?? {}) } as Record<string, unknown>;
  for (const e of pm.getElementsByTagName('SimpleData')) {
    const name = e.getAttribute('name') ?? '';
    if (bools.has(name)) {
      const v = (e.textContent ?? '').trim().toLowerCase();
      props[name] = v === 'true' || v === '1';
    }
  }
  const names = new Set(data.map((e) => e.getAttribute('name') ?? ''));
  if (![...names].some((n) => parkPlanCode(n) === PP_ID.code)) return { ...f, properties: props };
  return { ...f, properties: Object.fromEntries(Object.entries(props).filter(([k]) => names.has(k))) };
}

export function readKmz(bytes: Uint8Array, file: string): KmlResult {
  const entries = boundedUnzip(bytes, file, /\.kml$/i);
  const names = Object.keys(entries).sort((a, b) =>
    a === 'doc.kml' ? -1 : b === 'doc.kml' ? 1 : a.localeCompare(b),
  );
  if (names.length === 0)
    throw new ImportError('unreadable', `${file} holds no .kml file`, { file, reason: 'kmz-empty' });
  return readKml(decodeXml(entries[names[0]!]!), `${file}/${names[0]}`);
}
