// Times the case table (pages, sorts, filters), the case page and the CSV export on a store file;
// writes a synthetic O2C log of N orders into it first when it is empty.
// Usage: npx tsx mining/testing/time-cases.ts <store.duckdb> [orders=100000]
import { Store } from '../../sql';
import { ensureCaseViews } from '../refresh';
import { writeSyntheticLog } from './synthetic';
import { caseCsv, caseDetail, caseList } from '../cases';

const [path, ordersArg] = process.argv.slice(2);
if (!path) throw new Error('usage: tsx mining/testing/time-cases.ts <store.duckdb> [orders]');
const store = await Store.open(path);
const [{ n: events }] = await store.sql<{ n: number }>("SELECT count(*)::BIGINT AS n FROM events WHERE log_id = 'o2c'");
if (events === 0) await writeSyntheticLog(store, Number(ordersArg ?? 100_000));
await ensureCaseViews(store, 'o2c');
const [{ n }] = await store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order'");
console.log(`${n.toLocaleString('en-US')} orders`);

const time = async (label: string, f: () => Promise<unknown>, repeats = 3) => {
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  console.log(`${label.padEnd(58)} ${ms.map((x) => x.toFixed(0)).join(' / ')} ms`);
};
const KA = [{ kind: 'attribute' as const, attribute: 'segment', values: ['KA'] }];
const [big] = await store.sql<{ id: string }>("SELECT case_id AS id FROM cases WHERE log_id = 'o2c' AND perspective = 'order' ORDER BY n_events DESC LIMIT 1");
await time('case page, first call', () => caseDetail(store, { logId: 'o2c', caseId: big.id }), 1);
await time('list: first page, newest first', () => caseList(store, { logId: 'o2c' }));
await time('list: by net value, page at the middle', () => caseList(store, { logId: 'o2c', sort: { column: 'net_value', dir: 'desc' }, offset: Math.floor(n / 2) }));
await time('list: segment KA by customer', () => caseList(store, { logId: 'o2c', filters: KA, sort: { column: 'customer_name', dir: 'asc' } }));
await time('list: with Set Credit Block, by stage', () => caseList(store, { logId: 'o2c', filters: [{ kind: 'activity', activity: 'Set Credit Block' }], sort: { column: 'stage', dir: 'asc' } }));
await time('case page (the order with most events)', () => caseDetail(store, { logId: 'o2c', caseId: big.id }));
await time('CSV of every order, default columns', async () => {
  const out = await caseCsv(store, { logId: 'o2c' });
  let bytes = 0;
  for await (const chunk of out.chunks) bytes += chunk.length;
  return bytes;
}, 1);
store.close();
