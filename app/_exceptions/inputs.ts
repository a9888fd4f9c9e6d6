// The exceptions page's URL state: q (queue), group (the dimension rows are grouped by), wh, seg,
// type, ch, team (group filters), sort, dir and pg (page, 1-based). Read the same way on the server
// and in the browser; unknown values fall back to the defaults.
import type { ExceptionGroupDim, ExceptionGroupFilters, ExceptionQueueId, ExceptionSortKey } from '../../mining/types';
import type { Search } from '../_shared/url-state';

export const QUEUE_IDS: readonly ExceptionQueueId[] = ['sla', 'creditHolds', 'shippedNotInvoiced', 'pricingApprovals', 'disputesAging', 'latePayments'];
export const DEFAULT_QUEUE: ExceptionQueueId = 'sla';
export const PAGE_SIZE = 50;
export const GROUP_KEYS: Record<ExceptionGroupDim, string> = { warehouse: 'wh', segment: 'seg', orderType: 'type', channel: 'ch', team: 'team' };
const SORTS: readonly ExceptionSortKey[] = ['age', 'amount', 'case', 'team', 'warehouse', 'due'];
/** The direction a column sorts in first (oldest and largest first; names A→Z). */
export const defaultDir = (s: ExceptionSortKey): 'asc' | 'desc' => (s === 'age' || s === 'amount' ? 'desc' : 'asc');

export interface ExceptionsState {
  queue: ExceptionQueueId;
  groups: ExceptionGroupFilters;
  groupBy: ExceptionGroupDim | null;
  sort: ExceptionSortKey;
  dir: 'asc' | 'desc';
  /** 0-based. */
  page: number;
}

export function readExceptionsState(search: Search): ExceptionsState {
  const q = search.get('q');
  const queue = QUEUE_IDS.includes(q as ExceptionQueueId) ? (q as ExceptionQueueId) : DEFAULT_QUEUE;
  const groups: ExceptionGroupFilters = {};
  for (const [dim, key] of Object.entries(GROUP_KEYS) as [ExceptionGroupDim, string][]) {
    const v = search.get(key);
    if (v && v.length <= 200) groups[dim] = v;
  }
  const g = search.get('group');
  const groupBy = g && g in GROUP_KEYS ? (g as ExceptionGroupDim) : null;
  const s = search.get('sort');
  const sort = SORTS.includes(s as ExceptionSortKey) ? (s as ExceptionSortKey) : 'age';
  const d = search.get('dir');
  const dir = d === 'asc' || d === 'desc' ? d : defaultDir(sort);
  const pg = Number(search.get('pg'));
  const page = Number.isInteger(pg) && pg > 1 ? pg - 1 : 0;
  return { queue, groups, groupBy, sort, dir, page };
}
