// A seeded O2C-shaped canonical log of any size, written straight into the store (no source
// files, no ingestors): for timing the case-view refresh and the map on millions of events.
// About 20 events per order. Not realistic in its rates; only its shape matters.
import type { Store } from '../../sql';
import { CanonicalLog } from './canonical-log';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const T0 = Date.UTC(2025, 0, 1);
const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

export async function writeSyntheticLog(store: Store, orders: number, seed = 1, batch = 5_000): Promise<number> {
  const r = rng(seed);
  let events = 0;
  let first = true;
  for (let b = 0; b < orders; b += batch) {
    const log = new CanonicalLog('o2c', 'o2c', 'synthetic', events + 1);
    if (first) for (let c = 1; c <= 2_000; c++) log.object(`customer:${100000 + c}`, { segment: ['KA', 'MM', 'SM'][c % 3] });
    for (let i = b; i < Math.min(orders, b + batch); i++) addOrder(log, i, r);
    events += log.events.length;
    await log.write(store, first);
    first = false;
  }
  return events;
}

function addOrder(log: CanonicalLog, i: number, r: () => number): void {
  const so = `sales_order:${10000001 + i}`;
  const cus = `customer:${100001 + Math.floor(r() * 2000)}`;
  const wh = r() < 0.5 ? 'WH1' : 'WH2';
  let t = T0 + Math.floor((i / 300) * 86_400_000) + Math.floor(r() * 3_600_000);
  const step = (hours: number) => (t += Math.floor(r() * hours * 3_600_000) + 1000);
  const ev = (id: string, activity: string, objects: string[], amount: number | null = null) =>
    log.event({ id: `${so}:${id}`, activity, ts: fmt(t), objects, amount, userType: r() < 0.5 ? 'human' : 'system', user: 'u1' });
  log.object(so, { customer: cus.slice(9), channel: '10', order_type: 'ZOR', net_value: 1000 });
  log.relate(cus, so, 'places');
  const lines = 1 + Math.floor(r() * 4);
  for (let l = 1; l <= lines; l++) {
    log.object(`order_line:${10000001 + i}/${l * 10}`);
    log.relate(so, `order_line:${10000001 + i}/${l * 10}`, 'comprises');
  }
  ev('create', 'Create Sales Order', [so, cus]);
  if (r() < 0.3) {
    ev('cb', 'Set Credit Block', [so]);
    step(48);
    ev('cr', 'Release Credit Block', [so]);
  }
  if (r() < 0.1) ev('cp', 'Change Price', [so, `order_line:${10000001 + i}/10`]);
  const deliveries = r() < 0.1 ? 2 : 1;
  for (let d = 0; d < deliveries; d++) {
    const dl = `delivery:${80000001 + i * 2 + d}`;
    const inv = `invoice:${90000001 + i * 2 + d}`;
    log.object(dl, { warehouse: wh }).relate(so, dl, 'fulfilled by');
    step(24);
    ev(`d${d}`, 'Create Delivery', [dl, so]);
    step(4);
    ev(`w${d}`, 'Release Wave', [dl]);
    for (let l = 1; l <= lines; l++) {
      step(1);
      ev(`p${d}${l}`, 'Confirm Pick', [dl, `order_line:${10000001 + i}/${l * 10}`]);
    }
    step(4);
    ev(`k${d}`, 'Pack', [dl]);
    step(4);
    ev(`s${d}`, 'Confirm Shipment', [dl]);
    step(2);
    ev(`g${d}`, 'Post Goods Issue', [dl]);
    step(12);
    ev(`c${d}`, 'Carrier Pickup', [dl]);
    step(48);
    ev(`v${d}`, 'Deliver', [dl]);
    log.object(inv, { gross: 1080 }).relate(dl, inv, 'billed by').relate(so, inv, 'billed by');
    step(30);
    ev(`i${d}`, 'Create Invoice', [inv, so, dl], 1080);
    step(2);
    ev(`n${d}`, 'Send Invoice', [inv]);
    if (r() < 0.8) {
      const py = `payment:py_${i * 2 + d}`;
      log.object(py).relate(inv, py, 'settled by');
      step(24 * 40);
      ev(`r${d}`, 'Receive Payment', [py, inv], 1080);
      step(24);
      ev(`a${d}`, 'Apply Cash', [py, inv], 1080);
    }
  }
}
