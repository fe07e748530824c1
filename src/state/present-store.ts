import { create } from 'zustand';
import { DEFAULT_STORY, type ViewSpec } from '../core/present/story';

/** Meeting mode: on or off, the story being walked, and where in it. */
export const usePresentStore = create<{
  on: boolean;
  views: readonly ViewSpec[];
  index: number;
  enter: () => void;
  leave: () => void;
  go: (index: number) => void;
}>()((set, get) => ({
  on: false,
  views: DEFAULT_STORY,
  index: 0,
  enter: () => set({ on: true, index: 0 }),
  leave: () => set({ on: false }),
  go: (index) => set({ index: Math.max(0, Math.min(get().views.length - 1, index)) }),
}));
