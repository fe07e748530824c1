import type { ViewSpec } from '../core/present/story';
import { useLayerStore } from './layers-store';
import { useFilterStore } from './filter-store';
import { usePanelStore } from './panel-store';
import { useAnalysisStore } from './analysis-store';
import { useViewStore } from './view-store';
import { useExtrudeStore } from './extrude-store';

/** Shows a saved view: its layers, filter and selection now; the map then flies to its frame. */
export function applyView(v: ViewSpec) {
  useLayerStore.setState({ visible: { ...v.visible } });
  useFilterStore.setState({ filter: v.filter });
  useExtrudeStore.getState().setSpec(v.extrude ?? null);
  usePanelStore.getState().close();
  if (v.selection !== undefined) useAnalysisStore.getState().select(v.selection);
  useViewStore.getState().showFrame(v.frame);
}
