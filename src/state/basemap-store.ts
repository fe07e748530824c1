import { create } from 'zustand';
import { BASEMAPS, OFFLINE, type BasemapChoice, type BasemapId } from '../map/basemaps';

/**
 * The basemap the user chose and their Tianditu key, remembered on this
 * device (UI settings, not planning data: they are not in the document or
 * its backups). Tile failures of an online basemap are counted here so the
 * map can say so instead of going blank.
 */

const STORAGE_KEY = 'parkplan.basemap';

export interface TileErrors {
  readonly count: number;
  /** HTTP status of the last failure; 0 when the request never got an answer (offline). */
  readonly status: number;
  readonly message: string;
}

function load(): BasemapChoice {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<BasemapChoice> | null;
    if (!raw) return OFFLINE;
    const id = BASEMAPS.some((b) => b.id === raw.id) ? (raw.id as BasemapId) : 'offline';
    return { id, tiandituKey: typeof raw.tiandituKey === 'string' ? raw.tiandituKey : '' };
  } catch {
    return OFFLINE;
  }
}

function save(c: BasemapChoice) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(c));
  } catch {
    // Private mode or a full disk: the choice lasts for this session only.
  }
}

export const useBasemapStore = create<{
  choice: BasemapChoice;
  errors: TileErrors | null;
  choose: (id: BasemapId) => void;
  setKey: (key: string) => void;
  tileFailed: (status: number, message: string) => void;
}>()((set, get) => ({
  choice: load(),
  errors: null,
  choose: (id) => {
    const choice = { ...get().choice, id };
    save(choice);
    set({ choice, errors: null });
  },
  setKey: (tiandituKey) => {
    // Leaving the field unchanged must not clear the error notice (its button may be what was clicked).
    if (tiandituKey === get().choice.tiandituKey) return;
    const choice = { ...get().choice, tiandituKey };
    save(choice);
    set({ choice, errors: null });
  },
  tileFailed: (status, message) =>
    set((s) => ({ errors: { count: (s.errors?.count ?? 0) + 1, status, message } })),
}));
