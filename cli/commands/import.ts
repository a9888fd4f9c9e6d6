import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, UsageError } from '../args';
import { formatResult } from '../ingest-runner';
import { formatOfFile, type FileFormat } from '../formats';
import { resolveStorePath, runningServer } from '../store-access';
import type { IngestResult } from '../../ingest/types';

const USAGE = `Usage: throughline import <file> --log NAME [--store PATH] [--format xes|ocel|csv|parquet] [--json]
       CSV/Parquet mapping: --case COL --activity COL --timestamp COL [--start-timestamp COL]
                            [--resource COL] [--attributes A,B,…] [--delimiter X]
                            [--timestamp-format F] [--timezone ZONE]

Imports an event log into the log NAME (created if new): XES (.xes, .xes.gz), OCEL 2.0 (.jsonocel,
.xmlocel, .json, .xml, .sqlite, each also .gz), CSV or Parquet with a column mapping. The whole
file loads in one transaction or not at all; loading the same file again adds nothing.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      log: { type: 'string' },
      name: { type: 'string' },
      format: { type: 'string' },
      case: { type: 'string' },
      activity: { type: 'string' },
      timestamp: { type: 'string' },
      'start-timestamp': { type: 'string' },
      resource: { type: 'string' },
      attributes: { type: 'string' },
      delimiter: { type: 'string' },
      'timestamp-format': { type: 'string' },
      timezone: { type: 'string' },
    },
    USAGE,
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [fileArg] = positionals;
  if (!fileArg) throw new UsageError(`a file to import is required\n\n${USAGE}`);
  if (!values.log) throw new UsageError(`--log NAME is required\n\n${USAGE}`);
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(values.log)) throw new UsageError(`--log must be letters, digits, '_', '.', '-' (got "${values.log}")`);
  const file = resolve(fileArg);
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const format = (values.format ?? formatOfFile(file)) as FileFormat | null;
  if (!format || !['xes', 'ocel', 'csv', 'parquet'].includes(format)) {
    throw new UsageError(`cannot tell the format of ${file} from its name; pass --format xes|ocel|csv|parquet`);
  }
  const storePath = resolveStorePath(values.store);
  const server = runningServer(storePath);
  if (server) {
    console.error(`The server at ${server.url} owns ${storePath}. Import through its upload page (${server.url}/import), or stop it and run this again.`);
    return 1;
  }
  const { Store } = await import('../../sql');
  const { refreshCaseViews } = await import('../../mining');
  const store = await Store.open(storePath);
  let result: IngestResult;
  try {
    const opts = { logId: values.log, name: values.name };
    if (format === 'xes') result = await (await import('../../ingest/xes')).importXes(store, file, opts);
    else if (format === 'ocel') result = await (await import('../../ingest/ocel')).importOcel(store, file, opts);
    else {
      if (!values.case || !values.activity || !values.timestamp) {
        throw new UsageError('CSV and Parquet need --case, --activity and --timestamp columns (see `throughline import --help`)');
      }
      const mapping = {
        case: values.case,
        activity: values.activity,
        timestamp: values.timestamp,
        startTimestamp: values['start-timestamp'],
        resource: values.resource,
        attributes: values.attributes?.split(',').map((s) => s.trim()).filter(Boolean),
        delimiter: values.delimiter,
        timestampFormat: values['timestamp-format'],
        timezone: values.timezone,
      };
      result = await (await import('../../ingest/csv')).importTable(store, file, mapping, opts);
    }
    if (result.status === 'succeeded') await refreshCaseViews(store, values.log);
  } finally {
    store.close();
  }
  if (values.json) console.log(JSON.stringify(result));
  else console.log(formatResult(result));
  return result.status === 'succeeded' ? 0 : 1;
}
