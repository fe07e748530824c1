import { create } from 'zustand';
import { DEFAULT_STORY, type ViewSpec } from '../core/present/story';
import { activeScenario, useDocumentStore } from './document-store';
import type { PlanDocument } from '../doc/model';

/** The views of the active scenario: its own, or the shipped story. */
export function storyOf(doc: PlanDocument): readonly ViewSpec[] {
  return activeScenario(doc).views ?? DEFAULT_STORY;
}

/** Meeting mode: on or off, and which view of the active scenario's story is shown. */
export const usePresentStore = create<{
  on: boolean;
  index: number;
  enter: (at?: number) => void;
  leave: () => void;
  go: (index: number) => void;
}>()((set) => ({
  on: false,
  index: 0,
  enter: (at = 0) => set({ on: true, index: at }),
  leave: () => set({ on: false }),
  go: (index) => {
    const n = storyOf(useDocumentStore.getState().doc).length;
    set({ index: Math.max(0, Math.min(n - 1, index)) });
  },
}));
