import type { Position } from 'geojson';
import type { BlockReport } from '../report/evaluate-blocks';
import { polygonsOf } from '../overlay/zones';
import { exportFields, type ExportBlock } from './export-fields';
import { MODE_COLORS } from '../report/mode-colors';

/**
 * KML 2.2 for Google Earth, Ovital (奥维) and the like: one Placemark per
 * block, styled by verdict, with every attribute and figure as ExtendedData.
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

export function exportKml(
  title: string,
  blocks: readonly ExportBlock[],
  reports: ReadonlyMap<string, BlockReport>,
): string {
  const fields = exportFields(blocks);
  const styles = Object.entries(STYLES)
    .map(
      ([id, colour]) =>
        `<Style id="${id}"><LineStyle><color>ff333333</color><width>1.5</width></LineStyle><PolyStyle><color>${colour}</color></PolyStyle></Style>`,
    )
    .join('\n');
  const placemarks = blocks.map((b) => {
    const r = reports.get(b.id);
    const data = fields
      .map((f) => {
        const v = f.get(b, r);
        return v === null
          ? ''
          : `<Data name="${xmlText(f.name)}"><value>${xmlText(String(v))}</value></Data>`;
      })
      .join('');
    const polys = polygonsOf(b.geometry);
    const geom =
      polys.length === 1
        ? polygonKml(polys[0]!)
        : `<MultiGeometry>${polys.map(polygonKml).join('')}</MultiGeometry>`;
    return `<Placemark id="${xmlText(b.id)}"><name>${xmlText(b.name)}</name><styleUrl>#${r?.mode ?? 'none'}</styleUrl><ExtendedData>${data}</ExtendedData>${geom}</Placemark>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${xmlText(title)}</name>
${styles}
${placemarks.join('\n')}
</Document></kml>
`;
}
