'use client';
// An Observable Plot chart that fills its container's width: `make(width)` draws it, again on
// every resize. The figure is an image with a label for screen readers; the numbers it shows are
// also in a table or list next to it.
import { useEffect, useRef, useState } from 'react';
import styles from './PlotFigure.module.css';

export type MakePlot = (width: number) => SVGSVGElement | HTMLElement;

export function PlotFigure({ make, label, height, testId }: { make: MakePlot; label: string; height: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el || width === 0) return;
    const chart = make(width);
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [make, width]);
  return <div ref={ref} className={styles.plot} style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
