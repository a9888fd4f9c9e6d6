// The hand-made O2C log of mining/testing/o2c-fixture.ts plus what the KPI library, the DSO impact
// and the root cause need and the base fixture does not carry (the base stays as it is for the
// tests that read it). Times UTC; the ERP's zone is America/Chicago (UTC−6 until 03-09, −5 after).
//   due dates: 901 03-19 (cleared 03-21: 2 days late), 902 04-13, 903 03-13, 904 04-02
//   requested delivery dates: A (1) 03-06, B (2) 03-14, F (6) 03-31
//   Deliver: 801 (A) 03-06 15:00 (local 10:00, on time), 802 (B) 03-17 15:00 (late),
//            805 (F) 03-27 10:00 (on time)
//   lines: A has 1/10 and 1/20 (picked in full); B gets 2/10 (delivery 802); F gets 6/10 (delivery
//          805), picked short by 1 (Confirm Pick by a person, warehouse work: not a touch)
//   B: Request Price Approval 03-10 09:30 (system), Approve Price Exception 03-11 15:30 (a person):
//      30 h; B is free to ship from 03-11 15:30
//   D: Change Quantity 03-21 09:00 by a person (rework, a touch)
import type { Store } from '../../../sql';
import { CanonicalLog } from '../../testing/canonical-log';
import { o2cFixture } from '../../testing/o2c-fixture';

export async function writeFixturePlus(store: Store): Promise<void> {
  await o2cFixture().write(store);
  const extra = new CanonicalLog('o2c', 'o2c', 'test-run-2', 1000);
  extra
    .object('order_line:2/10', { quantity: 5 })
    .relate('sales_order:2', 'order_line:2/10', 'comprises')
    .relate('order_line:2/10', 'delivery:802', 'fulfilled by')
    .object('order_line:6/10', { quantity: 3 })
    .relate('sales_order:6', 'order_line:6/10', 'comprises')
    .relate('order_line:6/10', 'delivery:805', 'fulfilled by')
    .event({ id: 'p1', activity: 'Request Price Approval', ts: '2025-03-10 09:30:00', objects: ['sales_order:2', 'order_line:2/10'], userType: 'system' })
    .event({ id: 'p2', activity: 'Approve Price Exception', ts: '2025-03-11 15:30:00', objects: ['sales_order:2', 'order_line:2/10'], user: 'pricer', userType: 'human' })
    .event({ id: 'd2', activity: 'Change Quantity', ts: '2025-03-21 09:00:00', objects: ['sales_order:4'], user: 'cs1', userType: 'human' })
    .event({ id: 'f4', activity: 'Confirm Pick', ts: '2025-03-25 14:00:00', objects: ['delivery:805', 'order_line:6/10'], user: 'wh', userType: 'human', attrs: { short_qty: 1 } })
    .event({ id: 'g1', activity: 'Deliver', ts: '2025-03-06 15:00:00', objects: ['delivery:801'] })
    .event({ id: 'g2', activity: 'Deliver', ts: '2025-03-17 15:00:00', objects: ['delivery:802'] })
    .event({ id: 'g3', activity: 'Deliver', ts: '2025-03-27 10:00:00', objects: ['delivery:805'] });
  await extra.write(store, false);
  const patch: [string, Record<string, string>][] = [
    ['invoice:901', { due_date: '2025-03-19' }],
    ['invoice:902', { due_date: '2025-04-13' }],
    ['invoice:903', { due_date: '2025-03-13' }],
    ['invoice:904', { due_date: '2025-04-02' }],
    ['sales_order:1', { requested_date: '2025-03-06' }],
    ['sales_order:2', { requested_date: '2025-03-14' }],
    ['sales_order:6', { requested_date: '2025-03-31' }],
  ];
  for (const [id, attrs] of patch) {
    await store.sql(`UPDATE objects SET attrs = json_merge_patch(attrs, $p)::VARCHAR WHERE log_id = 'o2c' AND object_id = $id`, { id, p: JSON.stringify(attrs) });
  }
}
