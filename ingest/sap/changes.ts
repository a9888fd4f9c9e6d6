// CDHDR + CDPOS (change documents of sales orders). CDPOS has no time or user of its own: each
// item names its header (OBJECTCLAS/OBJECTID/CHANGENR), which the merge joins in; an item whose
// header is not in the run is rejected. Fields that become events: docs/model.md.
import { orderLineId, stripZeros } from '../common/keys';
import { requireKey } from '../common/reject';
import { isoDate, sapDate } from '../common/values';
import type { CsvRow } from '../pipeline/csv';
import type { Emit } from '../pipeline/source';
import { salesOrder, type SapContext } from './context';

function headerKey(objectclas: string, objectid: string, changenr: string): string {
  return `${objectclas}:${stripZeros(objectid)}:${stripZeros(changenr)}`;
}

export function mapChangeHeader(row: CsvRow, out: Emit, ctx: SapContext): void {
  const objectclas = requireKey(row.get('OBJECTCLAS'), 'OBJECTCLAS');
  const objectid = requireKey(row.get('OBJECTID'), 'OBJECTID');
  const changenr = requireKey(row.get('CHANGENR'), 'CHANGENR');
  const key = headerKey(objectclas, objectid, changenr);
  out.key(`sap:CDHDR:${key}`);
  const user = row.get('USERNAME');
  out.header({
    key,
    ts: ctx.instant(row, 'UDATE', 'UTIME'),
    userId: user || null,
    userType: ctx.userType(user),
    attrs: { tcode: row.get('TCODE') || undefined },
  });
}

/** Attribute names of the change-tracked fields (object_changes.field). */
const FIELD_NAMES: Record<string, string> = {
  'VBAK-CMGST': 'credit_status',
  'VBAK-LIFSK': 'delivery_block',
  'VBAK-FAKSK': 'billing_block',
  'VBAK-VDATU': 'requested_date',
  'VBAK-ABSTK': 'rejection_status',
  'VBAP-NETPR': 'net_price',
  'VBAP-KWMENG': 'quantity',
  'VBAP-ZZPRSTAT': 'pricing_status',
  'VBAP-ABGRU': 'rejection_reason',
};

/** The activity a change of `field` from `old` to `now` stands for, if any. */
export function changeActivity(field: string, old: string, now: string): string | null {
  switch (field) {
    case 'VBAK-CMGST':
      if (now === 'B' && old !== 'B') return 'Set Credit Block';
      if (old === 'B' && (now === 'A' || now === 'D')) return 'Release Credit Block';
      return null;
    case 'VBAK-LIFSK':
      return old === '' && now !== '' ? 'Set Delivery Block' : old !== '' && now === '' ? 'Remove Delivery Block' : null;
    case 'VBAK-FAKSK':
      return old === '' && now !== '' ? 'Set Billing Block' : old !== '' && now === '' ? 'Remove Billing Block' : null;
    case 'VBAK-VDATU':
      return old !== now ? 'Change Requested Date' : null;
    case 'VBAK-ABSTK':
      return now === 'C' && old !== 'C' ? 'Cancel Order' : null;
    case 'VBAP-NETPR':
      return old !== now ? 'Change Price' : null;
    case 'VBAP-KWMENG':
      return old !== now ? 'Change Quantity' : null;
    case 'VBAP-ZZPRSTAT':
      return now === 'P' ? 'Request Price Approval' : now === 'A' ? 'Approve Price Exception' : now === 'R' ? 'Reject Price Exception' : null;
    case 'VBAP-ABGRU':
      return old === '' && now !== '' ? 'Reject Order Line' : null;
    default:
      return null;
  }
}

function dateValue(field: string, raw: string, column: string): string {
  if (field !== 'VBAK-VDATU') return raw;
  const d = sapDate(raw, column);
  return d ? isoDate(d) : '';
}

export function mapChangeItem(row: CsvRow, out: Emit): void {
  const objectclas = requireKey(row.get('OBJECTCLAS'), 'OBJECTCLAS');
  const objectid = stripZeros(requireKey(row.get('OBJECTID'), 'OBJECTID'));
  const changenr = stripZeros(requireKey(row.get('CHANGENR'), 'CHANGENR'));
  const tabname = row.get('TABNAME');
  const fname = requireKey(row.get('FNAME'), 'FNAME');
  const tabkey = row.get('TABKEY');
  const eventId = `sap:CDPOS:${objectid}:${changenr}:${tabkey}:${fname}`;
  out.key(eventId);
  if (objectclas !== 'VERKBELEG' || (tabname !== 'VBAK' && tabname !== 'VBAP')) return;
  const header = headerKey(objectclas, objectid, changenr);
  out.requireHeader(header, 'CHANGENR', `change document ${objectid}/${changenr} has no header in CDHDR`);
  const field = `${tabname}-${fname}`;
  const old = row.get('VALUE_OLD').trim();
  const now = row.get('VALUE_NEW').trim();
  const order = salesOrder(objectid);
  // TABKEY = client (3) + VBELN (10) + POSNR (6) for VBAP rows.
  const line = tabname === 'VBAP' ? orderLineId(tabkey.slice(3, 13) || objectid, tabkey.slice(13, 19) || '0') : null;
  const activity = changeActivity(field, old, now);
  if (activity) {
    out.event({ id: eventId, activity, header, attrs: { field, old_value: old, new_value: now } });
    out.link(eventId, order, 'order');
    if (line) out.link(eventId, line, 'line');
  }
  out.change({
    objectId: line ?? order,
    field: FIELD_NAMES[field] ?? field,
    oldValue: dateValue(field, old, 'VALUE_OLD'),
    newValue: dateValue(field, now, 'VALUE_NEW'),
    header,
    eventId: activity ? eventId : null,
  });
}
