// Legacy WMS (WH1): one CSV per local day, `WH1_YYYYMMDD.csv`; PICK per delivery item, PACK and
// SHIP per delivery; local America/Chicago timestamps; staff logins are people.
import { basename } from 'node:path';
import { stripZeros } from '../common/keys';
import { requireKey, RowReject } from '../common/reject';
import { decimal, usLocalTimestamp } from '../common/values';
import { readCsv, type CsvRow } from '../pipeline/csv';
import { listFiles } from '../pipeline/files';
import type { Emit, Source } from '../pipeline/source';
import { deliveryId, deliveryItemAlias } from './common';

export const WMS_LEGACY_SYSTEM = 'wms-legacy';

const COLUMNS = ['REC_TYPE', 'DELIVERY_NO', 'LINE_NO', 'SKU', 'QTY_ORDERED', 'QTY_DONE', 'USER_ID', 'TS_LOCAL'];

const ACTIVITIES: Record<string, string> = { PICK: 'Confirm Pick', PACK: 'Pack', SHIP: 'Confirm Shipment' };

function quantity(row: CsvRow, field: string): number | null {
  const q = decimal(row.get(field), field);
  if (q !== null && q < 0) throw new RowReject(field, `negative quantity ${row.get(field)} in ${field}`, 'negative_quantity');
  return q;
}

export function mapLegacyRow(row: CsvRow, out: Emit): void {
  const recType = row.get('REC_TYPE').trim();
  const dlvNo = stripZeros(requireKey(row.get('DELIVERY_NO'), 'DELIVERY_NO'));
  const lineNo = stripZeros(row.get('LINE_NO'));
  const eventId = `wms1:${basename(row.file)}:${dlvNo}:${recType}:${lineNo}`;
  out.key(eventId);
  const activity = ACTIVITIES[recType];
  if (!activity) throw new RowReject('REC_TYPE', `unknown record type "${recType}" in REC_TYPE (expected PICK, PACK or SHIP)`);
  const ts = usLocalTimestamp(row.get('TS_LOCAL'), 'TS_LOCAL');
  const user = row.get('USER_ID').trim();
  const dlv = deliveryId(dlvNo);
  let attrs: Record<string, string | number | undefined> | undefined;
  if (recType === 'PICK') {
    if (lineNo === '') throw new RowReject('LINE_NO', 'missing key: LINE_NO is empty for a PICK', 'missing_key');
    const ordered = quantity(row, 'QTY_ORDERED');
    const done = quantity(row, 'QTY_DONE');
    const short = ordered !== null && done !== null && done < ordered ? ordered - done : 0;
    attrs = { delivery_item: lineNo, sku: row.get('SKU'), qty_ordered: ordered ?? undefined, qty_done: done ?? undefined, short_qty: short };
  }
  out.event({ id: eventId, activity, ts, userId: user || null, userType: user ? 'human' : null, attrs });
  out.object(dlv, { warehouse: 'WH1' });
  out.link(eventId, dlv, 'delivery');
  if (recType === 'PICK') out.link(eventId, deliveryItemAlias(dlvNo, lineNo), 'line');
}

export const wmsLegacySource: Source<CsvRow> = {
  kind: 'wms-legacy',
  system: WMS_LEGACY_SYSTEM,
  async *read(path: string) {
    for (const file of listFiles(path, (f) => f.toLowerCase().endsWith('.csv'))) yield* readCsv(file, COLUMNS);
  },
  mapper: () => mapLegacyRow,
};
