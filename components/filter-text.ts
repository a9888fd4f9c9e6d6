// Filters in words, for the filter bar's chips and the screen reader. Pure.
import type { Filter } from '../mining/types';
import { formatMonthShort, formatPeriod, formatSeconds, formatUtc } from './format';

const ATTRIBUTE_LABELS: Record<string, string> = {
  segment: 'Segment',
  channel: 'Channel',
  order_type: 'Order type',
  warehouse: 'Warehouse',
  customer_id: 'Customer id',
  customer_name: 'Customer',
  currency: 'Currency',
  payment_terms: 'Payment terms',
};

export const attributeLabel = (a: string): string => ATTRIBUTE_LABELS[a] ?? a;

const day = (iso: string) => formatUtc(iso, iso.length > 10 ? 'd MMM yyyy HH:mm' : 'd MMM yyyy');

function some(values: readonly string[], max = 2): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')} +${values.length - max}`;
}

/** The DSO-impact stages (mining/dso-impact STAGES labels, shortened for a chip). */
const STAGE_LABELS: Record<string, string> = {
  creditHold: 'Credit holds',
  pricingApproval: 'Pricing approvals',
  warehouse: 'Warehouse (release to goods issue)',
  invoiceLatency: 'Invoice latency',
  dispute: 'Disputes',
  latePayment: 'Late payment',
};

/** "Nov 2025" for a whole calendar month, "3–9 Nov 2025" for other days, else the times. */
function invoicePeriod(from: string, to: string): string {
  if (from.length !== 10 || to.length !== 10) return `${day(from)} – ${day(to)}`;
  const month = from.slice(0, 7);
  if (from.endsWith('-01') && to === new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)), 1)).toISOString().slice(0, 10)) return formatMonthShort(month);
  return formatPeriod({ from, to });
}

/** The AR aging buckets (mining/ar-aging AGING_BUCKETS labels). */
const BUCKET_LABELS: Record<string, string> = {
  current: 'not yet due',
  d1_30: '1–30 days past due',
  d31_60: '31–60 days past due',
  d61_90: '61–90 days past due',
  d90_plus: 'over 90 days past due',
};

/** The calendar day before a YYYY-MM-DD day: a period's end day is the first day after it. */
function dayBefore(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** A path clicked on a map that hides activities: judged with the hidden activities skipped. */
const HIDDEN_SKIPPED = ' (hidden activities skipped)';

const TIMEFRAME: Record<string, string> = {
  contained: 'ran within',
  intersecting: 'active during',
  started: 'started in',
  completed: 'ended in',
};

export function describeFilter(f: Filter): string {
  switch (f.kind) {
    case 'timeframe':
      return `Cases ${TIMEFRAME[f.mode] ?? f.mode} ${day(f.from)} – ${day(f.to)}`;
    case 'attribute':
      return `${attributeLabel(f.attribute)} ${f.exclude ? 'is not' : 'is'} ${some(f.values)}`;
    case 'activity':
      return `${f.absent ? 'Without' : 'With'} ${f.activity}`;
    case 'follows':
      return `${f.from} ${f.directly ? '→' : '⇢'} ${f.to}${f.among ? HIDDEN_SKIPPED : ''}${f.absent ? ' never happens' : ''}`;
    case 'variant':
      return `${f.exclude ? 'Not in' : 'In'} ${f.variants.length === 1 ? 'one variant' : `${f.variants.length} variants`}`;
    case 'duration':
      if (f.minSeconds !== undefined && f.maxSeconds !== undefined) return `Duration ${formatSeconds(f.minSeconds)} – ${formatSeconds(f.maxSeconds)}`;
      if (f.minSeconds !== undefined) return `Duration over ${formatSeconds(f.minSeconds)}`;
      return `Duration under ${formatSeconds(f.maxSeconds ?? 0)}`;
    case 'endpoints':
      return [f.start && `Starts with ${some(f.start)}`, f.end && `ends with ${some(f.end)}`].filter(Boolean).join(', ') + (f.among ? HIDDEN_SKIPPED : '');
    case 'sla':
      return `SLA ${f.ruleId ?? 'any rule'}: ${some(f.statuses.map((s) => s.replace('_', ' ')))}`;
    case 'deviation':
      return `Deviation${f.deviation ? ` ${f.deviation.replaceAll('_', ' ')}` : ''}${f.activity ? ` at ${f.activity}` : ''}`;
    case 'stage':
      return `${STAGE_LABELS[f.stage] ?? f.stage} over target, invoices of ${invoicePeriod(f.from, f.to)}`;
    case 'receivable':
      return `Invoices open at the end of ${day(dayBefore(f.at))}: ${f.buckets.length === 5 ? 'any age' : some(f.buckets.map((b) => BUCKET_LABELS[b] ?? b))}`;
    case 'cases':
      return f.caseIds.length === 1 ? `Case ${f.caseIds[0]}` : `${f.caseIds.length} chosen cases`;
  }
}
