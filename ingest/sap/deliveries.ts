// LIKP (Create Delivery; proof of delivery for WH1), LIPS (delivery items: the order link) and
// VBFA (document flow: the goods issue, and which invoice a credit memo credits).
import { orderLineId, stripZeros } from '../common/keys';
import { requireKey } from '../common/reject';
import { isoDate, localDayEnd, localInstant, sapDate, sapTime } from '../common/values';
import type { CsvRow } from '../pipeline/csv';
import type { Emit } from '../pipeline/source';
import { creditMemo, delivery, invoice, salesOrder, warehouseOf, type SapContext } from './context';

const optionalDate = (row: CsvRow, field: string): string | undefined => {
  const d = sapDate(row.get(field), field);
  return d ? isoDate(d) : undefined;
};

export function mapDelivery(row: CsvRow, out: Emit, ctx: SapContext): void {
  const vbeln = stripZeros(requireKey(row.get('VBELN'), 'VBELN'));
  out.key(`sap:LIKP:${vbeln}`);
  const ts = ctx.instant(row, 'ERDAT', 'ERZET');
  const user = row.get('ERNAM');
  const dlv = delivery(vbeln);
  const eventId = `sap:LIKP:${vbeln}`;
  out.event({ id: eventId, activity: 'Create Delivery', ts, userId: user || null, userType: ctx.userType(user) });
  out.link(eventId, dlv, 'delivery');
  const pod = sapDate(row.get('PODAT'), 'PODAT');
  const potim = row.get('POTIM').trim();
  out.object(dlv, {
    shipping_point: row.get('VSTEL'),
    warehouse: warehouseOf(row.get('VSTEL')),
    customer: stripZeros(row.get('KUNNR')) || undefined,
    planned_delivery_date: optionalDate(row, 'LFDAT'),
    planned_goods_issue_date: optionalDate(row, 'WADAT'),
    goods_issue_date: optionalDate(row, 'WADAT_IST'),
    proof_of_delivery_date: pod ? isoDate(pod) : undefined,
    created_by: user,
  });
  if (pod) {
    // A proof of delivery without a time happened some time that day (docs/model.md).
    const dayOnly = potim === '' || potim === '000000';
    const podId = `sap:LIKP:${vbeln}:POD`;
    out.event({
      id: podId,
      activity: 'Deliver',
      ts: dayOnly ? localDayEnd(pod) : localInstant(pod, sapTime(potim, 'POTIM')),
      precision: dayOnly ? 'day' : 'second',
    });
    out.link(podId, dlv, 'delivery');
  }
}

export function mapDeliveryItem(row: CsvRow, out: Emit, ctx: SapContext): void {
  const vbeln = stripZeros(requireKey(row.get('VBELN'), 'VBELN'));
  const posnr = stripZeros(requireKey(row.get('POSNR'), 'POSNR'));
  out.key(`sap:LIPS:${vbeln}/${posnr}`);
  const vgbel = stripZeros(row.get('VGBEL'));
  if (vgbel === '' || vgbel === '0') return;
  const dlv = delivery(vbeln);
  const order = salesOrder(vgbel);
  const line = orderLineId(vgbel, row.get('VGPOS') || '0');
  if (ctx.changed('LIPS', `${vbeln}|${vgbel}`)) {
    out.link(`sap:LIKP:${vbeln}`, order, 'order');
    out.relate(order, dlv, 'fulfilled by');
  }
  out.relate(line, dlv, 'fulfilled by');
  // The WMS names delivery items; this is how their picks find the order line.
  out.alias(`~~sap:dlvitem:${vbeln}/${posnr}`, line);
}

export function mapDocumentFlow(row: CsvRow, out: Emit, ctx: SapContext): void {
  const vbelv = stripZeros(requireKey(row.get('VBELV'), 'VBELV'));
  const vbeln = stripZeros(requireKey(row.get('VBELN'), 'VBELN'));
  const posnv = stripZeros(row.get('POSNV'));
  const posnn = stripZeros(row.get('POSNN'));
  out.key(`sap:VBFA:${vbelv}/${posnv}:${vbeln}/${posnn}`);
  const flow = `${row.get('VBTYP_V').trim()}>${row.get('VBTYP_N').trim()}`;
  switch (flow) {
    case 'J>R': {
      // One goods-issue posting (material document) per delivery, whatever the item rows.
      const eventId = `sap:VBFA:${vbelv}:${vbeln}`;
      out.event({ id: eventId, activity: 'Post Goods Issue', ts: ctx.instant(row, 'ERDAT', 'ERZET'), attrs: { material_document: vbeln } });
      out.link(eventId, delivery(vbelv), 'delivery');
      return;
    }
    case 'M>O':
      // The credit memo's header (VBRK G2) does not name the invoice it credits; the flow does.
      out.relate(invoice(vbelv), creditMemo(vbeln), 'credited by');
      out.link(`sap:VBRK:${vbeln}`, invoice(vbelv), 'invoice');
      return;
    default:
      // Order -> delivery (C>J) and delivery -> invoice (J>M) repeat what LIPS and VBRP say item by
      // item; invoice -> cancellation (M>N) repeats VBRK.SFAKN; other flows carry nothing the
      // model uses.
      return;
  }
}
