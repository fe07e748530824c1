import type { GeoJSONSource, GeoJSONSourceDiff, Map as MaplibreMap } from 'maplibre-gl';
import type { Feature, Geometry } from 'geojson';
import { cloneWeight, timeSlices, yieldToPage } from '../util/tasks';
import { serializeLazily } from './lazy-serialize';
import { simplifyArealSteps } from '../core/geo/simplify';

/**
 * Feeds a GeoJSON source by differences (`updateData`), a piece at a time.
 * `setData(object)` would serialise every feature for MapLibre's worker in
 * one main-thread task (≈ 0.4 s for 10,000 blocks here, seconds for
 * 100,000), and a URL would not help: MapLibre's worker sends what it loaded
 * back to the page, which deserialises all of it in one task. Here only what
 * changed is sent (an edit among 100,000 blocks sends one feature, a verdict
 * change its properties), in pieces that each clone in a few milliseconds,
 * one piece per worker round trip so MapLibre does not merge them back into
 * one large message.
 */

export interface FeedFeature {
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly geometry: Geometry;
}

/** Clone weight (≈ positions) of one piece sent to MapLibre's worker. */
const PIECE_WEIGHT = 10_000;

/**
 * A polygon of more positions than this is drawn from a thinned outline (core/geo/simplify.ts):
 * cloning a million positions for MapLibre's worker held the page for seconds. A centimetre
 * (1e-7°) is far below a pixel at any zoom the map shows; measurements use the block itself.
 */
const DISPLAY_LIMIT = 20_000;
const DISPLAY_TOLERANCE = 1e-7;
const thinned = new WeakMap<Geometry, Geometry>();

async function displayGeometry(g: Geometry, slices: ReturnType<typeof timeSlices>): Promise<Geometry> {
  if ((g.type !== 'Polygon' && g.type !== 'MultiPolygon') || cloneWeight(g) <= DISPLAY_LIMIT) return g;
  const known = thinned.get(g);
  if (known) return known;
  const steps = simplifyArealSteps(g, DISPLAY_TOLERANCE);
  let r = steps.next();
  while (!r.done) {
    if (slices.due()) await slices.next();
    r = steps.next();
  }
  thinned.set(g, r.value);
  return r.value;
}

export interface GeoJsonFeed {
  /**
   * Makes the source hold these features. A later call supersedes an unfinished one (what was
   * already sent stays, and the next call sends the rest). Resolves when done or superseded.
   */
  set(features: () => Iterable<FeedFeature>, total: number): Promise<void>;
  /** Stops any unfinished feed. */
  dispose(): void;
}

/**
 * What the source holds of each feature, by id: its geometry object and the
 * properties object it was sent (two maps, so no object per feature; MapLibre
 * keeps an added feature's properties object, so holding it costs nothing more).
 */
interface Shown {
  readonly geometry: Map<string, Geometry>;
  readonly props: Map<string, Readonly<Record<string, unknown>>>;
}

/** Whether two features' properties hold the same values (they are flat: ids, names, modes, numbers). */
function sameProps(a: Readonly<Record<string, unknown>> | undefined, b: Readonly<Record<string, unknown>>) {
  if (!a) return false;
  for (const k in b) if (!Object.is(a[k], b[k])) return false;
  for (const k in a) if (!(k in b)) return false;
  return true;
}

const noneShown = (): Shown => ({ geometry: new Map(), props: new Map() });

/**
 * `onProgress` hears, while a change takes more than one piece, how many of the
 * features have been sent, and null once the map has all of them.
 */
export function createGeoJsonFeed(
  map: MaplibreMap,
  sourceId: string,
  onProgress: (p: { done: number; total: number } | null) => void = () => undefined,
): GeoJsonFeed {
  let run = 0;
  /** What the source holds, as far as pieces sent so far go. */
  let shown = noneShown();
  let shownIn: GeoJSONSource | null = null;
  let resetNext = false;
  let queue: Promise<void> = Promise.resolve();
  /** Whether a progress report is on screen. */
  let showing = false;

  const feed = async (mine: number, features: () => Iterable<FeedFeature>, total: number) => {
    // Not in the task of the change that asked (its own commit and render are enough for one task).
    await yieldToPage();
    const source = map.getSource(sourceId) as GeoJSONSource | undefined;
    if (mine !== run || !source) return;
    // A re-created source starts empty.
    if (source !== shownIn) {
      shown = noneShown();
      shownIn = source;
      serializeLazily(source);
    }
    let add: Feature[] = [];
    let update: NonNullable<GeoJSONSourceDiff['update']> = [];
    let remove: string[] = [];
    /** What the coming piece sends: geometries and properties (removals are `remove`). */
    let pending = noneShown();
    let weight = 0;
    const send = async () => {
      if (!weight && !resetNext) return;
      // After a failed piece, what the source holds is unknown: start again from nothing.
      const diff: GeoJSONSourceDiff = resetNext
        ? { removeAll: true, add, update, remove }
        : { add, update, remove };
      const done = pending;
      const gone = remove;
      add = [];
      update = [];
      remove = [];
      pending = noneShown();
      weight = 0;
      try {
        await source.updateData(diff);
        resetNext = false;
        for (const [id, g] of done.geometry) shown.geometry.set(id, g);
        for (const [id, p] of done.props) shown.props.set(id, p);
        for (const id of gone) {
          shown.geometry.delete(id);
          shown.props.delete(id);
        }
      } catch {
        // What the worker holds is unknown: the next feed starts from nothing.
        shown = noneShown();
        resetNext = true;
        throw new Error(`the map did not take the update of ${sourceId}`);
      }
    };
    const slices = timeSlices();

    const seen = new Set<string>();
    for (const f of features()) {
      seen.add(f.id);
      const hadGeometry = shown.geometry.get(f.id);
      if (hadGeometry !== f.geometry) {
        const geometry = await displayGeometry(f.geometry, slices);
        if (mine !== run) return;
        add.push({ type: 'Feature', id: f.id, properties: f.properties, geometry });
        weight += cloneWeight(geometry);
        pending.geometry.set(f.id, f.geometry);
        pending.props.set(f.id, f.properties);
      } else if (!sameProps(shown.props.get(f.id), f.properties)) {
        // The same keys every time (a feature's keys never go), so only values are sent.
        update.push({
          id: f.id,
          addOrUpdateProperties: Object.entries(f.properties).map(([key, value]) => ({ key, value })),
        });
        weight += 20;
        pending.props.set(f.id, f.properties);
      }
      if (weight >= PIECE_WEIGHT) {
        await send();
        onProgress({ done: seen.size, total });
        showing = true;
      }
      if (slices.due()) {
        await slices.next();
        if (mine !== run) return;
      }
    }
    for (const id of shown.geometry.keys())
      if (!seen.has(id)) {
        remove.push(id);
        weight += 1;
      }
    await send();
  };

  return {
    set(features, total) {
      const mine = ++run;
      // One feed at a time, each diffing against what the ones before it sent.
      // A failed piece leaves `shown` empty, so the next change resends everything; nothing to report here.
      const job = queue.then(() => feed(mine, features, total)).catch(() => undefined);
      queue = job.then(() => {
        // The latest change is in (or could not be sent): no progress is pending any more.
        if (mine === run && showing) {
          showing = false;
          onProgress(null);
        }
      });
      return queue;
    },
    dispose() {
      run++;
    },
  };
}
