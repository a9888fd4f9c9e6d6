// Odoo rows -> canonical records (docs/model.md). Ids: `sales_order:S00045`,
// `order_line:S00045/10` (sale_order_line.sequence), `delivery:WH2/OUT/00012`,
// `invoice:INV/2025/00031`, `credit_memo:RINV/2025/00003`, `payment:PBNK1/2025/00012`,
// `customer:<res_partner.ref>` (falls back to `customer:odoo-partner-<id>`).
// Event ids `odoo:<table>:<id>[:<step>]`. Times are Odoo's naive UTC timestamps.
import { RowReject } from '../common/reject';
import type { Emit, UserType } from '../pipeline/source';
import type { OdooRecord, OdooRow, OdooValue } from './extract';

const str = (r: OdooRecord, k: string): string | null => {
  const v: OdooValue | undefined = r[k];
  return v === null || v === undefined || v === '' ? null : String(v);
};
const num = (r: OdooRecord, k: string): number | null => {
  const v = r[k];
  return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
};
const need = (r: OdooRecord, k: string): string => {
  const v = str(r, k);
  if (v === null) throw new RowReject(k, `missing ${k}`);
  return v;
};
const needMs = (r: OdooRecord, k: string, field: string): number => {
  const v = num(r, k);
  if (v === null) throw new RowReject(field, `missing ${field}`);
  return Math.round(v);
};
const userType = (r: OdooRecord, k = 'is_system'): UserType | null => (r[k] === null || r[k] === undefined ? null : r[k] === true ? 'system' : 'human');

export const salesOrder = (name: string): string => `sales_order:${name}`;
export const orderLine = (order: string, seq: number | string): string => `order_line:${order}/${seq}`;

/** What an Odoo tracking value means, in docs/model.md activity names (null: no event). */
export function trackingActivity(model: string, field: string, oldV: string | null, newV: string | null): string | null {
  if (model === 'sale.order') {
    switch (field) {
      case 'x_credit_status':
        if (newV === 'Blocked') return 'Set Credit Block';
        return oldV === 'Blocked' && (newV === 'Approved' || newV === 'Released') ? 'Release Credit Block' : null;
      case 'x_delivery_block':
        return !oldV && newV ? 'Set Delivery Block' : oldV && !newV ? 'Remove Delivery Block' : null;
      case 'x_billing_block':
        return !oldV && newV ? 'Set Billing Block' : oldV && !newV ? 'Remove Billing Block' : null;
      case 'commitment_date':
        return 'Change Requested Date';
      case 'state':
        return newV === 'Cancelled' ? 'Cancel Order' : null;
      default:
        return null;
    }
  }
  if (model === 'sale.order.line') {
    switch (field) {
      case 'price_unit':
        return 'Change Price';
      case 'product_uom_qty':
        return 'Change Quantity';
      case 'x_price_approval':
        return newV === 'Pending approval' ? 'Request Price Approval' : newV === 'Approved' ? 'Approve Price Exception' : newV === 'Rejected' ? 'Reject Price Exception' : null;
      case 'x_rejection_reason':
        return !oldV && newV ? 'Reject Order Line' : null;
      default:
        return null;
    }
  }
  if (model === 'account.move' && field === 'state') return newV === 'Cancelled' ? 'Cancel Invoice' : null;
  return null;
}

