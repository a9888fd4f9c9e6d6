// A hand-made O2C log of six orders whose every number is worked out by hand in the tests.
// Attribute names follow ingest/sap (sales_order: customer, channel, order_type, net_value,
// currency; customer: name, segment; delivery: warehouse; invoice: gross_amount).
//
//   A  sales_order:1  customer 100 (KA), eCommerce. Created 03-03 08:00, credit block 12 h,
//      one delivery 801 (WH1) with two picks at the same second, PGI 03-05 08:00 (48 h),
//      invoice 901 (1,100) 03-05 20:00 (12 h after PGI), paid and cash applied 03-21.
//   B  sales_order:2  customer 100, EDI. Created 03-10 09:00, delivery 802 (WH2), PGI 03-13 09:00
//      (72 h), invoice 902 (2,000) 03-14 09:00 (24 h), credit memo 100 on 03-20, dispute opened
//      03-22 and never resolved, partial cash 1,500 on 03-30.
//   C  sales_order:3  customer 101 (SM). Created 03-28 10:00, credit block 1 s later, never released.
//   D  sales_order:4  customer 101. Created 03-20 10:00, nothing else.
//   E  sales_order:5  customer 101. Created 02-10 08:00; delivery 803 (WH1) PGI 02-11 08:00 (24 h),
//      invoice 903 (5,000) 02-11 14:00 (6 h); split delivery 804 (WH2) PGI 03-02 08:00, invoice
//      904 (300) 03-03 08:00 (24 h). Neither invoice is paid.
//   F  sales_order:6  customer 101. Created 03-25 08:00, delivery 805 (WH1); Post Goods Issue and
//      Confirm Shipment at the same second 03-26 08:00 (loaded in that order, so PGI comes first
//      although its event id sorts last); never invoiced.
// Plus an event on customer 100 alone, which belongs to no order's trace.
import { CanonicalLog } from './canonical-log';

