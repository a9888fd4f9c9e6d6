// The process map's own URL keys: `activities` and `paths` (slider percentages), `mode`
// (freq | perf) and `metric` (cases | events | median | mean | p90 | total). Defaults are left out
// of the URL. Pure, so the server render and the browser read the same settings.
import { FREQ_METRICS, isPerf, PERF_METRICS, type MapMetric, type MapMode } from '../../components/map-scale';
import type { Search } from '../_shared/url-state';

/** The map opens on the main flow (as the overview did): the more frequent activities and paths. */
// Every activity by default: hiding activities means deriving the paths between the kept ones
// from the raw traces again, which at 1M orders took 40 s against 2.7 s for the prepared graph
// (bench/README.md, Dashboard). The path slider keeps the opening map readable.
export const DEFAULT_ACTIVITY_PCT = 100;
export const DEFAULT_PATH_PCT = 30;
const DEFAULT_METRIC: Record<MapMode, MapMetric> = { freq: 'cases', perf: 'median' };

export interface MapSettings {
  activityPct: number;
  pathPct: number;
  mode: MapMode;
  metric: MapMetric;
}

function pct(raw: string | null, fallback: number): number {
  if (raw === null || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) ? Math.min(100, Math.max(0, Math.round(n))) : fallback;
}

export function readMapSettings(search: Search): MapSettings {
  const rawMode = search.get('mode');
  const rawMetric = search.get('metric') as MapMetric | null;
  const known = rawMetric !== null && ([...FREQ_METRICS, ...PERF_METRICS] as string[]).includes(rawMetric);
  // An explicit mode wins over a metric of the other mode (a hand-edited link).
  const mode: MapMode = rawMode === 'perf' || rawMode === 'freq' ? rawMode : known && isPerf(rawMetric) ? 'perf' : 'freq';
  const metric = known && isPerf(rawMetric) === (mode === 'perf') ? rawMetric : DEFAULT_METRIC[mode];
  return {
    activityPct: pct(search.get('activities'), DEFAULT_ACTIVITY_PCT),
    pathPct: pct(search.get('paths'), DEFAULT_PATH_PCT),
    mode,
    metric,
  };
}

/** The URL patch for new settings (null removes a key that holds its default). */
export function mapSettingsPatch(s: Pick<MapSettings, 'activityPct' | 'pathPct' | 'metric'>): Record<string, string | null> {
  const mode: MapMode = isPerf(s.metric) ? 'perf' : 'freq';
  return {
    activities: s.activityPct === DEFAULT_ACTIVITY_PCT ? null : String(s.activityPct),
    paths: s.pathPct === DEFAULT_PATH_PCT ? null : String(s.pathPct),
    mode: mode === 'freq' ? null : mode,
    metric: s.metric === DEFAULT_METRIC[mode] ? null : s.metric,
  };
}

const NOUNS: Record<string, string> = { order: 'orders', order_line: 'order lines', delivery: 'deliveries', invoice: 'invoices', case: 'cases' };
/** What a case is called on a perspective, plural ("orders", "deliveries", or "cases"). */
export const caseNoun = (perspective: string): string => NOUNS[perspective] ?? 'cases';
