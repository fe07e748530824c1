import { create } from 'zustand';

export type DrawMode = 'idle' | 'polygon' | 'rectangle' | 'freehand' | 'edit';

/** What a finished drawing becomes: a new block, a block's new shape, or a block's retained part. */
export type DrawTarget =
  | { readonly kind: 'new' }
  | { readonly kind: 'replace'; readonly blockId: string }
  | { readonly kind: 'retained'; readonly blockId: string };

/** A vertex-editing session: which block, and whether its outline or its retained part. */
export interface EditSession {
  readonly blockId: string;
  readonly field: 'geometry' | 'retained';
}

/** What the live readout shows while a block is being drawn. */
export interface Readout {
  /** NaN when the outline crosses itself (then `mendedAreaKm2` previews the mended area). */
  areaKm2: number;
  mendedAreaKm2: number | null;
  subpark: string | null;
  share: number | null;
  shareDenominator: 'declared' | 'measured' | null;
  mode: string | null;
  warnings: readonly string[];
  x: number;
  y: number;
}

export interface DrawState {
  mode: DrawMode;
  target: DrawTarget;
  edit: EditSession | null;
  /** Snap to other blocks' and sub-parks' vertices and edges. */
  snapping: boolean;
  readout: Readout | null;
  /** A message about the drawing (e.g. a shape the editor cannot hold). */
  message: string | null;
  /** Bumped to ask the map to save the edit in progress. */
  saveRequest: number;
  /** The drawing engine, loaded on first use: clicks on the map only draw once it is 'ready'. */
  engine: 'absent' | 'loading' | 'ready';
  setEngine: (e: DrawState['engine']) => void;
  setMode: (m: Exclude<DrawMode, 'edit'>, target?: DrawTarget) => void;
  startEdit: (e: EditSession) => void;
  /** Ends an edit session: saved (true) or discarded. */
  endEdit: (save: boolean) => void;
  setSnapping: (on: boolean) => void;
  setReadout: (r: Readout | null) => void;
  setMessage: (m: string | null) => void;
}

export const useDrawStore = create<DrawState>()((set, get) => ({
  mode: 'idle',
  target: { kind: 'new' },
  edit: null,
  snapping: true,
  readout: null,
  message: null,
  saveRequest: 0,
  engine: 'absent',
  setEngine: (engine) => set({ engine }),
  setMode: (mode, target = { kind: 'new' }) =>
    set({
      mode,
      target: mode === 'idle' ? { kind: 'new' } : target,
      edit: null,
      readout: null,
      message: null,
    }),
  startEdit: (edit) => set({ mode: 'edit', edit, target: { kind: 'new' }, readout: null, message: null }),
  endEdit: (save) => {
    if (get().mode !== 'edit') return;
    if (save) set({ saveRequest: get().saveRequest + 1 });
    else set({ mode: 'idle', edit: null, readout: null });
  },
  setSnapping: (snapping) => set({ snapping }),
  setReadout: (readout) => set({ readout }),
  setMessage: (message) => set({ message }),
}));
