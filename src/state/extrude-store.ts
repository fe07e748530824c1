import { create } from 'zustand';
import type { Column, ExtrudeSpec, HeightScale } from '../core/present/extrusion';

/** UI state of the 3D view: what is raised by which figure, and the scale the map drew it at (for legends). */
export const useExtrudeStore = create<{
  spec: ExtrudeSpec | null;
  scale: HeightScale | null;
  /** The columns the map is drawing (a printed map draws the same). */
  columns: readonly Column[];
  setSpec: (spec: ExtrudeSpec | null) => void;
  setScale: (scale: HeightScale | null, columns?: readonly Column[]) => void;
}>()((set) => ({
  spec: null,
  scale: null,
  columns: [],
  setSpec: (spec) => set({ spec }),
  setScale: (scale, columns = []) => set({ scale, columns }),
}));
