import type * as maplibregl from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawFreehandMode,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Polygon, Position } from 'geojson';
import type { TFunction } from 'i18next';
import { activeScenario, useDocumentStore } from '../state/document-store';
import { useAnalysisStore } from '../state/analysis-store';
import { useDrawStore, type DrawTarget, type EditSession } from '../state/draw-store';
import { addBlocks, newBlockId, updateBlock } from '../doc/model';
import { readoutContext, readoutFor } from './readout';
import type { ReportContext } from '../core/report/context';
import { intersectionGeometry } from '../core/report/context';
import { buildSnapIndex, snapPoint, type SnapIndex } from '../core/geo/snap';
import type { Areal } from '../core/overlay/zones';

/**
 * The drawing engine (terra-draw with its MapLibre adapter) wired to the
 * document: drawing new blocks, replacing a block's outline, drawing a
 * block's retained part, and editing vertices (move, insert at midpoints,
 * delete with a right-click) with snapping to other blocks' and sub-parks'
 * vertices and edges. Every result lands as one undoable change.
 */

const DRAW_MODES = ['polygon', 'rectangle', 'freehand'] as const;
/** terra-draw keeps 9 decimals (0.1 mm); vertices the planner did not move keep their full precision. */
const PRECISION = 9;
const SNAP_PX = 10;

const round = (p: Position): Position => [
  Math.round(p[0]! * 10 ** PRECISION) / 10 ** PRECISION,
  Math.round(p[1]! * 10 ** PRECISION) / 10 ** PRECISION,
];
const key = (p: Position) => `${p[0]},${p[1]}`;

export function attachDrawing(map: maplibregl.Map, t: TFunction): TerraDraw {
  let ctx: ReportContext | null = null;
  void readoutContext().then((c) => (ctx = c));
  let snapIndex: SnapIndex | null = null;

  const toCustom = (event: { containerX: number; containerY: number }): Position | undefined => {
    if (!useDrawStore.getState().snapping || !snapIndex) return undefined;
    const s = snapPoint(
      snapIndex,
      event.containerX,
      event.containerY,
      SNAP_PX,
      (lon, lat) => map.project([lon, lat]),
      (x, y) => map.unproject([x, y]),
    );
    return s ? round(s.position) : undefined;
  };

  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: PRECISION }),
    modes: [
      new TerraDrawPolygonMode({ snapping: { toCustom } }),
      new TerraDrawRectangleMode(),
      new TerraDrawFreehandMode(),
      new TerraDrawSelectMode({
        allowManualDeselection: false,
        flags: {
          polygon: {
            feature: {
              draggable: false,
              selfIntersectable: false,
              coordinates: {
                draggable: true,
                midpoints: { draggable: true },
                deletable: true,
                snappable: { toCustom },
              },
            },
          },
        },
      }),
    ],
  });
  draw.start();

  /** Other blocks and the sub-parks, for snapping (the shape being edited is left out). */
  const rebuildSnapIndex = (exclude?: string) => {
    const sc = activeScenario(useDocumentStore.getState().doc);
    const shapes: Areal[] = sc.order.filter((id) => id !== exclude).map((id) => sc.blocks[id]!.geometry);
    if (ctx) for (const z of ctx.subparks.all) shapes.push(z.geometry);
    snapIndex = buildSnapIndex(shapes);
  };

  let lastPoint = { x: 0, y: 0 };
  map.on('mousemove', (e) => (lastPoint = e.point));
  // The readout is measured and shown once per frame, for the latest outline: pointers can
  // report moves faster than the screen updates, and each shown readout is a React render.
  const changed = new Set<string | number>();
  let frame = 0;
  draw.on('change', (ids) => {
    for (const id of ids) changed.add(id);
    if (!frame) frame = requestAnimationFrame(showReadout);
  });
  const cancelReadout = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    changed.clear();
  };
  const showReadout = () => {
    frame = 0;
    const ids = [...changed];
    changed.clear();
    const st = useDrawStore.getState();
    if (st.mode === 'idle' || !ctx) return;
    // The readout measures the outline being drawn or edited (not a retained part).
    if (st.target.kind === 'retained' || st.edit?.field === 'retained') return;
    const f = ids.map((id) => draw.getSnapshotFeature(id)).find((x) => x?.geometry.type === 'Polygon');
    if (!f) return;
    const ring = (f.geometry as Polygon).coordinates[0] ?? [];
    if (ring.length < 4) return;
    const r = readoutFor(ctx, f.geometry as Polygon);
    if (!r) return;
    st.setReadout({
      areaKm2: r.areaKm2,
      mendedAreaKm2: r.mendedAreaKm2,
      subpark: r.subpark,
      share: r.shareOfSubpark,
      shareDenominator: r.shareDenominator,
      mode: r.mode,
      warnings: r.warnings,
      x: lastPoint.x,
      y: lastPoint.y,
    });
  };

  draw.on('finish', (id) => {
    const st = useDrawStore.getState();
    if (st.mode === 'edit') return; // edits are saved on request, not per drag
    const f = draw.getSnapshotFeature(id) as GeoJSONStoreFeatures | undefined;
    draw.removeFeatures([id]);
    cancelReadout();
    st.setReadout(null);
    if (!f || f.geometry.type !== 'Polygon') return;
    placeDrawn(f.geometry as Polygon, st.target, t);
    // Replacing and redrawing are one-shot; drawing new blocks goes on until the planner stops.
    if (st.target.kind !== 'new') useDrawStore.getState().setMode('idle');
  });

  // Edit sessions.
  let editing: { featureId: string | number; session: EditSession; originals: Map<string, Position> } | null =
    null;
  const stopEditing = () => {
    if (editing) draw.removeFeatures([editing.featureId]);
    editing = null;
  };
  const beginEdit = (session: EditSession) => {
    const sc = activeScenario(useDocumentStore.getState().doc);
    const b = sc.blocks[session.blockId];
    const geometry =
      session.field === 'geometry'
        ? b?.geometry
        : (b?.retained ?? useAnalysisStore.getState().suggestions.get(session.blockId)?.geometry);
    const fail = (msg: string) => {
      useDrawStore.getState().endEdit(false);
      useDrawStore.getState().setMessage(msg);
    };
    if (!b || !geometry) return fail(t('edit.nothing'));
    if (geometry.type !== 'Polygon' || geometry.coordinates.length !== 1) return fail(t('edit.notSimple'));
    const originals = new Map<string, Position>();
    const ring = geometry.coordinates[0]!.map((p) => {
      const r = round(p);
      originals.set(key(r), p);
      return r;
    });
    const [res] = draw.addFeatures([
      {
        type: 'Feature',
        properties: { mode: 'polygon' },
        geometry: { type: 'Polygon', coordinates: [ring] },
      },
    ]);
    if (!res?.valid || res.id === undefined) return fail(t('edit.invalid', { reason: res?.reason ?? '?' }));
    editing = { featureId: res.id, session, originals };
    rebuildSnapIndex(session.field === 'geometry' ? session.blockId : undefined);
    draw.setMode('select');
    draw.selectFeature(res.id);
  };
  const saveEdit = () => {
    if (!editing) return;
    const f = draw.getSnapshotFeature(editing.featureId);
    const { session, originals } = editing;
    stopEditing();
    useDrawStore.getState().endEdit(false);
    if (!f || f.geometry.type !== 'Polygon') return;
    // Unmoved vertices get their original coordinates back.
    const ring = (f.geometry as Polygon).coordinates[0]!.map((p) => originals.get(key(p)) ?? p);
    const geometry: Polygon = { type: 'Polygon', coordinates: [ring] };
    const doc = useDocumentStore.getState().doc;
    const b = activeScenario(doc).blocks[session.blockId];
    if (!b) return;
    if (session.field === 'geometry') {
      // A new outline invalidates a retained part drawn for the old one.
      const { retained: _dropped, ...rest } = b;
      void _dropped;
      useDocumentStore.getState().commit(updateBlock(doc, { ...rest, geometry }, 'edit vertices'));
    } else setRetained(session.blockId, geometry, t);
  };

  const applyMode = () => {
    const st = useDrawStore.getState();
    if (st.mode === 'edit') return; // beginEdit sets the select mode itself
    stopEditing();
    if (DRAW_MODES.includes(st.mode as never)) {
      rebuildSnapIndex(st.target.kind === 'replace' ? st.target.blockId : undefined);
      draw.setMode(st.mode);
    } else draw.setMode('static');
  };
  // Attached when the planner first picks a mode, which may already be an edit.
  const initial = useDrawStore.getState();
  if (initial.mode === 'edit' && initial.edit) beginEdit(initial.edit);
  else applyMode();
  useDrawStore.subscribe((st, prev) => {
    if (st.mode !== prev.mode || st.target !== prev.target) {
      if (st.mode === 'edit' && st.edit && st.edit !== prev.edit) {
        stopEditing();
        beginEdit(st.edit);
      } else applyMode();
    }
    if (st.saveRequest !== prev.saveRequest) saveEdit();
  });
  return draw;
}

