import type { Position } from 'geojson';
import type { BlockReport } from '../report/evaluate-blocks';
import { polygonsOf } from '../overlay/zones';
import { exportColumns, type ExportBlock } from './block-fields';
import { MODE_COLORS } from '../report/mode-colors';

/**
 * KML 2.2 for Google Earth, Ovital (奥维) and the like: one Placemark per
 * block, styled by verdict, with its own attributes and ParkPlan's fields
 * (block-fields.ts) as typed ExtendedData (a Schema of SimpleFields).
 * Coordinates are WGS84 lon/lat at full precision, so re-reading the file
 * gives the same areas. All text is escaped; characters XML 1.0 cannot hold
 * are dropped.
 */

/** KML colours are aabbggrr: the map's hues at 70 % opacity. */
const kmlColour = (hex: string) => `b3${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}`;
const STYLES: Record<string, string> = Object.fromEntries(
  Object.entries(MODE_COLORS).map(([mode, hex]) => [mode, kmlColour(hex)]),
);

export function xmlText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- dropping what XML 1.0 forbids is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const coords = (ring: readonly Position[]) => ring.map((p) => `${p[0]},${p[1]}`).join(' ');

function polygonKml(rings: readonly Position[][]): string {
  const [outer, ...holes] = rings;
  return (
    `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(outer!)}</coordinates></LinearRing></outerBoundaryIs>` +
    holes
      .map(
        (h) =>
          `<innerBoundaryIs><LinearRing><coordinates>${coords(h)}</coordinates></LinearRing></innerBoundaryIs>`,
      )
      .join('') +
    `</Polygon>`
  );
}

const KML_TYPE = { C: 'string', N: 'double', L: 'bool' } as const;

export function exportKml(
  title: string,
  blocks: readonly ExportBlock[],
  reports: ReadonlyMap<string, BlockReport>,
): string {
  const columns = exportColumns(blocks);
  const styles = Object.entries(STYLES)
    .map(
      ([id, colour]) =>
        `<Style id="${id}"><LineStyle><color>ff333333</color><width>1.5</width></LineStyle><PolyStyle><color>${colour}</color></PolyStyle></Style>`,
    )
    .join('\n');
  // A typed schema, so numbers read back as numbers and true/false as such (Data values are text).
  const schema = `<Schema name="parkplan" id="parkplan">${columns
    .map((c) => `<SimpleField name="${xmlText(c.name)}" type="${KML_TYPE[c.type]}"/>`)
    .join('')}</Schema>`;
  const placemarks = blocks.map((b) => {
    const r = reports.get(b.id);
    // A missing or null value is left out: an empty double would read back as 0.
    const data = columns
      .map((c) => {
        const v = c.get(b, r);
        return v === null ? '' : `<SimpleData name="${xmlText(c.name)}">${xmlText(String(v))}</SimpleData>`;
      })
      .join('');
    const polys = polygonsOf(b.geometry);
    const geom =
      polys.length === 1
        ? polygonKml(polys[0]!)
        : `<MultiGeometry>${polys.map(polygonKml).join('')}</MultiGeometry>`;
    return `<Placemark><name>${xmlText(b.name)}</name><styleUrl>#${r?.mode ?? 'none'}</styleUrl><ExtendedData><SchemaData schemaUrl="#parkplan">${data}</SchemaData></ExtendedData>${geom}</Placemark>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${xmlText(title)}</name>
${schema}
${styles}
${placemarks.join('\n')}
</Document></kml>
`;
}
