// VBAK (order headers: Create Sales Order) and VBAP (order lines).
import { orderLineId, stripZeros } from '../common/keys';
import { requireKey } from '../common/reject';
import { decimal, isoDate, sapDate, sapTime } from '../common/values';
import type { CsvRow } from '../pipeline/csv';
import type { Emit } from '../pipeline/source';
import { customer, salesOrder, warehouseOf, type SapContext } from './context';

export function mapOrder(row: CsvRow, out: Emit, ctx: SapContext): void {
  const vbeln = stripZeros(requireKey(row.get('VBELN'), 'VBELN'));
  out.key(`sap:VBAK:${vbeln}`);
  const kunnr = stripZeros(requireKey(row.get('KUNNR'), 'KUNNR'));
  const ts = ctx.instant(row, 'ERDAT', 'ERZET');
  const requested = sapDate(row.get('VDATU'), 'VDATU');
  const net = decimal(row.get('NETWR'), 'NETWR');
  const user = row.get('ERNAM');
  const order = salesOrder(vbeln);
  const cust = customer(kunnr);
  const eventId = `sap:VBAK:${vbeln}`;
  out.requireObject(cust, 'KUNNR', `unknown customer "${row.get('KUNNR')}" in KUNNR: not in KNA1`);
  out.event({
    id: eventId,
    activity: 'Create Sales Order',
    ts,
    userId: user || null,
    userType: ctx.userType(user),
    amount: net,
    currency: row.get('WAERK') || null,
    attrs: { order_type: row.get('AUART'), channel: row.get('VTWEG') },
  });
  out.object(order, {
    customer: kunnr,
    order_type: row.get('AUART'),
    sales_org: row.get('VKORG'),
    channel: row.get('VTWEG'),
    po_number: row.get('BSTNK'),
    requested_date: requested ? isoDate(requested) : undefined,
    net_value: net,
    currency: row.get('WAERK'),
    credit_status: row.get('CMGST'),
    delivery_block: row.get('LIFSK'),
    billing_block: row.get('FAKSK'),
    payment_terms: row.get('ZTERM'),
    created_by: user,
  });
  out.link(eventId, order, 'order');
  out.link(eventId, cust, 'customer');
  out.relate(cust, order, 'places');
}

export function mapOrderLine(row: CsvRow, out: Emit): void {
  const vbeln = stripZeros(requireKey(row.get('VBELN'), 'VBELN'));
  const posnr = stripZeros(requireKey(row.get('POSNR'), 'POSNR'));
  out.key(`sap:VBAP:${vbeln}/${posnr}`);
  const created = sapDate(row.get('ERDAT'), 'ERDAT');
  sapTime(row.get('ERZET'), 'ERZET');
  const line = orderLineId(vbeln, posnr);
  out.object(line, {
    material: row.get('MATNR'),
    description: row.get('ARKTX'),
    quantity: decimal(row.get('KWMENG'), 'KWMENG'),
    unit: row.get('VRKME'),
    net_price: decimal(row.get('NETPR'), 'NETPR'),
    net_value: decimal(row.get('NETWR'), 'NETWR'),
    plant: row.get('WERKS'),
    warehouse: warehouseOf(row.get('WERKS')),
    rejection_reason: row.get('ABGRU'),
    pricing_status: row.get('ZZPRSTAT'),
    created_on: created ? isoDate(created) : undefined,
  });
  out.relate(salesOrder(vbeln), line, 'comprises');
}
