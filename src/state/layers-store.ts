import { create } from 'zustand';
import type { LayerId } from '../data/layers';

/** UI state of the layer panel: visibility and opacity per layer (not document data). */
export interface LayerUiState {
  visible: Record<LayerId, boolean>;
  opacity: Record<LayerId, number>;
  setVisible: (id: LayerId, visible: boolean) => void;
  setOpacity: (id: LayerId, opacity: number) => void;
}

export const DEFAULT_VISIBLE: Record<LayerId, boolean> = {
  districts: true,
  'district-labels': true,
  yizhuang: true,
  'zgc-scope': true,
  'zgc-subparks': true,
  'zgc-groups': true,
};

export const DEFAULT_OPACITY: Record<LayerId, number> = {
  districts: 1,
  'district-labels': 1,
  yizhuang: 0.55,
  'zgc-scope': 1,
  'zgc-subparks': 0.45,
  'zgc-groups': 0.8,
};

export const useLayerStore = create<LayerUiState>()((set) => ({
  visible: { ...DEFAULT_VISIBLE },
  opacity: { ...DEFAULT_OPACITY },
  setVisible: (id, visible) => set((s) => ({ visible: { ...s.visible, [id]: visible } })),
  setOpacity: (id, opacity) =>
    set((s) => ({ opacity: { ...s.opacity, [id]: Math.min(1, Math.max(0, opacity)) } })),
}));
