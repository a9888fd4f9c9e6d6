import { resolve } from 'node:path';
import { parse, UsageError } from '../args';
import { resolveStorePath, runningServer } from '../store-access';

const FORMATS = ['xes', 'ocel-json', 'ocel-sqlite'] as const;

const USAGE = `Usage: throughline export --log NAME --format xes|ocel-json|ocel-sqlite --out FILE [--store PATH] [--json]

Writes a log of the store as a file other process-mining tools read: XES 1849 (case-centric logs;
.gz compresses) or OCEL 2.0 JSON / SQLite (any log, including the O2C model built from the ERP,
WMS and billing sources: --log o2c).`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { log: { type: 'string' }, format: { type: 'string' }, out: { type: 'string', short: 'o' } }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.log || !values.format || !values.out) throw new UsageError(`--log, --format and --out are required\n\n${USAGE}`);
  if (!(FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`unknown format "${values.format}"; use one of ${FORMATS.join(', ')}`);
  const storePath = resolveStorePath(values.store);
  const server = runningServer(storePath);
  if (server) {
    console.error(`The server at ${server.url} owns ${storePath}; stop it and run the export again.`);
    return 1;
  }
  const out = resolve(values.out);
  const { Store } = await import('../../sql');
  const store = await Store.open(storePath, { readOnly: true });
  try {
    const logs = await store.query<{ log_id: string }>('store/log', { id: values.log });
    if (!logs.length) throw new UsageError(`no log "${values.log}" in ${storePath} (see \`throughline stats\`)`);
    const result =
      values.format === 'xes'
        ? await (await import('../../ingest/xes')).exportXes(store, values.log, out)
        : await (await import('../../ingest/ocel')).exportOcel(store, values.log, out, values.format === 'ocel-json' ? 'json' : 'sqlite');
    if (values.json) console.log(JSON.stringify({ out, ...result }));
    else console.log(`Wrote ${values.format} of log ${values.log} to ${out}: ${JSON.stringify(result)}`);
  } finally {
    store.close();
  }
  return 0;
}