export function mapOdoo(row: OdooRow, out: Emit): void {
  const r = row.rec;
  const id = need(r, 'id');
  const key = `odoo:${row.table}:${id}`;
  out.key(key);
  switch (row.table) {
    case 'sale_order': {
      const order = salesOrder(need(r, 'name'));
      const ref = str(r, 'partner_ref');
      const partnerId = str(r, 'partner_id');
      const cust = ref ? `customer:${ref}` : partnerId ? `customer:odoo-partner-${partnerId}` : null;
      const amount = num(r, 'amount_untaxed');
      out.event({
        id: key,
        activity: 'Create Sales Order',
        ts: needMs(r, 'created_ms', 'create_date'),
        userId: str(r, 'login'),
        userType: userType(r),
        amount,
        attrs: { channel: str(r, 'x_channel') },
      });
      out.object(order, {
        customer: ref ?? undefined,
        channel: str(r, 'x_channel') ?? undefined,
        po_number: str(r, 'client_order_ref') ?? undefined,
        requested_date: str(r, 'commitment_date') ?? undefined,
        net_value: amount,
        credit_status: str(r, 'x_credit_status') ?? '',
        delivery_block: str(r, 'x_delivery_block') ?? '',
        billing_block: str(r, 'x_billing_block') ?? '',
        state: str(r, 'state') ?? undefined,
        invoice_status: str(r, 'invoice_status') ?? undefined,
        created_by: str(r, 'login') ?? undefined,
        odoo_id: Number(id),
      });
      out.link(key, order, 'order');
      if (cust) {
        out.object(cust, { name: str(r, 'partner_name') ?? undefined });
        out.link(key, cust, 'customer');
        out.relate(cust, order, 'places');
      }
      return;
    }
    case 'sale_order_line': {
      const orderName = need(r, 'order_name');
      const line = orderLine(orderName, need(r, 'sequence'));
      out.object(line, {
        description: str(r, 'name') ?? undefined,
        quantity: num(r, 'qty'),
        delivered_quantity: num(r, 'qty_delivered'),
        net_price: num(r, 'price_unit'),
        net_value: num(r, 'price_subtotal'),
        state: str(r, 'state') ?? undefined,
        pricing_status: str(r, 'x_price_approval') ?? '',
        rejection_reason: str(r, 'x_rejection_reason') ?? '',
        created_on: str(r, 'created_on') ?? undefined,
        odoo_id: Number(id),
      });
      out.relate(salesOrder(orderName), line, 'comprises');
      return;
    }
    case 'stock_picking': {
      const name = need(r, 'name');
      const delivery = `delivery:${name}`;
      const orderName = str(r, 'order_name');
      const created = `${key}:create`;
      out.object(delivery, {
        state: str(r, 'state') ?? undefined,
        warehouse: name.split('/')[0],
        scheduled_date: str(r, 'scheduled_date') ?? undefined,
        deadline: str(r, 'date_deadline') ?? undefined,
        tracking: str(r, 'carrier_tracking_ref') ?? undefined,
        backorder_of: str(r, 'backorder_of') ?? undefined,
        odoo_id: Number(id),
      });
      out.event({
        id: created,
        activity: 'Create Delivery',
        ts: needMs(r, 'created_ms', 'create_date'),
        userId: str(r, 'create_login'),
        userType: userType(r, 'create_system'),
      });
      out.link(created, delivery, 'delivery');
      if (orderName) {
        out.link(created, salesOrder(orderName), 'order');
        out.relate(salesOrder(orderName), delivery, 'fulfilled by');
      }
      const done = num(r, 'done_ms');
      if (done !== null && str(r, 'state') === 'done') {
        out.event({
          id: `${key}:done`,
          activity: 'Post Goods Issue',
          ts: Math.round(done),
          userId: str(r, 'write_login'),
          userType: userType(r, 'write_system'),
        });
        out.link(`${key}:done`, delivery, 'delivery');
      }
      return;
    }
    case 'stock_move': {
      const picking = str(r, 'picking_name');
      const orderName = str(r, 'order_name');
      const seq = str(r, 'line_sequence');
      if (picking && orderName && seq) out.relate(orderLine(orderName, seq), `delivery:${picking}`, 'fulfilled by');
      return;
    }
    case 'account_move': {
      const name = need(r, 'name');
      const refund = str(r, 'move_type') === 'out_refund';
      const doc = refund ? `credit_memo:${name}` : `invoice:${name}`;
      const origin = str(r, 'invoice_origin');
      const total = num(r, 'amount_total');
      out.object(doc, {
        state: str(r, 'state') ?? undefined,
        payment_state: str(r, 'payment_state') ?? undefined,
        invoice_date: str(r, 'invoice_date') ?? undefined,
        due_date: str(r, 'due_date') ?? undefined,
        net_value: num(r, 'amount_untaxed'),
        tax: num(r, 'amount_tax'),
        gross_value: total,
        open_amount: num(r, 'amount_residual'),
        customer: str(r, 'partner_ref') ?? undefined,
        odoo_id: Number(id),
      });
      out.event({
        id: key,
        activity: refund ? 'Create Credit Memo' : 'Create Invoice',
        ts: needMs(r, 'created_ms', 'create_date'),
        userId: str(r, 'login'),
        userType: userType(r),
        amount: total,
      });
      out.link(key, doc, refund ? 'credit_memo' : 'invoice');
      if (refund) {
        const reversed = str(r, 'reversed_name');
        if (reversed) {
          out.link(key, `invoice:${reversed}`, 'invoice');
          out.relate(`invoice:${reversed}`, doc, 'credited by');
        }
      } else if (origin) {
        out.link(key, salesOrder(origin), 'order');
        out.relate(salesOrder(origin), doc, 'billed by');
      }
      return;
    }
    case 'account_payment': {
      const payment = `payment:${need(r, 'name')}`;
      const amount = num(r, 'amount');
      out.object(payment, { amount, state: str(r, 'state') ?? undefined, date: str(r, 'date') ?? undefined, odoo_id: Number(id) });
      out.event({
        id: key,
        activity: 'Receive Payment',
        ts: needMs(r, 'created_ms', 'create_date'),
        userId: str(r, 'login'),
        userType: userType(r),
        amount,
      });
      out.link(key, payment, 'payment');
      const inv = str(r, 'invoice_name');
      if (inv) out.link(key, `invoice:${inv}`, 'invoice');
      return;
    }
    case 'account_partial_reconcile': {
      if (str(r, 'debit_type') !== 'out_invoice') return; // only customer invoices settle
      const invoice = `invoice:${need(r, 'debit_name')}`;
      const paymentName = str(r, 'payment_name');
      const creditName = str(r, 'credit_name');
      const settledBy = paymentName ? `payment:${paymentName}` : creditName && str(r, 'credit_type') === 'out_refund' ? `credit_memo:${creditName}` : null;
      out.event({
        id: key,
        activity: 'Apply Cash',
        ts: needMs(r, 'created_ms', 'create_date'),
        userId: str(r, 'login'),
        userType: userType(r),
        amount: num(r, 'amount'),
        attrs: { application: str(r, 'application'), max_date: str(r, 'max_date') },
      });
      out.link(key, invoice, 'invoice');
      if (settledBy) {
        out.link(key, settledBy, settledBy.startsWith('payment:') ? 'payment' : 'credit_memo');
        if (settledBy.startsWith('payment:')) out.relate(invoice, settledBy, 'settled by');
      }
      return;
    }
    case 'mail_tracking_value': {
      const model = need(r, 'model');
      const field = need(r, 'field');
      const ttype = str(r, 'ttype');
      const pick = (side: 'old' | 'new'): string | null =>
        ttype === 'float' || ttype === 'integer' || ttype === 'monetary'
          ? num(r, `${side}_value_float`) === null ? null : String(num(r, `${side}_value_float`))
          : ttype === 'date' || ttype === 'datetime'
            ? str(r, `${side}_value_date`)
            : str(r, `${side}_value_char`);
      const oldV = pick('old');
      const newV = pick('new');
      const orderName = str(r, 'order_name');
      const seq = str(r, 'line_sequence');
      const moveName = str(r, 'move_name');
      let target: string | null = null;
      const related: Array<[string, string]> = [];
      if (model === 'sale.order' && orderName) {
        target = salesOrder(orderName);
        related.push([target, 'order']);
      } else if (model === 'sale.order.line' && orderName && seq) {
        target = orderLine(orderName, seq);
        related.push([salesOrder(orderName), 'order'], [target, 'line']);
      } else if (model === 'account.move' && moveName) {
        target = str(r, 'move_type') === 'out_refund' ? `credit_memo:${moveName}` : `invoice:${moveName}`;
        related.push([target, str(r, 'move_type') === 'out_refund' ? 'credit_memo' : 'invoice']);
      }
      if (!target) throw new RowReject('res_id', `tracking value of ${model} ${String(r.res_id)}: record not found`);
      const ts = needMs(r, 'at_ms', 'date');
      const activity = trackingActivity(model, field, oldV, newV);
      out.change({ objectId: target, field, oldValue: oldV, newValue: newV, ts, eventId: activity ? key : null });
      if (!activity) return;
      out.event({ id: key, activity, ts, userId: str(r, 'login'), userType: userType(r), attrs: { field, old: oldV, new: newV } });
      for (const [obj, q] of related) out.link(key, obj, q);
      return;
    }
  }
}
