import { create } from 'zustand';
import type { YizhuangPartId } from '../data/yizhuang';

/** The place whose panel is open: a development group, a sub-park or a part of Yizhuang. */
export type PlaceRef =
  | { readonly kind: 'group'; readonly id: string }
  | { readonly kind: 'subpark'; readonly id: string }
  | { readonly kind: 'yizhuang'; readonly id: YizhuangPartId };

export const usePanelStore = create<{
  place: PlaceRef | null;
  open: (p: PlaceRef) => void;
  close: () => void;
}>()((set) => ({
  place: null,
  open: (place) => set({ place }),
  close: () => set({ place: null }),
}));

/** `#group=zhongzhixue`, `#subpark=haidian`, `#yizhuang=core`: links a review memo can carry. */
export function placeToHash(p: PlaceRef | null): string {
  return p ? `#${p.kind}=${encodeURIComponent(p.id)}` : '';
}

export function placeFromHash(hash: string): PlaceRef | null {
  const m = /^#(group|subpark|yizhuang)=([^&]+)$/.exec(hash);
  if (!m) return null;
  const id = decodeURIComponent(m[2]!);
  return m[1] === 'yizhuang'
    ? { kind: 'yizhuang', id: id as YizhuangPartId }
    : { kind: m[1] as 'group' | 'subpark', id };
}
