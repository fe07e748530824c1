import { create } from 'zustand';
import type { YizhuangPartId } from '../data/yizhuang';

/** The place whose panel is open: a development group, a sub-park or a part of Yizhuang. */
export type PlaceRef =
  | { readonly kind: 'group'; readonly id: string }
  | { readonly kind: 'subpark'; readonly id: string }
  | { readonly kind: 'yizhuang'; readonly id: YizhuangPartId };

export const usePanelStore = create<{
  place: PlaceRef | null;
  /** Whether the map should frame the place (not when a shared view brings its own camera). */
  frame: boolean;
  open: (p: PlaceRef, opts?: { frame?: boolean }) => void;
  close: () => void;
}>()((set) => ({
  place: null,
  frame: true,
  open: (place, opts = {}) => set({ place, frame: opts.frame ?? true }),
  close: () => set({ place: null }),
}));

/** `#group=zhongzhixue`, `#subpark=haidian`, `#yizhuang=core`: links a review memo can carry. */
export function placeToHash(p: PlaceRef | null): string {
  return p ? `#${p.kind}=${encodeURIComponent(p.id)}` : '';
}

/** The place a fragment names, alone (`#group=…`) or in a shared view's link. */
export function placeFromHash(hash: string): PlaceRef | null {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  for (const kind of ['group', 'subpark', 'yizhuang'] as const) {
    const id = p.get(kind);
    if (!id) continue;
    return kind === 'yizhuang' ? { kind, id: id as YizhuangPartId } : { kind, id };
  }
  return null;
}