/** A finished drawing: a new block, a block's new outline, or a block's retained part. */
function placeDrawn(geometry: Polygon, target: DrawTarget, t: TFunction) {
  const doc = useDocumentStore.getState().doc;
  const sc = activeScenario(doc);
  if (target.kind === 'new') {
    const bid = newBlockId(doc);
    useDocumentStore.getState().commit(
      addBlocks(
        doc,
        [
          {
            id: bid,
            name: `区块${sc.order.length + 1}`,
            geometry,
            attributes: {},
            origin: { kind: 'drawn' },
          },
        ],
        'draw',
      ),
    );
    useAnalysisStore.getState().select(bid);
    return;
  }
  const b = sc.blocks[target.blockId];
  if (!b) return;
  if (target.kind === 'replace') {
    const { retained: _dropped, ...rest } = b;
    void _dropped;
    useDocumentStore.getState().commit(updateBlock(doc, { ...rest, geometry }, 'replace outline'));
  } else setRetained(target.blockId, geometry, t);
}

/** Sets a block's retained part, clipped to the block; a shape wholly outside it is refused. */
function setRetained(blockId: string, shape: Polygon, t: TFunction) {
  const doc = useDocumentStore.getState().doc;
  const b = activeScenario(doc).blocks[blockId];
  if (!b) return;
  const clipped = intersectionGeometry(shape, b.geometry);
  if (!clipped) {
    useDrawStore.getState().setMessage(t('edit.retainedOutside'));
    return;
  }
  useDocumentStore.getState().commit(updateBlock(doc, { ...b, retained: clipped }, 'retained shape'));
}
