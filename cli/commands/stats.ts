import { existsSync } from 'node:fs';
import { parse } from '../args';
import { resolveStorePath, runningServer } from '../store-access';
import type { LogSummary } from '../../mining/types';

const USAGE = `Usage: throughline stats [--log NAME] [--store PATH] [--json]

Shows the logs in the store (events, cases, objects by type, time range), whole-store totals and
the latest ingest runs. With --log, the process statistics of one log: cases, events,
activities, variants, directly-follows edges and pairs, start and end activities, top variants
(and for object-centric logs objects, types, relations and the same figures per object type);
variants and directly-follows count every event, with file order breaking timestamp ties. Opens the store read-only; while a server owns it, stop the server or
use the dashboard.`;

interface Stats {
  store: string;
  totals: Record<string, number>;
  logs: LogSummary[];
  runs: Record<string, unknown>[];
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { log: { type: 'string' } }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const path = resolveStorePath(values.store);
  if (!existsSync(path)) {
    console.error(`No store at ${path} yet. Start with \`npm start\` (loads demo data) or \`throughline ingest\`.`);
    return 1;
  }
  const server = runningServer(path);
  if (server) {
    console.error(`The server at ${server.url} (pid ${server.pid}) owns ${path}; DuckDB lets no other process open it meanwhile. Open the dashboard, or stop the server and run stats again.`);
    return 1;
  }
  if (values.log) return printLogStats(path, values.log, !!values.json);
  const stats = await readStats(path);
  if (values.json) console.log(JSON.stringify(stats));
  else print(stats);
  return 0;
}

async function printLogStats(path: string, logId: string, json: boolean): Promise<number> {
  const { Store } = await import('../../sql');
  const { logStats } = await import('../../mining');
  const store = await Store.open(path, { readOnly: true });
  try {
    if (!(await store.query('store/log', { id: logId })).length) {
      console.error(`No log "${logId}" in ${path}. Logs: ${(await store.query<{ log_id: string }>('store/logs')).map((l) => l.log_id).join(', ') || 'none'}`);
      return 1;
    }
    const s = await logStats(store, logId);
    if (json) {
      console.log(JSON.stringify(s));
      return 0;
    }
    console.log(`Log ${logId}: ${n(s.cases)} cases, ${n(s.events)} events, ${n(s.activities)} activities, ${n(s.variants)} variants, ${n(s.dfgEdges)} directly-follows edges (${n(s.dfgPairs)} pairs)`);
    console.log(`  start: ${Object.entries(s.startActivities).map(([a, c]) => `${a} ×${n(c)}`).join(', ')}`);
    console.log(`  end:   ${Object.entries(s.endActivities).map(([a, c]) => `${a} ×${n(c)}`).join(', ')}`);
    for (const v of s.topVariants.slice(0, 5)) console.log(`  ${n(v.cases).padStart(7)} × ${v.activities.join(' → ')}`);
    return 0;
  } finally {
    store.close();
  }
}

async function readStats(path: string): Promise<Stats> {
  const { Store } = await import('../../sql');
  const { logSummaries } = await import('../../mining');
  const store = await Store.open(path, { readOnly: true });
  try {
    const [totals] = await store.query<Record<string, number>>('store/totals');
    const runs = await store.query('store/recent-runs', { limit: 10 });
    return { store: path, totals, logs: await logSummaries(store), runs };
  } finally {
    store.close();
  }
}

const n = (x: unknown) => Number(x).toLocaleString('en-US');

function print(s: Stats): void {
  console.log(`Store ${s.store}`);
  console.log(`  ${n(s.totals.events)} events, ${n(s.totals.objects)} objects, ${n(s.totals.event_object)} event–object and ${n(s.totals.object_object)} object–object relations, ${n(s.totals.rejects)} rejected rows, ${n(s.totals.runs)} ingest runs`);
  for (const l of s.logs) {
    const objects = Object.entries(l.objectsByType).map(([t, c]) => `${t} ${n(c)}`).join(', ');
    console.log(`\nLog ${l.logId} (${l.name}, ${l.kind}): ${n(l.events)} events, ${n(l.cases)} cases, ${l.firstEvent ?? '–'} … ${l.lastEvent ?? '–'}`);
    if (objects) console.log(`  objects: ${objects}`);
  }
  if (s.runs.length) console.log('\nLatest ingest runs:');
  for (const r of s.runs) {
    console.log(`  ${r.started_at} ${String(r.source_kind).padEnd(11)} ${String(r.status).padEnd(9)} read ${n(r.rows_read)}, loaded ${n(r.rows_loaded)}, rejected ${n(r.rows_rejected)}, duplicates ${n(r.rows_duplicate)}${r.error ? `  error: ${r.error}` : ''}`);
  }
}
