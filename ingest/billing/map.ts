// Billing/AR platform events (Stripe-style) -> canonical records (docs/model.md). Events that only
// mirror an ERP fact (created, finalized, paid, voided, credit note) make no event: they add the
// platform's view (id, status, due date, amounts) to the invoice or credit memo.
import { objectId } from '../common/keys';
import { requireKey, RowReject } from '../common/reject';
import { zoneOffsetMinutes } from '../common/time';
import { centsToUnits, epochSeconds, jsonNumber } from '../common/values';
import type { JsonRow } from '../pipeline/ndjson';
import type { Attrs, Emit } from '../pipeline/source';
import { customerKey, erpCreditMemo, erpInvoice, erpOrder, platformInvoice } from './references';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
/** The ERP's local calendar date of an instant (a due date at 23:59:59 local stays on its day). */
const localDate = (ms: number): string => new Date(ms + zoneOffsetMinutes(ms) * 60000).toISOString().slice(0, 10);
const units = (v: unknown, field: string): number | undefined => {
  const n = jsonNumber(v, field);
  return n === null ? undefined : centsToUnits(n);
};

const INVOICE_ACTIVITIES: Record<string, string | null> = {
  'invoice.created': null,
  'invoice.finalized': null,
  'invoice.paid': null,
  'invoice.voided': null,
  'invoice.sent': 'Send Invoice',
  'invoice.reminder_sent': 'Send Dunning Notice',
  'invoice.payment_succeeded': 'Receive Payment',
  'invoice.payment_failed': 'Payment Failed',
};

/** The invoice's attributes as the platform reports them. */
function invoiceAttrs(inv: Json): Attrs {
  const due = inv.due_date;
  return {
    platform_id: text(inv.id) || undefined,
    platform_status: text(inv.status) || undefined,
    customer: text(inv.customer) ? customerKey(text(inv.customer)) : undefined,
    amount_due: units(inv.amount_due, 'data.object.amount_due'),
    amount_paid: units(inv.amount_paid, 'data.object.amount_paid'),
    amount_remaining: units(inv.amount_remaining, 'data.object.amount_remaining'),
    platform_due_date: typeof due === 'number' ? localDate(epochSeconds(due, 'data.object.due_date')) : undefined,
  };
}

export function mapBillingEvent(row: JsonRow, out: Emit): void {
  const v = row.value;
  const evt = requireKey(text(v.id), 'id');
  const eventId = `bill:${evt}`;
  out.key(eventId);
  const type = text(v.type);
  const ts = epochSeconds(v.created, 'created');
  const request = obj(v.request);
  const person = text(request.id) !== '';
  const who = { userId: person ? text(request.user) || null : null, userType: person ? ('human' as const) : ('system' as const) };
  const data = obj(v.data);
  const o = obj(data.object);
  const currency = text(o.currency).toUpperCase() || null;

  if (type in INVOICE_ACTIVITIES) {
    const meta = obj(o.metadata);
    const inv = erpInvoice(text(meta.erp_billing_doc), 'data.object.metadata.erp_billing_doc');
    out.object(inv, invoiceAttrs(o));
    const inId = text(o.id);
    if (inId !== '') out.alias(platformInvoice(inId), inv);
    if (text(meta.erp_order) !== '') {
      const order = erpOrder(text(meta.erp_order), 'data.object.metadata.erp_order');
      out.object(order);
      out.relate(order, inv, 'billed by');
    }
    const activity = INVOICE_ACTIVITIES[type];
    if (!activity) return;
    const payment = obj(data.payment);
    const attrs: Attrs = {};
    let amount: number | null = null;
    if (type === 'invoice.reminder_sent') attrs.level = jsonNumber(o.reminder_level, 'data.object.reminder_level') ?? undefined;
    if (type === 'invoice.payment_succeeded' || type === 'invoice.payment_failed') {
      amount = units(payment.amount, 'data.payment.amount') ?? null;
      attrs.payment_id = text(payment.id) || undefined;
      if (type === 'invoice.payment_succeeded') {
        const remaining = jsonNumber(o.amount_remaining, 'data.object.amount_remaining');
        attrs.partial = remaining !== null && remaining > 0;
      }
    }
    out.event({ id: eventId, activity, ts, ...who, amount, currency: amount === null ? null : currency, attrs });
    out.link(eventId, inv, 'invoice');
    if (type === 'invoice.payment_succeeded') {
      const py = requireKey(text(payment.id), 'data.payment.id');
      const pay = objectId('payment', py);
      out.object(pay, { amount: amount ?? undefined, currency: currency ?? undefined, received_at: new Date(ts).toISOString() });
      out.link(eventId, pay, 'payment');
      out.relate(inv, pay, 'settled by');
    }
    return;
  }

  if (type === 'credit_note.created') {
    const memo = erpCreditMemo(text(obj(o.metadata).erp_credit_memo), 'data.object.metadata.erp_credit_memo');
    out.object(memo, { platform_id: text(o.id) || undefined, amount: units(o.amount, 'data.object.amount') });
    const inId = text(o.invoice);
    if (inId !== '') out.relate(platformInvoice(inId), memo, 'credited by');
    return;
  }

  if (type === 'charge.dispute.created' || type === 'charge.dispute.closed') {
    const dp = requireKey(text(o.id), 'data.object.id');
    const dispute = objectId('dispute', dp);
    const inv = platformInvoice(requireKey(text(o.invoice), 'data.object.invoice'));
    const closed = type === 'charge.dispute.closed';
    const amount = units(o.amount, 'data.object.amount') ?? null;
    out.event({
      id: eventId,
      activity: closed ? 'Resolve Dispute' : 'Open Dispute',
      ts,
      ...who,
      amount,
      currency: amount === null ? null : currency,
      attrs: { reason: text(o.reason) || undefined, outcome: closed ? text(o.status) || undefined : undefined },
    });
    out.object(dispute, {
      amount: amount ?? undefined,
      reason: text(o.reason) || undefined,
      status: closed ? text(o.status) || 'closed' : 'open',
    });
    out.link(eventId, dispute, 'dispute');
    out.link(eventId, inv, 'invoice');
    out.relate(inv, dispute, 'disputed by');
    return;
  }

  throw new RowReject('type', `unknown event type "${type}"`);
}
