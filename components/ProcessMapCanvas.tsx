'use client';
// A zoomable, pannable SVG viewport. The view (scale and offset) lives in a ref and is written to
// the <g>'s transform attribute once per animation frame, so wheel, drag and keys never re-render
// React (a large map has thousands of elements). Wheel zooms around the pointer; drag pans; the
// keys + / − zoom, arrows pan, 0 fits; the buttons do the same.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, type ReactNode } from 'react';
import { fit, pan, readableFit, reveal, transformOf, wheelFactor, zoomAt, zoomCentre, ZOOM_STEP, type Size, type View } from './map-viewport';
import styles from './ProcessMapCanvas.module.css';

export interface ProcessMapCanvasProps {
  /** Size of the drawing in its own units. */
  content: Size;
  /** When this changes the view opens again (a new log or perspective); otherwise the view stays put. */
  fitKey: string;
  ariaLabel: string;
  children: ReactNode;
  /** Drawn over the viewport (tooltips), in viewport pixels. */
  overlay?: ReactNode;
  /** Definitions (markers) for the SVG. */
  defs?: ReactNode;
  height: string;
}

export interface ProcessMapCanvasHandle {
  /** Pans so a box of the drawing (drawing units) is visible, e.g. the node that got focus. */
  reveal(box: { x: number; y: number; width: number; height: number }): void;
  /** Moves the view by a distance in drawing units (keeps nodes in place when the drawing changes). */
  shift(dx: number, dy: number): void;
  /** Whether the last pointer interaction was a drag (clicks at its end are not clicks). */
  dragged(): boolean;
}

const PAN_STEP = 60;

export const ProcessMapCanvas = forwardRef<ProcessMapCanvasHandle, ProcessMapCanvasProps>(function ProcessMapCanvas(
  { content, fitKey, ariaLabel, children, overlay, defs, height },
  ref,
) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const zoomLabel = useRef<HTMLSpanElement>(null);
  const view = useRef<View>({ k: 1, x: 0, y: 0 });
  const frame = useRef(0);
  const drag = useRef<{ id: number; x: number; y: number; moved: boolean } | null>(null);
  const wasDrag = useRef(false);
  const fitted = useRef<string | null>(null);
  const contentRef = useRef(content);
  contentRef.current = content;

  const size = (): Size => {
    const el = viewportRef.current;
    return { width: el?.clientWidth ?? 0, height: el?.clientHeight ?? 0 };
  };

  const paint = useCallback(() => {
    frame.current = 0;
    layerRef.current?.setAttribute('transform', transformOf(view.current));
    if (zoomLabel.current) zoomLabel.current.textContent = `${Math.round(view.current.k * 100)} %`;
  }, []);

  const set = useCallback(
    (next: View) => {
      view.current = next;
      if (!frame.current) frame.current = requestAnimationFrame(paint);
    },
    [paint],
  );

  const fitNow = useCallback(() => set(fit(contentRef.current, size())), [set]);

  // Fit on the first drawing and when the map's subject changes; not when sliders change it.
  useLayoutEffect(() => {
    if (fitted.current === fitKey || content.width === 0) return;
    const s = size();
    if (s.width === 0) return;
    fitted.current = fitKey;
    view.current = readableFit(content, s);
    paint();
  }, [fitKey, content, paint]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  useImperativeHandle(
    ref,
    () => ({
      reveal: (box) => set(reveal(view.current, box, size())),
      shift: (dx, dy) => {
        view.current = pan(view.current, dx * view.current.k, dy * view.current.k);
        paint(); // now, with the new drawing, so it never shows in the old place
      },
      dragged: () => wasDrag.current,
    }),
    [set, paint],
  );

  // Wheel needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = viewportRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const factor = wheelFactor(e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY);
      set(zoomAt(view.current, factor, e.clientX - r.left, e.clientY - r.top));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [set]);

  const step = (dir: 1 | -1) => set(zoomCentre(view.current, dir > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, size()));

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
    if (e.key === '+' || e.key === '=') step(1);
    else if (e.key === '-' || e.key === '_') step(-1);
    else if (e.key === '0') fitNow();
    else if (moves[e.key]) set(pan(view.current, ...moves[e.key]));
    else return;
    e.preventDefault();
  };

  return (
    <div className={styles.frame} style={{ height }}>
      <div
        ref={viewportRef}
        className={styles.viewport}
        tabIndex={0}
        role="group"
        aria-label={`${ariaLabel}. Plus and minus zoom, arrow keys pan, 0 fits the map; Tab moves through activities and paths.`}
        data-testid="map-viewport"
        onKeyDown={onKeyDown}
        // Focus moving to a node must not scroll the viewport (the view pans instead).
        onScroll={(e) => {
          e.currentTarget.scrollTop = 0;
          e.currentTarget.scrollLeft = 0;
        }}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
          wasDrag.current = false;
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d || d.id !== e.pointerId) return;
          const dx = e.clientX - d.x;
          const dy = e.clientY - d.y;
          if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
          if (!d.moved) {
            d.moved = true;
            e.currentTarget.setPointerCapture(e.pointerId);
            e.currentTarget.classList.add(styles.dragging);
          }
          d.x = e.clientX;
          d.y = e.clientY;
          set(pan(view.current, dx, dy));
        }}
        onPointerUp={(e) => {
          wasDrag.current = !!drag.current?.moved;
          drag.current = null;
          e.currentTarget.classList.remove(styles.dragging);
        }}
        onPointerCancel={(e) => {
          drag.current = null;
          e.currentTarget.classList.remove(styles.dragging);
        }}
      >
        <svg className={styles.svg} width="100%" height="100%" data-testid="process-map">
          {defs && <defs>{defs}</defs>}
          <g ref={layerRef} data-testid="map-transform" transform={transformOf(view.current)}>
            {children}
          </g>
        </svg>
        {overlay}
      </div>
      <div className={styles.zoom} role="group" aria-label="Zoom">
        <button type="button" onClick={() => step(-1)} aria-label="Zoom out" title="Zoom out (−)" data-testid="zoom-out">
          −
        </button>
        <span ref={zoomLabel} className={styles.zoomValue} aria-live="off" data-testid="zoom-value">
          100 %
        </span>
        <button type="button" onClick={() => step(1)} aria-label="Zoom in" title="Zoom in (+)" data-testid="zoom-in">
          +
        </button>
        <button type="button" onClick={fitNow} title="Show the whole map (0)" data-testid="zoom-fit">
          Fit
        </button>
      </div>
    </div>
  );
});
