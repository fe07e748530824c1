import type { ViewSpec } from '../core/present/story';
import { useLayerStore } from './layers-store';
import { useFilterStore } from './filter-store';
import { usePanelStore, type PlaceRef } from './panel-store';
import { useAnalysisStore } from './analysis-store';
import { useViewStore } from './view-store';
import { useExtrudeStore } from './extrude-store';
import { useBasemapStore } from './basemap-store';
import { BASEMAPS, type BasemapId } from '../map/basemaps';
import type { SharedView } from '../core/present/share-link';

/** Shows a saved view: its layers, filter and selection now; the map then flies to its frame. */
export function applyView(v: ViewSpec) {
  useLayerStore.setState({ visible: { ...v.visible } });
  useFilterStore.setState({ filter: v.filter });
  useExtrudeStore.getState().setSpec(v.extrude ?? null);
  usePanelStore.getState().close();
  if (v.selection !== undefined) useAnalysisStore.getState().select(v.selection);
  useViewStore.getState().showFrame(v.frame);
}

/** Opens a shared link's view at once: layers, filter, 3D, basemap, place panel, then the camera (no flight). */
export function applySharedView(v: SharedView) {
  useLayerStore.setState({ visible: { ...v.visible } });
  useFilterStore.setState({ filter: v.filter });
  useExtrudeStore.getState().setSpec(v.extrude);
  if (BASEMAPS.some((b) => b.id === v.basemap)) useBasemapStore.getState().choose(v.basemap as BasemapId);
  // The view's own camera shows it: the panel opens without moving the map.
  if (v.place) usePanelStore.getState().open(v.place as PlaceRef, { frame: false });
  else usePanelStore.getState().close();
  useViewStore.getState().showFrame({ kind: 'camera', ...v.camera }, true);
}
