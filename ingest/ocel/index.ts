// OCEL 2.0 import and export (JSON, XML, SQLite; .gz too). See load.ts for the mapping into the
// canonical tables and export-*.ts for the way back.
import type { Store } from '../../sql';
import { IngestError, type IngestResult } from '../types';
import { exportOcelJson } from './export-json';
import { exportOcelSqlite } from './export-sqlite';
import { defaultMaxBytes } from './input';
import { loadOcel } from './load';
import type { OcelLog, ReadOptions } from './model';
import { readOcelJson } from './read-json';
import { readOcelSqlite } from './read-sqlite';
import { readOcelXml } from './read-xml';

export interface ImportOcelOptions extends ReadOptions {
  logId: string;
  name?: string;
  /** Cap on the (inflated) file size; default 256 MiB or THROUGHLINE_OCEL_MAX_BYTES. */
  maxBytes?: number;
}

export type OcelEncoding = 'json' | 'xml' | 'sqlite';

/** The encoding by file name: .json/.jsonocel, .xml/.xmlocel, .sqlite/.db, each optionally .gz. */
export function ocelEncoding(path: string): OcelEncoding | null {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (/\.(json|jsonocel)$/.test(name)) return 'json';
  if (/\.(xml|xmlocel)$/.test(name)) return 'xml';
  if (/\.(sqlite|sqlite3|db)$/.test(name)) return 'sqlite';
  return null;
}

/** Imports an OCEL 2.0 file into the log `logId` (kind 'ocel', created if missing) as one run. */
export function importOcel(store: Store, path: string, opts: ImportOcelOptions): Promise<IngestResult> {
  const max = opts.maxBytes ?? defaultMaxBytes();
  const read = (): Promise<OcelLog> => {
    const enc = ocelEncoding(path);
    if (enc === 'json') return readOcelJson(path, max, opts);
    if (enc === 'xml') return readOcelXml(path, max, opts);
    if (enc === 'sqlite') return readOcelSqlite(path, max, opts);
    return Promise.reject(
      new IngestError(`${path}: unknown OCEL file type (expected .json/.jsonocel, .xml/.xmlocel or .sqlite/.db, optionally .gz)`, path),
    );
  };
  return loadOcel(store, path, read, { logId: opts.logId, name: opts.name });
}

export interface ExportResult {
  path: string;
  events: number;
  objects: number;
  e2o: number;
  o2o: number;
  attributeRows: number;
}

/** Writes the log as standard OCEL 2.0 JSON (.gz if the path ends so) or SQLite. */
export function exportOcel(store: Store, logId: string, outPath: string, format: 'json' | 'sqlite'): Promise<ExportResult> {
  return format === 'json' ? exportOcelJson(store, logId, outPath) : exportOcelSqlite(store, logId, outPath);
}

export { IngestError, type IngestResult };
