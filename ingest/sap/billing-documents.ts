// VBRK (billing documents: F2 Create Invoice, S1 Cancel Invoice, G2 Create Credit Memo) and VBRP
// (items: the order and delivery an F2 bills). VBRP does not say which kind its document is, so it
// refers to `~sap:f2:<doc>` / `~sap:f2event:<doc>`, which only an F2 header defines.
import { stripZeros } from '../common/keys';
import { requireKey, RowReject } from '../common/reject';
import { decimal, isoDate, sapDate } from '../common/values';
import type { CsvRow } from '../pipeline/csv';
import type { Emit } from '../pipeline/source';
import { creditMemo, delivery, invoice, salesOrder, type SapContext } from './context';

export function mapBillingDocument(row: CsvRow, out: Emit, ctx: SapContext): void {
  const vbeln = stripZeros(requireKey(row.get('VBELN'), 'VBELN'));
  out.key(`sap:VBRK:${vbeln}`);
  const fkart = row.get('FKART').trim();
  const ts = ctx.instant(row, 'ERDAT', 'ERZET');
  const billingDate = sapDate(row.get('FKDAT'), 'FKDAT');
  const net = decimal(row.get('NETWR'), 'NETWR');
  const tax = decimal(row.get('MWSBK'), 'MWSBK');
  const gross = net === null ? null : Math.round((net + (tax ?? 0)) * 100) / 100;
  const user = row.get('ERNAM');
  const eventId = `sap:VBRK:${vbeln}`;
  const common = {
    ts,
    userId: user || null,
    userType: ctx.userType(user),
    amount: gross,
    currency: row.get('WAERK') || null,
  };
  const attrs = {
    billing_type: fkart,
    billing_date: billingDate ? isoDate(billingDate) : undefined,
    customer: stripZeros(row.get('KUNAG')) || undefined,
    net_amount: net,
    tax_amount: tax,
    gross_amount: gross,
    currency: row.get('WAERK'),
    payment_terms: row.get('ZTERM') || undefined,
    created_by: user,
  };
  switch (fkart) {
    case 'F2': {
      const inv = invoice(vbeln);
      out.event({ id: eventId, activity: 'Create Invoice', ...common });
      out.object(inv, { ...attrs, cancelled: row.get('FKSTO').trim() === 'X' });
      out.link(eventId, inv, 'invoice');
      out.alias(`~sap:f2:${vbeln}`, inv);
      out.alias(`~sap:f2event:${vbeln}`, eventId);
      return;
    }
    case 'S1': {
      const cancelled = stripZeros(requireKey(row.get('SFAKN'), 'SFAKN'));
      const doc = invoice(vbeln);
      out.event({ id: eventId, activity: 'Cancel Invoice', ...common, attrs: { cancelled_invoice: cancelled } });
      out.object(doc, { ...attrs, cancels: cancelled });
      out.object(invoice(cancelled), { cancelled: true });
      out.link(eventId, invoice(cancelled), 'invoice');
      out.link(eventId, doc, 'cancellation');
      out.relate(invoice(cancelled), doc, 'cancelled by');
      return;
    }
    case 'G2': {
      const memo = creditMemo(vbeln);
      out.event({ id: eventId, activity: 'Create Credit Memo', ...common });
      out.object(memo, attrs);
      out.link(eventId, memo, 'credit_memo');
      return;
    }
    default:
      throw new RowReject('FKART', `unknown billing type "${fkart}" in FKART (expected F2, S1 or G2)`);
  }
}

export function mapBillingItem(row: CsvRow, out: Emit, ctx: SapContext): void {
  const vbeln = stripZeros(requireKey(row.get('VBELN'), 'VBELN'));
  const posnr = stripZeros(requireKey(row.get('POSNR'), 'POSNR'));
  out.key(`sap:VBRP:${vbeln}/${posnr}`);
  const aubel = stripZeros(row.get('AUBEL'));
  const vgbel = stripZeros(row.get('VGBEL'));
  if (aubel !== '' && aubel !== '0' && ctx.changed('VBRP-order', `${vbeln}|${aubel}`)) {
    out.link(`~sap:f2event:${vbeln}`, salesOrder(aubel), 'order');
    out.relate(salesOrder(aubel), `~sap:f2:${vbeln}`, 'billed by');
  }
  if (vgbel !== '' && vgbel !== '0' && ctx.changed('VBRP-delivery', `${vbeln}|${vgbel}`)) {
    out.link(`~sap:f2event:${vbeln}`, delivery(vgbel), 'delivery');
    out.relate(delivery(vgbel), `~sap:f2:${vbeln}`, 'billed by');
  }
}
