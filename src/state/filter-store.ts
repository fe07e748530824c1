import { create } from 'zustand';
import { NO_FILTER, toggle, type Dimension, type GroupFilter } from '../core/review/group-filter';

/** The reviewer's group filter (UI state; not part of the document). */
export const useFilterStore = create<{
  filter: GroupFilter;
  toggle: (d: Dimension, value: string) => void;
  clear: () => void;
}>()((set, get) => ({
  filter: NO_FILTER,
  toggle: (d, value) => set({ filter: toggle(get().filter, d, value) }),
  clear: () => set({ filter: NO_FILTER }),
}));
