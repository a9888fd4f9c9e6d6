// The filter bar's state in the URL (issue 5: a link shows a colleague the same view). Filters
// travel as one `f` parameter holding their JSON: readable when decoded, and the server checks
// them again (server/schemas.ts `filter`). A link whose filters cannot be read opens unfiltered
// and says so, instead of failing the page.
import type { Filter, FilterKind } from '../../mining/types';
import { FILTER_AGING_BUCKETS, FILTER_STAGES } from '../../mining/filter/types';
import type { Search } from './url-state';

export const FILTER_KEY = 'f';
const KINDS: readonly FilterKind[] = ['timeframe', 'attribute', 'activity', 'follows', 'variant', 'duration', 'endpoints', 'sla', 'deviation', 'stage', 'receivable', 'cases'];
const MAX_FILTERS = 50;

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 500;
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every(isStr);
/** server/schemas.ts `when`: a date or an ISO date-time (UTC). */
const isWhen = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/.test(v);
const optBool = (v: unknown) => v === undefined || typeof v === 'boolean';
const optList = (v: unknown) => v === undefined || isStrList(v);
const optNum = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= 0);

/** Whether `v` has the shape of a Filter (values are checked again on the server). */
export function isFilter(v: unknown): v is Filter {
  if (!v || typeof v !== 'object') return false;
  const f = v as Record<string, unknown>;
  switch (f.kind) {
    case 'timeframe':
      return isStr(f.from) && isStr(f.to) && ['contained', 'intersecting', 'started', 'completed'].includes(f.mode as string);
    case 'attribute':
      return isStr(f.attribute) && isStrList(f.values) && optBool(f.exclude);
    case 'activity':
      return isStr(f.activity) && optBool(f.absent);
    case 'follows':
      return isStr(f.from) && isStr(f.to) && typeof f.directly === 'boolean' && optBool(f.absent) && optList(f.among);
    case 'variant':
      return Array.isArray(f.variants) && f.variants.length > 0 && f.variants.every(isStrList) && optBool(f.exclude);
    case 'duration':
      return optNum(f.minSeconds) && optNum(f.maxSeconds) && (f.minSeconds !== undefined || f.maxSeconds !== undefined);
    case 'endpoints':
      return optList(f.start) && optList(f.end) && (f.start !== undefined || f.end !== undefined) && optList(f.among);
    case 'sla':
      return (f.ruleId === undefined || isStr(f.ruleId)) && isStrList(f.statuses);
    case 'deviation':
      return (f.deviation === undefined || isStr(f.deviation)) && (f.activity === undefined || isStr(f.activity));
    case 'stage':
      return (FILTER_STAGES as readonly unknown[]).includes(f.stage) && isWhen(f.from) && isWhen(f.to);
    case 'receivable':
      return typeof f.at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.at) && isStrList(f.buckets) && f.buckets.every((b) => (FILTER_AGING_BUCKETS as readonly unknown[]).includes(b));
    case 'cases':
      return isStrList(f.caseIds);
    default:
      return false;
  }
}

export interface UrlFilters {
  filters: Filter[];
  /** Set when the link carried filters that could not be read (they were left out). */
  problem: string | null;
}

export function readFilters(search: Search): UrlFilters {
  const raw = search.get(FILTER_KEY);
  if (raw === null || raw === '') return { filters: [], problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { filters: [], problem: 'The filters in this link could not be read; showing all cases.' };
  }
  if (!Array.isArray(parsed)) return { filters: [], problem: 'The filters in this link could not be read; showing all cases.' };
  const filters = parsed.slice(0, MAX_FILTERS).filter(isFilter);
  const dropped = parsed.length - filters.length;
  return {
    filters,
    problem: dropped > 0 ? `${dropped} filter${dropped === 1 ? '' : 's'} in this link could not be read and ${dropped === 1 ? 'was' : 'were'} left out.` : null,
  };
}

/** The `f` value for these filters, or null to remove the key (no filters). */
export function filtersParam(filters: readonly Filter[]): string | null {
  return filters.length ? JSON.stringify(filters) : null;
}

export { KINDS as FILTER_KINDS };
