// Modern WMS (WH2): webhook deliveries as NDJSON, one file per UTC arrival day, lines in arrival
// order. A re-delivered webhook (same event_id) is a duplicate record; occurred_at is UTC.
import { stripZeros } from '../common/keys';
import { requireKey, RowReject } from '../common/reject';
import { isoInstant, jsonNumber } from '../common/values';
import { listFiles } from '../pipeline/files';
import { readNdjson, type JsonRow } from '../pipeline/ndjson';
import type { Emit, Source } from '../pipeline/source';
import { deliveryId, deliveryItemAlias } from './common';

export const WMS_EVENTS_SYSTEM = 'wms-events';

const ACTIVITIES: Record<string, string> = {
  'wave.released': 'Release Wave',
  'pick.confirmed': 'Confirm Pick',
  'pack.completed': 'Pack',
  'shipment.shipped': 'Confirm Shipment',
  'carrier.picked_up': 'Carrier Pickup',
  'shipment.delivered': 'Deliver',
};

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function mapWebhook(row: JsonRow, out: Emit): void {
  const v = row.value;
  const whe = requireKey(text(v.event_id), 'event_id');
  const eventId = `wms2:${whe}`;
  out.key(eventId);
  const type = text(v.event_type);
  const activity = ACTIVITIES[type];
  if (!activity) throw new RowReject('event_type', `unknown event_type "${type}"`);
  const dlvRef = stripZeros(requireKey(text(v.delivery_ref), 'delivery_ref'));
  const ts = isoInstant(v.occurred_at, 'occurred_at');
  const actor = (v.actor && typeof v.actor === 'object' ? v.actor : {}) as Record<string, unknown>;
  const actorType = text(actor.type);
  const dlv = deliveryId(dlvRef);
  const carrier = text(v.carrier) || undefined;
  const tracking = text(v.tracking) || undefined;
  let attrs: Record<string, string | number | undefined> = { warehouse: text(v.warehouse) || undefined, carrier, tracking };
  const lineRef = stripZeros(text(v.line_ref));
  if (type === 'pick.confirmed') {
    if (lineRef === '') throw new RowReject('line_ref', 'missing key: line_ref is empty for a pick', 'missing_key');
    const expected = jsonNumber(v.qty_expected, 'qty_expected');
    const confirmed = jsonNumber(v.qty_confirmed, 'qty_confirmed');
    if (confirmed !== null && confirmed < 0) {
      throw new RowReject('qty_confirmed', `negative quantity ${confirmed} in qty_confirmed`, 'negative_quantity');
    }
    const short = expected !== null && confirmed !== null && confirmed < expected ? expected - confirmed : 0;
    attrs = { ...attrs, delivery_item: lineRef, sku: text(v.sku), qty_expected: expected ?? undefined, qty_confirmed: confirmed ?? undefined, short_qty: short };
  }
  out.event({
    id: eventId,
    activity,
    ts,
    userId: text(actor.id) || null,
    userType: actorType === 'user' ? 'human' : actorType === 'system' ? 'system' : null,
    attrs,
  });
  out.object(dlv, { warehouse: text(v.warehouse) || undefined, carrier, tracking });
  out.link(eventId, dlv, 'delivery');
  if (lineRef !== '') out.link(eventId, deliveryItemAlias(dlvRef, lineRef), 'line');
}

export const wmsEventsSource: Source<JsonRow> = {
  kind: 'wms-events',
  system: WMS_EVENTS_SYSTEM,
  async *read(path: string) {
    for (const file of listFiles(path, (f) => f.toLowerCase().endsWith('.ndjson'))) yield* readNdjson(file);
  },
  mapper: () => mapWebhook,
};
