import { create } from 'zustand';

/** What the pointer is over (UI state only). Properties are file data: render as text. */
export interface HoverInfo {
  readonly layer: 'zgc-groups' | 'zgc-subparks' | 'yizhuang';
  readonly properties: Readonly<Record<string, unknown>>;
  readonly x: number;
  readonly y: number;
}

export const useHoverStore = create<{ hover: HoverInfo | null; setHover: (h: HoverInfo | null) => void }>()(
  (set) => ({ hover: null, setHover: (hover) => set({ hover }) }),
);
