// How the exception queues read: ages as people say them ("45 min", "18 h", "12 days"), amounts at
// stake with their currency, short object names. en-US (components/format.ts).
import type { ExceptionGroupDim, ExceptionQueueSummary } from '../mining/types';
import { formatMoney } from './case-format';
import { formatCount } from './format';

/** An age in seconds: minutes under an hour, hours under two days, then days. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, seconds);
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min`;
  if (s < 48 * 3600) return `${Math.round(s / 3600)} h`;
  const d = Math.floor(s / 86400);
  return `${formatCount(d)} days`;
}

const compactMoney = new Map<string, Intl.NumberFormat>();
/** "$12.3K" for tiles; a three-letter currency, else a plain number. */
export function formatAmountCompact(value: number, currency: string | null): string {
  const cur = currency && /^[A-Z]{3}$/.test(currency) ? currency : '';
  let f = compactMoney.get(cur);
  if (!f) {
    f = new Intl.NumberFormat('en-US', cur ? { style: 'currency', currency: cur, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } : { notation: 'compact', maximumFractionDigits: 1 });
    compactMoney.set(cur, f);
  }
  return f.format(value);
}

/** A tile's amount at stake: the largest currency, and how many others there are. */
export function formatStake(q: Pick<ExceptionQueueSummary, 'amounts'>): string {
  const [first, ...rest] = q.amounts;
  if (!first) return '—';
  return `${formatAmountCompact(first.amount, first.currency)}${rest.length ? ` + ${rest.length} other currenc${rest.length > 1 ? 'ies' : 'y'}` : ''}`;
}

export const formatAmount = (value: number | null, currency: string | null): string => (value === null ? '—' : formatMoney(value, currency));

/** 'delivery:80001234' → 'Delivery 80001234'; 'order_line:10000001/10' → 'Order line 10000001/10'. */
export function objectLabel(id: string | null): string {
  if (!id) return 'Order';
  const i = id.indexOf(':');
  const type = i < 0 ? '' : id.slice(0, i).replaceAll('_', ' ');
  const key = i < 0 ? id : id.slice(i + 1);
  return type ? `${type[0]?.toUpperCase()}${type.slice(1)} ${key}` : key;
}

/** 'sales_order:10000045' → '10000045' (the case page shows the full id). */
export const caseLabel = (id: string): string => id.replace(/^sales_order:/, '');

export const GROUP_LABEL: Record<ExceptionGroupDim, string> = {
  warehouse: 'Warehouse',
  segment: 'Segment',
  orderType: 'Order type',
  channel: 'Channel',
  team: 'Owner team',
};
export const GROUP_DIMS: readonly ExceptionGroupDim[] = ['warehouse', 'segment', 'orderType', 'channel', 'team'];
