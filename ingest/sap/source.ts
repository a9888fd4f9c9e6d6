// The SAP source: a folder of table extracts (fixtures/FORMATS.md), read table by table in the
// order of SAP_TABLES, each row mapped by its table's mapper.
import { basename } from 'node:path';
import { IngestError } from '../types';
import { readCsv, type CsvRow } from '../pipeline/csv';
import { listFiles, type SourceFile } from '../pipeline/files';
import type { Emit, Source } from '../pipeline/source';
import { mapBillingDocument, mapBillingItem } from './billing-documents';
import { mapChangeHeader, mapChangeItem } from './changes';
import { SAP_SYSTEM, SapContext } from './context';
import { mapDelivery, mapDeliveryItem, mapDocumentFlow } from './deliveries';
import { mapCustomer, mapUser } from './master-data';
import { mapOrder, mapOrderLine } from './orders';
import { mapCustomerItem } from './receivables';
import { SAP_TABLES } from './tables';

type TableMapper = (row: CsvRow, out: Emit, ctx: SapContext) => void;

const MAPPERS: Record<string, TableMapper> = {
  USR02: mapUser,
  KNA1: mapCustomer,
  VBAK: mapOrder,
  VBAP: mapOrderLine,
  CDHDR: mapChangeHeader,
  CDPOS: mapChangeItem,
  LIKP: mapDelivery,
  LIPS: mapDeliveryItem,
  VBFA: mapDocumentFlow,
  VBRK: mapBillingDocument,
  VBRP: mapBillingItem,
  BSID: mapCustomerItem,
  BSAD: mapCustomerItem,
};

/** The table files present under `path` (a sap/ folder, or one `<TABLE>.csv`), in reading order. */
function tableFiles(path: string): Array<{ table: string; columns: readonly string[]; file: SourceFile }> {
  const files = listFiles(path, (f) => f.toUpperCase().endsWith('.CSV'));
  const byTable = new Map(files.map((f) => [basename(f.path).replace(/\.csv$/i, '').toUpperCase(), f]));
  const out = SAP_TABLES.flatMap((t) => {
    const file = byTable.get(t.table);
    return file ? [{ ...t, file }] : [];
  });
  if (out.length === 0) {
    throw new IngestError(`no SAP table extracts (${SAP_TABLES.map((t) => t.table).join(', ')}) in ${path}`, path);
  }
  return out;
}

export const sapSource: Source<CsvRow> = {
  kind: 'sap',
  system: SAP_SYSTEM,
  async *read(path: string) {
    for (const t of tableFiles(path)) yield* readCsv(t.file, t.columns, t.table);
  },
  mapper() {
    const ctx = new SapContext();
    return (row, out) => (MAPPERS[row.kind] as TableMapper)(row, out, ctx);
  },
};
