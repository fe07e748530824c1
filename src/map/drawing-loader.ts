/**
 * The drawing engine (terra-draw, its MapLibre adapter and the readout's
 * measuring code) is loaded on first use, not with the page. Buttons that
 * start drawing or editing call this on hover and focus, so the code is
 * usually there by the time they are pressed.
 */
let loading: Promise<typeof import('./drawing')> | null = null;

export function loadDrawing(): Promise<typeof import('./drawing')> {
  // A failed load (say, the app was updated on the server meanwhile) is tried again next time.
  loading ??= import('./drawing').catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/** Props for a button that starts drawing or editing: fetch the engine when the user reaches for it. */
const preload = () => void loadDrawing().catch(() => undefined); // a failure is reported when the mode is picked
export const preloadDrawing = { onPointerEnter: preload, onFocus: preload };
