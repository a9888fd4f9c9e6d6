// Zoom and pan of the process map as plain maths: a view is `translate(x, y) scale(k)` applied to
// the drawing, in viewport pixels. Pure, so the canvas can update a <g> by ref without React.

export interface View {
  k: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
/** One +/− step (button, key) multiplies or divides the scale by this. */
export const ZOOM_STEP = 1.25;
/** Never enlarge a small map past this when fitting it. */
const FIT_MAX = 1.25;

export const clampZoom = (k: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/** Scales by `factor` around the viewport point (px, py), which stays where it is. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const k = clampZoom(view.k * factor);
  const r = k / view.k;
  return { k, x: px - (px - view.x) * r, y: py - (py - view.y) * r };
}

/** Scales around the centre of the viewport (buttons and keys). */
export const zoomCentre = (view: View, factor: number, viewport: Size): View => zoomAt(view, factor, viewport.width / 2, viewport.height / 2);

export const pan = (view: View, dx: number, dy: number): View => ({ k: view.k, x: view.x + dx, y: view.y + dy });

/** The whole drawing in the viewport, centred, with `pad` pixels around it. */
export function fit(content: Size, viewport: Size, pad = 16): View {
  if (content.width <= 0 || content.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return { k: 1, x: 0, y: 0 };
  const k = clampZoom(Math.min(FIT_MAX, (viewport.width - 2 * pad) / content.width, (viewport.height - 2 * pad) / content.height));
  return { k, x: (viewport.width - content.width * k) / 2, y: (viewport.height - content.height * k) / 2 };
}

/** Below this scale a node's label is hard to read. */
export const READABLE_ZOOM = 0.7;

/**
 * The opening view: the whole width, and the whole height too unless that would make the labels
 * unreadable (a tall map then opens at its top, readable, and pans down).
 */
export function readableFit(content: Size, viewport: Size, pad = 16): View {
  const whole = fit(content, viewport, pad);
  if (whole.k >= READABLE_ZOOM || content.width <= 0 || viewport.width <= 0) return whole;
  const widthFit = (viewport.width - 2 * pad) / content.width;
  const k = clampZoom(Math.min(FIT_MAX, widthFit, READABLE_ZOOM));
  if (k <= whole.k) return whole;
  return { k, x: (viewport.width - content.width * k) / 2, y: pad };
}

/** The smallest pan that brings a box of the drawing (in drawing units) into the viewport. */
export function reveal(view: View, box: { x: number; y: number; width: number; height: number }, viewport: Size, pad = 24): View {
  const shift = (lo: number, hi: number, size: number) => (lo < pad ? pad - lo : hi > size - pad ? Math.max(pad - lo, size - pad - hi) : 0);
  const left = view.x + box.x * view.k;
  const top = view.y + box.y * view.k;
  const dx = shift(left, left + box.width * view.k, viewport.width);
  const dy = shift(top, top + box.height * view.k, viewport.height);
  return dx || dy ? pan(view, dx, dy) : view;
}

/** The wheel's zoom factor for a wheel event's deltaY (pixels), smooth on trackpads and mice. */
export const wheelFactor = (deltaY: number): number => Math.exp(-Math.max(-100, Math.min(100, deltaY)) * 0.0025);

const r2 = (v: number) => Math.round(v * 100) / 100;
export const transformOf = (view: View): string => `translate(${r2(view.x)},${r2(view.y)}) scale(${Math.round(view.k * 10_000) / 10_000})`;
