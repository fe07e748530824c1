import { blockShape, ZoneSet, type Areal } from './zones';

/** The blocks that overlap a zone (a group, a sub-park), with the overlap in m², largest first. */
export function blocksInZone(
  zone: Areal,
  blocks: readonly { id: string; geometry: Areal }[],
): { id: string; m2: number }[] {
  const set = new ZoneSet([{ id: 'zone', geometry: zone, props: null }]);
  return blocks
    .map((b) => ({ id: b.id, m2: set.overlaps(blockShape(b.geometry))[0]?.m2 ?? 0 }))
    .filter((x) => x.m2 > 0)
    .sort((a, b) => b.m2 - a.m2);
}
