import { create } from 'zustand';
import type { Frame } from '../core/present/story';

/**
 * Requests for the map camera from the panels (zoom to a problem, a block, a
 * group). The map view carries them out; `seq` makes a repeated request for
 * the same place fire again.
 */
export interface FocusRequest {
  /** [west, south, east, north]; a point when west = east and south = north. */
  readonly bbox: readonly [number, number, number, number];
  readonly seq: number;
}

export const useViewStore = create<{
  focus: FocusRequest | null;
  /** A saved view's frame to fly to (meeting mode, the views list). */
  frame: { readonly frame: Frame; readonly seq: number; readonly instant: boolean } | null;
  /** Instant: jump there (a link being opened), else fly. */
  showFrame: (f: Frame, instant?: boolean) => void;
  /** The spot a listed problem is about, marked on the map until another is chosen. */
  marker: readonly [number, number] | null;
  focusOn: (bbox: FocusRequest['bbox'], marker?: readonly [number, number] | null) => void;
}>()((set, get) => ({
  focus: null,
  frame: null,
  showFrame: (frame, instant = false) => set({ frame: { frame, instant, seq: (get().frame?.seq ?? 0) + 1 } }),
  marker: null,
  focusOn: (bbox, marker = null) => set({ focus: { bbox, seq: (get().focus?.seq ?? 0) + 1 }, marker }),
}));
