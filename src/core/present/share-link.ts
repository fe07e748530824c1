import { LAYERS, type LayerId } from '../../data/layers';
import { GROUP_CATEGORIES, GROUPS, type GroupCategory } from '../../data/groups';
import { MODES, type ModeId } from '../../data/modes';
import { INDUSTRIES } from '../../data/taxonomy';
import { SUBPARKS } from '../../data/subparks';
import { NO_FILTER, type GroupFilter } from '../review/group-filter';
import { parseExtrude, extrudeKey, type ExtrudeSpec } from './extrusion';

/**
 * A link that opens the app on the view someone was looking at: camera,
 * layers, group filter, open place panel, 3D columns and basemap choice (never
 * a key). It lives in the address's fragment, so it is never sent to a server.
 *
 *   #map=11.2/39.98/116.31/0/0&layers=zgc-groups,districts&category=三城一区&group=zhongzhixue&3d=groups:area&base=osm
 *
 * `map` is zoom/lat/lon/bearing/pitch, like MapLibre's own hash. Anything
 * a link carries that ParkPlan does not know is dropped and listed.
 */

export interface PlaceLink {
  readonly kind: 'group' | 'subpark' | 'yizhuang';
  readonly id: string;
}

export interface SharedView {
  readonly camera: {
    readonly center: readonly [number, number];
    readonly zoom: number;
    readonly bearing: number;
    readonly pitch: number;
  };
  readonly visible: Readonly<Record<LayerId, boolean>>;
  readonly filter: GroupFilter;
  readonly place: PlaceLink | null;
  readonly extrude: ExtrudeSpec | null;
  /** A basemap id; the app checks it against its list. */
  readonly basemap: string;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The fragment (with its '#') for a view. */
export function shareHash(v: SharedView): string {
  const p = new URLSearchParams();
  const { center, zoom, bearing, pitch } = v.camera;
  p.set(
    'map',
    [round(zoom, 2), round(center[1], 5), round(center[0], 5), round(bearing, 1), round(pitch, 1)].join('/'),
  );
  p.set(
    'layers',
    LAYERS.filter((l) => v.visible[l.id])
      .map((l) => l.id)
      .join(','),
  );
  for (const [key, values] of Object.entries(v.filter) as [keyof GroupFilter, readonly string[]][])
    if (values.length) p.set(FILTER_PARAM[key], values.join(','));
  if (v.place) p.set(v.place.kind, v.place.id);
  if (v.extrude) p.set('3d', extrudeKey(v.extrude));
  if (v.basemap !== 'offline') p.set('base', v.basemap);
  return `#${p.toString()}`;
}

const FILTER_PARAM: Record<keyof GroupFilter, string> = {
  fields: 'field',
  industries: 'industry',
  modes: 'mode',
  categories: 'category',
};

/** True when a fragment carries a shared view (not just a place). */
export const isShareHash = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).has('map');

const inRange = (x: number, lo: number, hi: number) => Number.isFinite(x) && x >= lo && x <= hi;

/**
 * The view a fragment describes, or null when it carries none (no valid
 * `map`). `dropped` lists the parts that were not understood.
 */
export function parseShareHash(hash: string): { view: SharedView; dropped: string[] } | null {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const parts = (p.get('map') ?? '').split('/').map(Number);
  if (parts.length !== 5) return null;
  const [zoom, lat, lon, bearing, pitch] = parts as [number, number, number, number, number];
  if (
    !inRange(zoom, 0, 24) ||
    !inRange(lat, -85, 85) ||
    !inRange(lon, -180, 180) ||
    !inRange(bearing, -360, 360) ||
    !inRange(pitch, 0, 85)
  )
    return null;
  const dropped: string[] = [];
  const list = (key: string) => (p.get(key) ?? '').split(',').filter(Boolean);
  const keep = <T extends string>(key: string, known: readonly string[]): T[] =>
    list(key).filter((x) => known.includes(x) || (dropped.push(`${key}=${x}`), false)) as T[];

  const layerIds = LAYERS.map((l) => l.id);
  const shown = new Set(keep<LayerId>('layers', layerIds));
  const visible = Object.fromEntries(layerIds.map((id) => [id, shown.has(id)])) as Record<LayerId, boolean>;

  const fields = INDUSTRIES.flatMap((i) => i.fields.map((f) => f.zh));
  const filter: GroupFilter = {
    ...NO_FILTER,
    fields: keep('field', fields),
    industries: keep(
      'industry',
      INDUSTRIES.map((i) => i.id),
    ),
    modes: keep<ModeId>(
      'mode',
      MODES.map((m) => m.id),
    ),
    categories: keep<GroupCategory>(
      'category',
      GROUP_CATEGORIES.map((c) => c.id),
    ),
  };

  let place: PlaceLink | null = null;
  const known: Record<PlaceLink['kind'], readonly string[]> = {
    group: GROUPS.map((g) => g.id),
    subpark: SUBPARKS.map((s) => s.id),
    yizhuang: ['core', 'daxing', 'tongzhou'],
  };
  for (const kind of ['group', 'subpark', 'yizhuang'] as const) {
    const id = p.get(kind);
    if (id === null) continue;
    if (known[kind].includes(id) && !place) place = { kind, id };
    else dropped.push(`${kind}=${id}`);
  }

  const d3 = p.get('3d');
  const extrude = d3 ? parseExtrude(d3) : null;
  if (d3 && !extrude) dropped.push(`3d=${d3}`);

  const base = p.get('base') ?? 'offline';
  return {
    view: {
      camera: { center: [lon, lat], zoom, bearing, pitch },
      visible,
      filter,
      place,
      extrude,
      basemap: /^[a-z-]{1,32}$/.test(base) ? base : 'offline',
    },
    dropped,
  };
}
