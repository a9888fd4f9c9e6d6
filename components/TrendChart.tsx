'use client';
// Weekly trend as small multiples drawn with Observable Plot: orders created per week (bars), and
// the weekly medians of order-to-ship and invoice latency (lines). The selected period is shaded.
import * as Plot from '@observablehq/plot';
import { memo, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Period, TrendPoint } from '../mining/types';
import { formatCount, formatHours, formatUtc } from './format';
import { palette } from './palette';
import styles from './TrendChart.module.css';

export interface TrendChartProps {
  points: readonly TrendPoint[];
  /** The selected period, shaded in every chart. */
  highlight: Period;
}

const CHART_HEIGHT = 132;
const WEEK = 7 * 86_400_000;

interface Row {
  start: Date;
  end: Date;
  mid: Date;
  orders: number;
  ots: number | null;
  latency: number | null;
  inPeriod: boolean;
}

type Make = (width: number) => SVGSVGElement | HTMLElement;

interface Multiple {
  id: string;
  title: string;
  hint: string;
  colour: string;
  make: Make;
}

function rows(points: readonly TrendPoint[], highlight: Period): Row[] {
  const from = Date.parse(`${highlight.from}T00:00:00Z`);
  const to = Date.parse(`${highlight.to}T00:00:00Z`);
  return points.map((p) => {
    const start = new Date(`${p.bucket}T00:00:00Z`);
    const end = new Date(start.getTime() + WEEK);
    return {
      start,
      end,
      mid: new Date(start.getTime() + WEEK / 2),
      orders: p.orders,
      ots: p.medianOrderToShipHours,
      latency: p.medianInvoiceLatencyHours,
      inPeriod: end.getTime() > from && start.getTime() < to,
    };
  });
}

function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

function PlotFigure({ make, label, testId }: { make: Make; label: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  useEffect(() => {
    const el = ref.current;
    if (!el || width === 0) return;
    const chart = make(width);
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [make, width]);
  return <div ref={ref} className={styles.plot} style={{ height: CHART_HEIGHT }} role="img" aria-label={label} data-testid={testId} />;
}

export const TrendChart = memo(function TrendChart({ points, highlight }: TrendChartProps) {
  const { from, to } = highlight;
  const multiples = useMemo(() => makeMultiples(points, { from, to }), [points, from, to]);
  if (multiples === null) {
    return <p className={styles.empty}>No orders in the twelve months up to this period.</p>;
  }
  return (
    <div className={styles.multiples} data-testid="trend-chart">
      {multiples.map((m) => (
        <figure key={m.id} className={styles.figure}>
          <figcaption className={styles.caption} title={m.hint}>
            <span className={styles.swatch} style={{ background: m.colour }} /> {m.title}
          </figcaption>
          <PlotFigure make={m.make} label={m.title} testId={`trend-${m.id}`} />
        </figure>
      ))}
    </div>
  );
});

function makeMultiples(points: readonly TrendPoint[], highlight: Period): Multiple[] | null {
  const data = rows(points, highlight);
  if (data.length === 0) return null;
  const shade = [{ x1: new Date(`${highlight.from}T00:00:00Z`), x2: new Date(`${highlight.to}T00:00:00Z`) }];
  const domain: [Date, Date] = [data[0].start, data[data.length - 1].end];
  const week = (d: Row) => `Week of ${formatUtc(d.start.toISOString(), 'd MMM yyyy')}`;
  const frame = (width: number): Plot.PlotOptions => ({
    width,
    height: CHART_HEIGHT,
    marginLeft: 40,
    marginRight: 10,
    marginTop: 8,
    marginBottom: 22,
    style: { fontSize: '11px', color: palette.muted, background: 'transparent', overflow: 'visible' },
    x: { type: 'utc', domain, label: null, ticks: 5 },
  });
  const background = () => [Plot.rect(shade, { x1: 'x1', x2: 'x2', fill: palette.highlight })];

  const orders: Make = (width) =>
    Plot.plot({
      ...frame(width),
      y: { grid: true, label: null, nice: true, ticks: 4, tickFormat: (v: number) => formatCount(v) },
      marks: [
        ...background(),
        Plot.rectY(data, {
          x1: 'start',
          x2: 'end',
          y: 'orders',
          insetLeft: 0.75,
          insetRight: 0.75,
          fill: (d: Row) => (d.inPeriod ? palette.chartStrong : palette.chartSoft),
        }),
        Plot.ruleY([0], { stroke: palette.border }),
        Plot.tip(data, Plot.pointerX({ x1: 'start', x2: 'end', y: 'orders', title: (d: Row) => `${week(d)}\n${formatCount(d.orders)} orders created` })),
      ],
    });

  /** A weekly median in hours, drawn in days when it runs over three days. */
  const duration = (pick: (d: Row) => number | null, colour: string, name: string): { make: Make; unit: string } => {
    const inDays = Math.max(0, ...data.map((d) => pick(d) ?? 0)) > 72;
    const y = (d: Row) => {
      const v = pick(d);
      return v === null ? NaN : inDays ? v / 24 : v;
    };
    const make: Make = (width) =>
      Plot.plot({
        ...frame(width),
        y: { grid: true, label: null, nice: true, zero: true, ticks: 4, tickFormat: (v: number) => `${v} ${inDays ? 'd' : 'h'}` },
        marks: [
          ...background(),
          Plot.lineY(data, { x: 'mid', y, stroke: colour, strokeWidth: 2, curve: 'monotone-x' }),
          Plot.dot(data, { x: 'mid', y, fill: colour, r: 2 }),
          Plot.tip(data, Plot.pointerX({ x: 'mid', y, title: (d: Row) => `${week(d)}\n${name} ${pick(d) === null ? '—' : formatHours(pick(d) ?? 0)}` })),
        ],
      });
    return { make, unit: inDays ? 'days' : 'hours' };
  };

  const ots = duration((d) => d.ots, palette.chartLine, 'Median order-to-ship');
  const latency = duration((d) => d.latency, palette.chartAlt, 'Median invoice latency');
  return [
    { id: 'orders', title: 'Orders created per week', hint: 'Sales orders by the week of Create Sales Order.', colour: palette.chartStrong, make: orders },
    {
      id: 'ots',
      title: `Median order-to-ship, ${ots.unit}`,
      hint: 'Weekly median of the order-to-ship time, as in the KPI card.',
      colour: palette.chartLine,
      make: ots.make,
    },
    {
      id: 'latency',
      title: `Median invoice latency, ${latency.unit}`,
      hint: 'Weekly median of goods issue to invoice, as in the KPI card.',
      colour: palette.chartAlt,
      make: latency.make,
    },
  ];
}
