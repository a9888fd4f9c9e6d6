// BSID (open) and BSAD (cleared) customer items of FI: invoice items (RV) enrich the invoice with
// due and clearing facts; payment items (DZ) are Apply Cash or, with a reason code, Record
// Deduction, both at day precision (BUDAT); credit-memo items (DG) link memo and invoice.
// An item refers to its invoice by VBELN, by REBZG (the invoice item's BELNR, partial payments),
// or, for the payment that cleared the invoice, by the invoice item's AUGBL (its own BELNR).
import { objectId, stripZeros } from '../common/keys';
import { requireKey } from '../common/reject';
import { addDaysIso, decimal, isoDate, localDayEnd, requiredSapDate, sapDate } from '../common/values';
import type { CsvRow } from '../pipeline/csv';
import type { Emit } from '../pipeline/source';
import { creditMemo, invoice } from './context';

function invoiceRef(row: CsvRow, bukrs: string, belnr: string): string {
  const vbeln = stripZeros(row.get('VBELN'));
  if (vbeln !== '' && vbeln !== '0') return invoice(vbeln);
  const rebzg = stripZeros(row.get('REBZG'));
  if (rebzg !== '' && rebzg !== '0') return `~sap:fi:${bukrs}:${rebzg}`;
  return `~sap:augbl:${bukrs}:${belnr}`;
}

export function mapCustomerItem(row: CsvRow, out: Emit): void {
  const table = row.kind;
  const bukrs = row.get('BUKRS').trim();
  const belnr = stripZeros(requireKey(row.get('BELNR'), 'BELNR'));
  const gjahr = row.get('GJAHR').trim();
  const buzei = stripZeros(row.get('BUZEI'));
  const itemKey = `${bukrs}:${gjahr}:${belnr}:${buzei}`;
  out.key(`sap:${table}:${itemKey}`);
  requireKey(row.get('KUNNR'), 'KUNNR');
  const posted = requiredSapDate(row.get('BUDAT'), 'BUDAT');
  sapDate(row.get('BLDAT'), 'BLDAT');
  const amount = decimal(row.get('DMBTR'), 'DMBTR');
  const currency = row.get('WAERS') || null;
  const cleared = table === 'BSAD';
  const clearedOn = cleared ? sapDate(row.get('AUGDT'), 'AUGDT') : null;
  const augbl = cleared ? stripZeros(row.get('AUGBL')) : '';
  const blart = row.get('BLART').trim();
  const eventId = `sap:BSEG:${itemKey}`;

  if (blart === 'RV') {
    const vbeln = stripZeros(requireKey(row.get('VBELN'), 'VBELN'));
    const baseline = sapDate(row.get('ZFBDT'), 'ZFBDT');
    const days = Number(row.get('ZBD1T') || '0');
    const inv = invoice(vbeln);
    out.object(inv, {
      fi_document: belnr,
      posting_date: isoDate(posted),
      baseline_date: baseline ? isoDate(baseline) : undefined,
      due_date: baseline && Number.isFinite(days) ? addDaysIso(baseline, days) : undefined,
      receivable_amount: amount,
      open: !cleared,
      clearing_date: clearedOn ? isoDate(clearedOn) : undefined,
      clearing_document: augbl || undefined,
    });
    out.alias(`~sap:fi:${bukrs}:${belnr}`, inv);
    if (augbl !== '') out.alias(`~sap:augbl:${bukrs}:${augbl}`, inv);
    return;
  }
  if (blart === 'DZ') {
    const inv = invoiceRef(row, bukrs, belnr);
    const reason = row.get('RSTGR').trim();
    const common = { id: eventId, ts: localDayEnd(posted), precision: 'day' as const, amount, currency };
    if (reason !== '') {
      out.event({ ...common, activity: 'Record Deduction', attrs: { reason, fi_document: belnr } });
      out.link(eventId, inv, 'invoice');
      return;
    }
    const partial = stripZeros(row.get('REBZG')) !== '';
    out.event({ ...common, activity: 'Apply Cash', attrs: { application: partial ? 'partial' : 'full', fi_document: belnr } });
    out.link(eventId, inv, 'invoice');
    const xblnr = row.get('XBLNR').trim();
    if (xblnr !== '') {
      const payment = objectId('payment', xblnr);
      out.object(payment, { fi_document: belnr, applied_amount: amount, applied_on: isoDate(posted) });
      out.link(eventId, payment, 'payment');
      out.relate(inv, payment, 'settled by');
    }
    return;
  }
  if (blart === 'DG') {
    const vbeln = stripZeros(requireKey(row.get('VBELN'), 'VBELN'));
    const memo = creditMemo(vbeln);
    out.object(memo, { fi_document: belnr, receivable_amount: amount, open: !cleared });
    const rebzg = stripZeros(row.get('REBZG'));
    if (rebzg !== '') out.relate(`~sap:fi:${bukrs}:${rebzg}`, memo, 'credited by');
  }
}
