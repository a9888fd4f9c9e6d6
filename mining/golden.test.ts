// Golden files: the full outputs of the map (frequency and performance), the variants and the case
// durations of the hand-made log (testing/o2c-fixture.ts), compared field by field with
// testing/golden/o2c-fixture.json. A change to any number fails here and shows in review as a
// diff of that file. Regenerate deliberately with UPDATE_GOLDEN=1 and check the diff by hand;
// the hand-worked anchors below must keep holding whatever the file says.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../sql';
import { processMap } from './process-map';
import { o2cFixture } from './testing/o2c-fixture';
import { caseDurations, rework, variants } from './views';

const FILE = join(process.cwd(), 'mining', 'testing', 'golden', 'o2c-fixture.json');
let store: Store;
let actual: Record<string, unknown>;

beforeAll(async () => {
  store = await Store.open(':memory:');
  await o2cFixture().write(store);
  actual = {
    map: await processMap(store, { logId: 'o2c' }),
    variants: await variants(store, { logId: 'o2c' }),
    durations: await caseDurations(store, { logId: 'o2c' }),
    rework: await rework(store, { logId: 'o2c' }),
    mapSmMarch: await processMap(store, {
      logId: 'o2c',
      filters: [
        { kind: 'attribute', attribute: 'segment', values: ['SM'] },
        { kind: 'timeframe', from: '2025-03-01', to: '2025-04-01', mode: 'started' },
      ],
    }),
  };
  if (process.env.UPDATE_GOLDEN || !existsSync(FILE)) writeFileSync(FILE, `${JSON.stringify(actual, null, 2)}\n`);
});
afterAll(() => store?.close());

describe('golden outputs of the hand-made log', () => {
  it('match the golden file exactly', () => {
    expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(readFileSync(FILE, 'utf8')));
  });

  it('hold the hand-worked anchors', () => {
    const map = actual.map as Awaited<ReturnType<typeof processMap>>;
    const e = (s: string, t: string) => map.edges.find((x) => x.source === s && x.target === t);
    // Post Goods Issue → Create Invoice: A (12 h), B (24 h), E twice (6 h and 24 h); F is never invoiced.
    expect(e('Post Goods Issue', 'Create Invoice')).toMatchObject({ count: 4, cases: 3, minSeconds: 6 * 3600, maxSeconds: 24 * 3600, totalSeconds: 66 * 3600 });
    // A: Set Credit Block 08:00:01 → Release 20:00:01 = 12 h exactly.
    expect(e('Set Credit Block', 'Release Credit Block')).toMatchObject({ count: 1, medianSeconds: 43_200, minSeconds: 43_200, maxSeconds: 43_200 });
    const v = actual.variants as Awaited<ReturnType<typeof variants>>;
    expect(v).toMatchObject({ totalCases: 6, totalVariants: 6 });
    // D is a single event: zero duration, the shortest case.
    expect((actual.durations as { minSeconds: number }).minSeconds).toBe(0);
    // C, D and F are the SM orders created in March: 2 + 1 + 4 events (E, also SM, began in February).
    expect(actual.mapSmMarch).toMatchObject({ totalCases: 3, totalEvents: 7 });
  });
});