export function o2cFixture(): CanonicalLog {
  const log = new CanonicalLog();
  log
    .object('customer:100', { name: 'Acme', segment: 'KA' })
    .object('customer:101', { name: 'Bolt', segment: 'SM' });
  const order = (n: number, customer: string, channel: string) => {
    log.object(`sales_order:${n}`, { customer, channel, order_type: 'ZOR', net_value: 1000 * n, currency: 'USD' });
    log.relate(`customer:${customer}`, `sales_order:${n}`, 'places');
  };
  const delivery = (id: number, so: number, warehouse: string) => {
    log.object(`delivery:${id}`, { warehouse }).relate(`sales_order:${so}`, `delivery:${id}`, 'fulfilled by');
  };
  const invoice = (id: number, so: number, dl: number, gross: number) => {
    log.object(`invoice:${id}`, { gross_amount: gross, net_amount: gross, tax_amount: 0 });
    log.relate(`delivery:${dl}`, `invoice:${id}`, 'billed by').relate(`sales_order:${so}`, `invoice:${id}`, 'billed by');
  };

  // A
  order(1, '100', '10');
  log.object('order_line:1/10').object('order_line:1/20');
  log.relate('sales_order:1', 'order_line:1/10', 'comprises').relate('sales_order:1', 'order_line:1/20', 'comprises');
  delivery(801, 1, 'WH1');
  log.relate('order_line:1/10', 'delivery:801', 'fulfilled by').relate('order_line:1/20', 'delivery:801', 'fulfilled by');
  invoice(901, 1, 801, 1100);
  log.object('payment:py_1').relate('invoice:901', 'payment:py_1', 'settled by');
  log
    .event({ id: 'a01', activity: 'Create Sales Order', ts: '2025-03-03 08:00:00', objects: ['sales_order:1', 'customer:100'], user: 'jdoe', userType: 'human' })
    .event({ id: 'a02', activity: 'Set Credit Block', ts: '2025-03-03 08:00:01', objects: ['sales_order:1'], userType: 'system' })
    .event({ id: 'a03', activity: 'Release Credit Block', ts: '2025-03-03 20:00:01', objects: ['sales_order:1'], userType: 'human' })
    .event({ id: 'a04', activity: 'Create Delivery', ts: '2025-03-04 08:00:00', objects: ['delivery:801', 'sales_order:1'] })
    .event({ id: 'a05', activity: 'Confirm Pick', ts: '2025-03-04 10:00:00', objects: ['delivery:801', 'order_line:1/10'] })
    .event({ id: 'a06', activity: 'Confirm Pick', ts: '2025-03-04 10:00:00', objects: ['delivery:801', 'order_line:1/20'] })
    .event({ id: 'a07', activity: 'Pack', ts: '2025-03-04 12:00:00', objects: ['delivery:801'] })
    .event({ id: 'a08', activity: 'Post Goods Issue', ts: '2025-03-05 08:00:00', objects: ['delivery:801'] })
    .event({ id: 'a09', activity: 'Create Invoice', ts: '2025-03-05 20:00:00', objects: ['invoice:901', 'sales_order:1', 'delivery:801'], amount: 1100 })
    .event({ id: 'a10', activity: 'Receive Payment', ts: '2025-03-20 15:00:00', objects: ['payment:py_1', 'invoice:901'], amount: 1100 })
    .event({ id: 'a11', activity: 'Apply Cash', ts: '2025-03-21 12:00:00', objects: ['payment:py_1', 'invoice:901'], amount: 1100, precision: 'day' });

  // B
  order(2, '100', '20');
  delivery(802, 2, 'WH2');
  invoice(902, 2, 802, 2000);
  log.object('credit_memo:951').relate('invoice:902', 'credit_memo:951', 'credited by');
  log.object('dispute:dp_1').relate('invoice:902', 'dispute:dp_1', 'disputed by');
  log
    .event({ id: 'b1', activity: 'Create Sales Order', ts: '2025-03-10 09:00:00', objects: ['sales_order:2', 'customer:100'] })
    .event({ id: 'b2', activity: 'Create Delivery', ts: '2025-03-10 12:00:00', objects: ['delivery:802', 'sales_order:2'] })
    .event({ id: 'b3', activity: 'Post Goods Issue', ts: '2025-03-13 09:00:00', objects: ['delivery:802'] })
    .event({ id: 'b4', activity: 'Create Invoice', ts: '2025-03-14 09:00:00', objects: ['invoice:902', 'sales_order:2', 'delivery:802'], amount: 2000 })
    .event({ id: 'b5', activity: 'Create Credit Memo', ts: '2025-03-20 10:00:00', objects: ['credit_memo:951', 'invoice:902'], amount: 100 })
    .event({ id: 'b6', activity: 'Open Dispute', ts: '2025-03-22 12:00:00', objects: ['dispute:dp_1', 'invoice:902'] })
    .event({ id: 'b7', activity: 'Apply Cash', ts: '2025-03-30 12:00:00', objects: ['invoice:902'], amount: 1500, precision: 'day' });

  // C and D
  order(3, '101', '30');
  order(4, '101', '40');
  log
    .event({ id: 'c1', activity: 'Create Sales Order', ts: '2025-03-28 10:00:00', objects: ['sales_order:3', 'customer:101'] })
    .event({ id: 'c2', activity: 'Set Credit Block', ts: '2025-03-28 10:00:01', objects: ['sales_order:3'] })
    .event({ id: 'd1', activity: 'Create Sales Order', ts: '2025-03-20 10:00:00', objects: ['sales_order:4', 'customer:101'] });

  // E
  order(5, '101', '10');
  delivery(803, 5, 'WH1');
  delivery(804, 5, 'WH2');
  invoice(903, 5, 803, 5000);
  invoice(904, 5, 804, 300);
  log
    .event({ id: 'e1', activity: 'Create Sales Order', ts: '2025-02-10 08:00:00', objects: ['sales_order:5', 'customer:101'] })
    .event({ id: 'e2', activity: 'Create Delivery', ts: '2025-02-10 12:00:00', objects: ['delivery:803', 'sales_order:5'] })
    .event({ id: 'e3', activity: 'Post Goods Issue', ts: '2025-02-11 08:00:00', objects: ['delivery:803'] })
    .event({ id: 'e4', activity: 'Create Invoice', ts: '2025-02-11 14:00:00', objects: ['invoice:903', 'sales_order:5', 'delivery:803'], amount: 5000 })
    .event({ id: 'e5', activity: 'Create Delivery', ts: '2025-03-01 08:00:00', objects: ['delivery:804', 'sales_order:5'] })
    .event({ id: 'e6', activity: 'Post Goods Issue', ts: '2025-03-02 08:00:00', objects: ['delivery:804'] })
    .event({ id: 'e7', activity: 'Create Invoice', ts: '2025-03-03 08:00:00', objects: ['invoice:904', 'sales_order:5', 'delivery:804'], amount: 300 });

  // F
  order(6, '101', '10');
  delivery(805, 6, 'WH1');
  log
    .event({ id: 'f1', activity: 'Create Sales Order', ts: '2025-03-25 08:00:00', objects: ['sales_order:6', 'customer:101'] })
    .event({ id: 'f2', activity: 'Create Delivery', ts: '2025-03-25 12:00:00', objects: ['delivery:805', 'sales_order:6'] })
    .event({ id: 'f9', activity: 'Post Goods Issue', ts: '2025-03-26 08:00:00', objects: ['delivery:805'] })
    .event({ id: 'f3', activity: 'Confirm Shipment', ts: '2025-03-26 08:00:00', objects: ['delivery:805'] });

  // Only the customer: in no trace.
  log.event({ id: 'x1', activity: 'Change Credit Limit', ts: '2025-03-15 09:00:00', objects: ['customer:100'] });
  return log;
}
