import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { readBlocksAsync } from './read';
import { importedParts, type ExportBlock } from './block-fields';
import { exportGeoJson } from './export';
import { exportKml } from './kml-export';
import { exportShapefile } from './shapefile-export';
import { exportCsv } from './table-export';
import { exportXlsx } from './xlsx-export';
import { geometryAreaM2 } from '../geo/area';

/**
 * Every export reads back (issue #21): export → import gives the same blocks,
 * names, own attributes, source ids and areas (1e-9 relative), for drawn,
 * imported, holed and multipart blocks, in every format. The blocks' own
 * attributes include an `id` of their own and a `name` other than the block's
 * (renamed in ParkPlan), which an earlier build overwrote with ParkPlan's.
 */

const ring = (x: number, y: number, d: number): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const holed: Polygon = {
  type: 'Polygon',
  coordinates: [ring(116.3, 39.98, 0.0123456789), ring(116.303, 39.983, 0.002).reverse()],
};
const multi: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[ring(116.32, 39.98, 0.005)], [ring(116.33, 39.981234567, 0.004)]],
};
// Drawn on the map: irregular coordinates at full double precision.
const drawn: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [116.41234567891235, 39.91234567891234],
      [116.42987654321098, 39.91111111111111],
      [116.42555555555555, 39.92777777777777],
      [116.41234567891235, 39.91234567891234],
    ],
  ],
};

const blocks: ExportBlock[] = [
  {
    id: 'b1',
    name: '中关村甲地块（改名）',
    geometry: holed,
    attributes: { id: 'a1', name: '甲', 地块编号: 'DK-001', 层数: 3, 容积率: 2.5, 已审: true, note: '-A' },
    sourceId: 'f-1',
  },
  {
    id: 'b2',
    name: '多部分区块',
    geometry: multi,
    attributes: {
      id: 'a2',
      name: '乙',
      地块编号: 'DK-002',
      层数: 12,
      容积率: 0.1234567890123,
      已审: false,
      note: '=1+1',
    },
    sourceId: 'f-2',
  },
  { id: 'b3', name: '绘制的区块', geometry: drawn, attributes: {} },
];

const encode = (s: string) => new TextEncoder().encode(s);

async function readBack(bytes: Uint8Array, file: string) {
  const r = await readBlocksAsync(bytes, file);
  return r.blocks.features.map((f, i) => ({
    ...importedParts(f.properties as Record<string, string | number | boolean | null>, `#${i + 1}`, f.id),
    geometry: f.geometry,
  }));
}

const formats: [string, () => Promise<Uint8Array>][] = [
  ['blocks.geojson', async () => encode(exportGeoJson(blocks, new Map()))],
  ['blocks.kml', async () => encode(exportKml('方案', blocks, new Map()))],
  ['blocks.zip', async () => exportShapefile('方案', blocks, new Map())],
  ['blocks.csv', async () => encode('\uFEFF' + exportCsv(blocks, new Map()))],
  ['blocks-codes.csv', async () => encode(exportCsv(blocks, new Map(), 'codes'))],
  ['blocks.xlsx', async () => new Uint8Array(await (await exportXlsx(blocks, new Map())).arrayBuffer())],
  [
    'blocks-codes.xlsx',
    async () => new Uint8Array(await (await exportXlsx(blocks, new Map(), { style: 'codes' })).arrayBuffer()),
  ],
];

describe('every export reads back as the same blocks', () => {
  it.each(formats)('%s', async (file, make) => {
    const back = await readBack(await make(), file);
    expect(back).toHaveLength(blocks.length);
    back.forEach((b, i) => {
      const want = blocks[i]!;
      expect(b.fromParkPlan).toBe(true);
      expect(b.name).toBe(want.name);
      expect(b.attributes).toEqual(want.attributes);
      expect(b.sourceId).toBe(want.sourceId);
      expect(b.geometry.type).toBe(want.geometry.type);
      expect(Math.abs(geometryAreaM2(b.geometry) / geometryAreaM2(want.geometry) - 1)).toBeLessThan(1e-9);
    });
  });

  it('a re-export of what was read back is the same file', async () => {
    const once = exportGeoJson(blocks, new Map());
    const back = await readBack(encode(once), 'x.geojson');
    const again = exportGeoJson(
      back.map((b, i) => ({ ...b, id: blocks[i]!.id })),
      new Map(),
    );
    expect(again).toBe(once);
  });

  it('GeoJSON keeps a null attribute; the other formats, which have no null, leave it out', async () => {
    const withNull: ExportBlock[] = [{ ...blocks[2]!, attributes: { 备注: null, 层数: 1 } }];
    const geo = await readBack(encode(exportGeoJson(withNull, new Map())), 'n.geojson');
    expect(geo[0]!.attributes).toEqual({ 备注: null, 层数: 1 });
    for (const [file, bytes] of [
      ['n.csv', encode(exportCsv(withNull, new Map()))],
      ['n.zip', exportShapefile('n', withNull, new Map())],
      ['n.kml', encode(exportKml('n', withNull, new Map()))],
    ] as const) {
      const [b] = await readBack(bytes, file);
      expect(b!.attributes, file).toEqual({ 层数: 1 });
    }
  });

  it("a file ParkPlan did not write keeps every column as the block's own, even one named like ParkPlan's", async () => {
    const own = `{"type":"FeatureCollection","features":[{"type":"Feature","id":7,"properties":{"名称":"丙","区块名称":"丙地块","pp_km2":5},"geometry":${JSON.stringify(holed)}}]}`;
    const [b] = await readBack(encode(own), 'own.geojson');
    expect(b!.fromParkPlan).toBe(false);
    expect(b!.attributes).toEqual({ 名称: '丙', 区块名称: '丙地块', pp_km2: 5 });
    expect(b!.name).toBe('丙');
    expect(b!.sourceId).toBe(7);
  });
});
