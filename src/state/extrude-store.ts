import { create } from 'zustand';
import type { ExtrudeSpec, HeightScale } from '../core/present/extrusion';

/** UI state of the 3D view: what is raised by which figure, and the scale the map drew it at (for legends). */
export const useExtrudeStore = create<{
  spec: ExtrudeSpec | null;
  scale: HeightScale | null;
  setSpec: (spec: ExtrudeSpec | null) => void;
  setScale: (scale: HeightScale | null) => void;
}>()((set) => ({
  spec: null,
  scale: null,
  setSpec: (spec) => set({ spec }),
  setScale: (scale) => set({ scale }),
}));
