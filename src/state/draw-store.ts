import { create } from 'zustand';

export type DrawMode = 'idle' | 'polygon' | 'rectangle' | 'freehand';

/** What the live readout shows while a block is being drawn. */
export interface Readout {
  areaKm2: number;
  subpark: string | null;
  share: number | null;
  shareDenominator: 'declared' | 'measured' | null;
  mode: string | null;
  warnings: readonly string[];
  x: number;
  y: number;
}

export const useDrawStore = create<{
  mode: DrawMode;
  readout: Readout | null;
  setMode: (m: DrawMode) => void;
  setReadout: (r: Readout | null) => void;
}>()((set) => ({
  mode: 'idle',
  readout: null,
  setMode: (mode) => set({ mode, readout: null }),
  setReadout: (readout) => set({ readout }),
}));
