// Compiles filters into a CaseSelection (selection.ts): one subquery over `cases` with one
// condition per filter, ANDed. Every value is a bound parameter (`$f_<n>`); lists travel as JSON
// text and are unnested in SQL. Only fixed SQL shapes and whitelisted column names are spliced.
import { MiningInputError } from '../errors';
import { ALL_CASES, type CaseSelection } from './selection';
import { endsAmong, followsAmong, projection, startsAmong } from './projected';
import { stageCases } from './stage';
import { receivableCases } from './receivable';
import { CASE_COLUMNS, FILTER_AGING_BUCKETS, FILTER_STAGES, type Filter } from './types';

export class FilterError extends MiningInputError {
  constructor(message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

type Value = string | number | boolean | null;

const TRACE = 'SELECT case_no FROM case_trace WHERE log_id = $log_id AND perspective = $perspective';
const ACT = (p: string) => `(SELECT act FROM log_activities WHERE log_id = $log_id AND activity = ${p})`;
const DATE_RE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/;

function timestamp(v: string, field: string): string {
  if (!DATE_RE.test(v) || Number.isNaN(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v.endsWith('Z') ? v : `${v}Z`))) {
    throw new FilterError(`${field}: "${v}" is not a date (YYYY-MM-DD or an ISO date-time in UTC)`);
  }
  return v.replace('T', ' ').replace('Z', '');
}

/** `among` lists the activities a projected filter keeps; the ones it names must be among them. */
function amongChecked(among: readonly string[], named: readonly string[], where: string): void {
  nonEmpty(among, `${where} among`);
  const missing = named.filter((a) => !among.includes(a));
  if (missing.length) throw new FilterError(`${where}: ${missing.map((a) => `"${a}"`).join(', ')} not among the kept activities`);
}

function nonEmpty(list: readonly unknown[] | undefined, field: string): void {
  if (!list || list.length === 0) throw new FilterError(`${field}: give at least one value`);
}

/**
 * `perspective`: the resolved perspective the selection will run on, when known (a `stage` filter
 * selects orders, so it is refused elsewhere; mining/filter/prepare.ts resolves it).
 */
export function compileFilters(filters: readonly Filter[] | undefined, perspective?: string): CaseSelection {
  if (!filters || filters.length === 0) return ALL_CASES;
  const params: Record<string, Value> = {};
  let n = 0;
  const p = (v: Value): string => {
    const name = `f_${n++}`;
    params[name] = v;
    return `$${name}`;
  };
  const list = (vs: readonly string[]): string => `(SELECT unnest(from_json(${p(JSON.stringify(vs))}, '["VARCHAR"]')))`;
  const conds = filters.map((f, i): string => {
    const where = `filter ${i + 1} (${f.kind})`;
    switch (f.kind) {
      case 'timeframe': {
        const from = p(timestamp(f.from, `${where} from`));
        const to = p(timestamp(f.to, `${where} to`));
        const F = `${from}::TIMESTAMP`;
        const T = `${to}::TIMESTAMP`;
        switch (f.mode) {
          case 'contained':
            return `(c.start_ts >= ${F} AND c.end_ts < ${T})`;
          case 'intersecting':
            return `(c.start_ts < ${T} AND c.end_ts >= ${F})`;
          case 'started':
            return `(c.start_ts >= ${F} AND c.start_ts < ${T})`;
          case 'completed':
            return `(c.end_ts >= ${F} AND c.end_ts < ${T})`;
          default:
            throw new FilterError(`${where}: mode must be contained, intersecting, started or completed`);
        }
      }
      case 'attribute': {
        nonEmpty(f.values, `${where} values`);
        const not = f.exclude ? 'NOT ' : '';
        if ((CASE_COLUMNS as readonly string[]).includes(f.attribute)) {
          // A multi-warehouse order ('WH1,WH2') matches each of its warehouses.
          if (f.attribute === 'warehouse') {
            return `${not}coalesce(list_has_any(string_split(c.warehouse, ','), from_json(${p(JSON.stringify(f.values))}, '["VARCHAR"]')), false)`;
          }
          return `${not}coalesce(c.${f.attribute} IN ${list(f.values)}, false)`;
        }
        if (!/^[^\u0000-\u001f]{1,200}$/.test(f.attribute)) throw new FilterError(`${where}: attribute name`);
        const path = p(`$."${f.attribute.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`);
        return `${not}(c.case_id IN (SELECT object_id FROM objects WHERE log_id = $log_id AND json_extract_string(attrs, ${path}) IN ${list(f.values)}))`;
      }
      case 'activity':
        return `c.case_no ${f.absent ? 'NOT ' : ''}IN (${TRACE} AND activity = ${p(f.activity)})`;
      case 'follows': {
        const not = f.absent ? 'NOT ' : '';
        if (f.among !== undefined) {
          amongChecked(f.among, [f.from, f.to], where);
          if (!f.directly) throw new FilterError(`${where}: among applies to directly-follows only (eventually-follows does not change when other activities are skipped)`);
          return `c.case_no ${not}IN ${followsAmong(ACT(p(f.from)), ACT(p(f.to)), projection(f.among, p))}`;
        }
        if (f.directly) return `c.case_no ${not}IN (${TRACE} AND prev_act = ${ACT(p(f.from))} AND act = ${ACT(p(f.to))})`;
        const a = p(f.from);
        const b = p(f.to);
        return `c.case_no ${not}IN (SELECT case_no FROM case_trace WHERE log_id = $log_id AND perspective = $perspective
            GROUP BY case_no HAVING min(seq) FILTER (WHERE activity = ${a}) < max(seq) FILTER (WHERE activity = ${b}))`;
      }
      case 'variant': {
        nonEmpty(f.variants, `${where} variants`);
        const texts = f.variants.map((v) => v.join(' → '));
        return `${f.exclude ? 'NOT ' : ''}(c.variant IN ${list(texts)})`;
      }
      case 'duration': {
        const parts: string[] = [];
        const secs = 'epoch(c.end_ts) - epoch(c.start_ts)';
        for (const [k, op] of [['minSeconds', '>='], ['maxSeconds', '<=']] as const) {
          const v = f[k];
          if (v === undefined) continue;
          if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new FilterError(`${where} ${k}: a number of seconds ≥ 0`);
          parts.push(`${secs} ${op} ${p(v)}`);
        }
        if (!parts.length) throw new FilterError(`${where}: give minSeconds and/or maxSeconds`);
        return `(${parts.join(' AND ')})`;
      }
      case 'endpoints': {
        const parts: string[] = [];
        if (f.among !== undefined) {
          amongChecked(f.among, [...(f.start ?? []), ...(f.end ?? [])], where);
          const proj = projection(f.among, p);
          if (f.start?.length) parts.push(`c.case_no IN ${startsAmong(list(f.start), proj)}`);
          if (f.end?.length) parts.push(`c.case_no IN ${endsAmong(list(f.end), proj)}`);
        } else {
          if (f.start?.length) parts.push(`c.case_no IN (${TRACE} AND seq = 1 AND activity IN ${list(f.start)})`);
          if (f.end?.length) parts.push(`c.case_no IN (SELECT t.case_no FROM case_trace t WHERE t.log_id = $log_id AND t.perspective = $perspective
            AND t.seq = c.n_events AND t.activity IN ${list(f.end)})`);
        }
        if (!parts.length) throw new FilterError(`${where}: give start and/or end activities`);
        return `(${parts.join(' AND ')})`;
      }
      case 'sla': {
        nonEmpty(f.statuses, `${where} statuses`);
        const rule = f.ruleId === undefined ? '' : ` AND rule_id = ${p(f.ruleId)}`;
        return `c.case_no IN (SELECT case_no FROM sla_clocks WHERE log_id = $log_id AND perspective = $perspective${rule} AND status IN ${list(f.statuses)})`;
      }
      case 'deviation': {
        const kind = f.deviation === undefined ? '' : ` AND kind = ${p(f.deviation)}`;
        const act = f.activity === undefined ? '' : ` AND activity = ${p(f.activity)}`;
        return `c.case_no IN (SELECT case_no FROM case_deviations WHERE log_id = $log_id AND perspective = $perspective${kind}${act})`;
      }
      case 'stage': {
        if (!(FILTER_STAGES as readonly string[]).includes(f.stage)) throw new FilterError(`${where}: stage must be one of ${FILTER_STAGES.join(', ')}`);
        if (perspective !== undefined && perspective !== 'order') {
          throw new FilterError(`${where}: a stage delay selects orders through their invoices, so it needs the order perspective of an order-to-cash log (this view shows ${perspective} cases)`);
        }
        const cases = stageCases(f.stage, timestamp(f.from, `${where} from`), timestamp(f.to, `${where} to`), p);
        // The invoices' case numbers are order cases: nothing of another perspective.
        return `($perspective = 'order' AND c.case_no IN ${cases})`;
      }
      case 'receivable': {
        nonEmpty(f.buckets, `${where} buckets`);
        const bad = f.buckets.find((b) => !(FILTER_AGING_BUCKETS as readonly string[]).includes(b));
        if (bad !== undefined) throw new FilterError(`${where}: bucket "${bad}" is not one of ${FILTER_AGING_BUCKETS.join(', ')}`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(f.at) || Number.isNaN(Date.parse(`${f.at}T00:00:00Z`))) throw new FilterError(`${where}: at must be a day YYYY-MM-DD`);
        if (perspective !== undefined && perspective !== 'order') {
          throw new FilterError(`${where}: open receivables select orders through their invoices, so they need the order perspective of an order-to-cash log (this view shows ${perspective} cases)`);
        }
        return `($perspective = 'order' AND c.case_no IN ${receivableCases(f.at, f.buckets, p)})`;
      }
      case 'cases':
        nonEmpty(f.caseIds, `${where} caseIds`);
        return `c.case_id IN ${list(f.caseIds)}`;
      default:
        throw new FilterError(`${where}: unknown filter kind`);
    }
  });
  return {
    sql: `(SELECT c.case_no FROM cases c WHERE c.log_id = $log_id AND c.perspective = $perspective AND ${conds.join(' AND ')})`,
    params,
    all: false,
  };
}
