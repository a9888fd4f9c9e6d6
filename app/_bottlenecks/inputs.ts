// The bottlenecks page's URL state (`dim`, `outcome`) and the filters behind its rows. Pure.
import type { BottleneckDimension, Driver, Filter, TransitionTime } from '../../mining/types';

export interface DimensionChoice {
  id: BottleneckDimension;
  label: string;
  o2c?: true;
}

export const DIMENSIONS: readonly DimensionChoice[] = [
  { id: 'none', label: 'None' },
  { id: 'resource', label: 'Resource' },
  { id: 'segment', label: 'Segment', o2c: true },
  { id: 'channel', label: 'Channel', o2c: true },
  { id: 'order_type', label: 'Order type', o2c: true },
  { id: 'warehouse', label: 'Warehouse', o2c: true },
  { id: 'customer_name', label: 'Customer', o2c: true },
];

export const dimensionsFor = (isO2C: boolean) => DIMENSIONS.filter((d) => isO2C || !d.o2c);

/** The dimension in the URL if this log offers it, else none. */
export function readDimension(raw: string | null, isO2C: boolean): BottleneckDimension {
  return dimensionsFor(isO2C).find((d) => d.id === raw)?.id ?? 'none';
}

export const DEFAULT_OUTCOME = 'latePayment';
export const readOutcome = (raw: string | null, known: readonly { id: string }[] | undefined): string =>
  raw && (!known || known.some((o) => o.id === raw)) ? raw : DEFAULT_OUTCOME;

const ATTRIBUTE_LABELS: Record<string, string> = { segment: 'Segment', channel: 'Channel', order_type: 'Order type', warehouse: 'Warehouse', payment_terms: 'Payment terms', customer_name: 'Customer' };
export const attributeLabel = (a: string): string => ATTRIBUTE_LABELS[a] ?? a;

/** The cases with a transition (directly follows), and its value when split by a case attribute. */
export function transitionFilters(row: TransitionTime, dim: BottleneckDimension): Filter[] {
  const f: Filter[] = [{ kind: 'follows', from: row.source, to: row.target, directly: true }];
  if (dim !== 'none' && dim !== 'resource' && row.value !== null) f.push({ kind: 'attribute', attribute: dim, values: [row.value] });
  return f;
}

/** The orders with a driver's attribute value(s). */
export const driverFilters = (d: Driver): Filter[] => d.conditions.map((c) => ({ kind: 'attribute', attribute: c.attribute, values: [c.value] }));

/** The work-in-progress window: the 13 weeks up to the newest event (whole UTC days). */
export function wipWindow(lastEvent: string | null): { from: string; to: string } | null {
  if (!lastEvent) return null;
  const end = new Date(lastEvent);
  if (Number.isNaN(end.getTime())) return null;
  const to = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate() + 1));
  const from = new Date(to.getTime() - 91 * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}
