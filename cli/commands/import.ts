import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, UsageError } from '../args';
import { callServer, formatResult, loadDirect } from '../ingest-runner';
import { progressBar } from '../progress-bar';
import { formatOfFile, type FileFormat } from '../../ingest/formats';
import type { ColumnMapping } from '../../ingest/csv/types';
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
  let mapping: ColumnMapping | undefined;
  if (format === 'csv' || format === 'parquet') {
    if (!values.case || !values.activity || !values.timestamp) {
      throw new UsageError('CSV and Parquet need --case, --activity and --timestamp columns (see `throughline import --help`)');
    }
    mapping = {
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
  }
  const opts = { logId: values.log, name: values.name, format, mapping };
  const storePath = resolveStorePath(values.store);
  const server = runningServer(storePath);
  const bar = progressBar(process.stderr, !!values.json);
  let result: IngestResult;
  try {
    if (server) {
      if (!values.json) console.error(`(sent to the running server at ${server.url}, which owns ${storePath})`);
      result = await callServer<IngestResult>(server, 'importFile', { ...opts, path: file }, bar.update);
    } else {
      [result] = await loadDirect(storePath, bar.update, async (store) => [await (await import('../../ingest/import-file')).importFile(store, file, opts)]);
    }
  } finally {
    bar.finish();
  }
  if (values.json) console.log(JSON.stringify(result));
  else console.log(formatResult(result));
  return result.status === 'succeeded' ? 0 : 1;
}
