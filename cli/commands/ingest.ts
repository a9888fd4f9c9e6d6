import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { parse, UsageError } from '../args';
import { resolveStorePath, runningServer } from '../store-access';
import { callServer, formatResult, ingestDirect, ingestViaServer, loadDirect, type IngestKind } from '../ingest-runner';
import { progressBar } from '../progress-bar';
import type { IngestResult } from '../../ingest/types';

const KINDS = ['sap', 'wms-legacy', 'wms-events', 'billing', 'all', 'odoo'] as const;

const USAGE = `Usage: throughline ingest <sap|wms-legacy|wms-events|billing|all> <path> [--store PATH] [--json]
       throughline ingest odoo <postgresql://user:password@host:port/db> [--log NAME] [--store PATH] [--json]

Loads one source into the store: sap = a folder of SAP table CSVs, wms-legacy = a folder of
daily WH1 CSVs, wms-events = a folder of NDJSON webhook files, billing = a folder of billing
NDJSON files, all = a simulator output folder (all four, in that order). Rejected rows are kept
with file, row, field and reason; a file that cannot be read fails the run and changes nothing.
When a Throughline server owns the store, the ingest runs inside it.
odoo reads an Odoo database incrementally: each run reads only rows changed since the last one
(per-table watermark on write_date and id) into the log o2c-odoo (or --log). The password never
reaches the output or the store.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { log: { type: 'string' } }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [kindArg, pathArg] = positionals;
  if (!kindArg || !pathArg) throw new UsageError(`a source kind and a path are required\n\n${USAGE}`);
  if (!(KINDS as readonly string[]).includes(kindArg)) throw new UsageError(`unknown source kind "${kindArg}"; use one of ${KINDS.join(', ')}`);
  if (kindArg === 'odoo') return ingestOdooCommand(pathArg, values.store, values.log, !!values.json);
  const kind = kindArg as IngestKind;
  const path = resolve(pathArg);
  if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
  const store = resolveStorePath(values.store);
  const server = runningServer(store);
  if (!values.json) {
    console.error(server ? `(sent to the running server at ${server.url}, which owns ${store})` : `(opened ${store} directly: no server is running)`);
  }
  const bar = progressBar(process.stderr, !!values.json);
  let results: IngestResult[];
  try {
    results = server ? await ingestViaServer(server, kind, path, bar.update) : await ingestDirect(store, kind, path, bar.update);
  } finally {
    bar.finish();
  }
  if (values.json) console.log(JSON.stringify(results));
  else for (const r of results) console.log(formatResult(r));
  return results.every((r) => r.status === 'succeeded') ? 0 : 1;
}

async function ingestOdooCommand(connection: string, storeFlag: string | undefined, log: string | undefined, json: boolean): Promise<number> {
  if (!/^postgres(ql)?:\/\//.test(connection)) throw new UsageError('odoo needs a connection string: postgresql://user:password@host:port/db');
  const store = resolveStorePath(storeFlag);
  const server = runningServer(store);
  if (!json) console.error(server ? `(sent to the running server at ${server.url}, which owns ${store})` : `(opened ${store} directly: no server is running)`);
  const bar = progressBar(process.stderr, json);
  let result: IngestResult;
  try {
    if (server) {
      result = await callServer<IngestResult>(server, 'odoo', { connection, ...(log ? { logId: log } : {}) }, bar.update);
    } else {
      [result] = await loadDirect(store, bar.update, async (s) => [await (await import('../../ingest/odoo')).ingestOdoo(s, connection, log ? { logId: log } : {})]);
    }
  } finally {
    bar.finish();
  }
  console.log(json ? JSON.stringify([result]) : formatResult(result));
  return result.status === 'succeeded' ? 0 : 1;
}
