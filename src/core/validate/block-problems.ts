/**
 * What a block check reports and which repairs are safe to offer together:
 * the vocabulary the checks panel needs, apart from the checks themselves
 * (block-checks.ts, with its polygon clipping), which run in the worker.
 */

export type BlockProblemCode =
  | 'self-intersection'
  | 'duplicate-vertex'
  | 'winding'
  | 'sliver-part'
  | 'sliver-hole'
  | 'sliver-block'
  | 'overlap'
  | 'outside-subparks'
  | 'partly-outside-subparks'
  | 'split-across-subparks';

export type Repair =
  /** Rebuild as the union of itself (polyclip): crossings become separate lobes, spikes go. */
  | { readonly kind: 'make-valid' }
  | { readonly kind: 'remove-duplicates' }
  | { readonly kind: 'rewind' }
  /** Drop one ring (a sliver part or hole): `polygon` index, `ring` 0 = the part itself. */
  | { readonly kind: 'drop-ring'; readonly polygon: number; readonly ring: number }
  /** Subtract the other block from this one. */
  | { readonly kind: 'cut-overlap'; readonly other: string };

export interface BlockProblem {
  readonly code: BlockProblemCode;
  readonly severity: 'error' | 'warning';
  readonly blockId: string;
  /** Where to look: [west, south, east, north] (a point when west = east). */
  readonly bbox: readonly [number, number, number, number];
  readonly repair: Repair | null;
  /** Values for the message: counts, areas (m²), widths (m), the other block's id. */
  readonly params: Readonly<Record<string, string | number>>;
}

/** Repairs offered together as "mend all safe problems": none changes more than a sliver of area or moves a vertex. */
export const SAFE_REPAIRS: ReadonlySet<Repair['kind']> = new Set([
  'remove-duplicates',
  'drop-ring',
  'make-valid',
  'rewind',
]);
