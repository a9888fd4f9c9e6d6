// Variants of the selected cases: ranked by cases, with share and case durations.
import type { Store } from '../../sql';
import { selectedQuery } from '../filter/selection';
import { scope, variantActivities, type ViewOptions } from './common';

export interface Variant {
  /** 1 = the log's most frequent variant (numbered over all cases, stable while the data is). */
  variantNo: number;
  activities: string[];
  cases: number;
  /** Share of the selected cases, 0..1. */
  share: number;
  medianSeconds: number | null;
  meanSeconds: number | null;
  minSeconds: number | null;
  maxSeconds: number | null;
}

export interface Variants {
  logId: string;
  perspective: string;
  totalCases: number;
  totalVariants: number;
  variants: Variant[];
}

interface Row {
  variant_no: number;
  variant: string;
  cases: number;
  median_seconds: number | null;
  mean_seconds: number | null;
  min_seconds: number | null;
  max_seconds: number | null;
}

export async function variants(store: Store, opts: ViewOptions & { limit?: number } = {}): Promise<Variants> {
  const s = await scope(store, opts);
  const limit = Math.max(1, Math.min(opts.limit ?? 100, 10_000));
  const [[totals], rows] = await Promise.all([
    selectedQuery<{ variants: number; cases: number }>(store, 'mining/views/variant-totals', s.base, s.selection),
    selectedQuery<Row>(store, 'mining/views/variants', { ...s.base, limit }, s.selection),
  ]);
  return {
    logId: s.logId,
    perspective: s.perspective,
    totalCases: totals.cases,
    totalVariants: totals.variants,
    variants: rows.map((r) => ({
      variantNo: r.variant_no,
      activities: variantActivities(r.variant),
      cases: r.cases,
      share: totals.cases ? r.cases / totals.cases : 0,
      medianSeconds: r.median_seconds,
      meanSeconds: r.mean_seconds,
      minSeconds: r.min_seconds,
      maxSeconds: r.max_seconds,
    })),
  };
}
