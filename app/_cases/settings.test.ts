import { describe, expect, it } from 'vitest';
import { caseSettingsPatch, casePath, DEFAULT_SORT, exportHref, pagesFor, readCaseSettings } from './settings';

const search = (q: string) => {
  const p = new URLSearchParams(q);
  return { get: (k: string) => p.get(k) };
};

describe('case table settings', () => {
  it('reads sort, direction and columns, and falls back to the defaults', () => {
    expect(readCaseSettings(search(''))).toEqual({ sort: DEFAULT_SORT, columns: null });
    expect(readCaseSettings(search('sort=net_value&dir=asc&cols=segment,attr%253Aa%252Cb'))).toEqual({
      sort: { column: 'net_value', dir: 'asc' },
      columns: ['segment', 'attr:a,b'],
    });
    expect(readCaseSettings(search('sort=net_value&dir=sideways')).sort.dir).toBe('desc');
  });

  it('writes only what differs from the defaults and round-trips', () => {
    expect(caseSettingsPatch({ sort: DEFAULT_SORT, columns: null })).toEqual({ sort: null, dir: null, cols: null });
    const s = { sort: { column: 'attr:x', dir: 'asc' as const }, columns: ['attr:a,b', 'segment'] };
    const patch = caseSettingsPatch(s);
    const q = new URLSearchParams(Object.entries(patch).filter((e): e is [string, string] => e[1] !== null));
    expect(readCaseSettings(search(q.toString()))).toEqual(s);
  });

  it('builds the export link with the same input as the table', () => {
    const href = exportHref({ logId: 'o2c', perspective: 'order', filters: [{ kind: 'activity', activity: 'Pack' }] }, { sort: DEFAULT_SORT, columns: ['segment'] });
    const input = JSON.parse(new URL(href, 'http://x').searchParams.get('input')!);
    expect(input).toEqual({ logId: 'o2c', perspective: 'order', filters: [{ kind: 'activity', activity: 'Pack' }], sort: DEFAULT_SORT, columns: ['segment'] });
  });

  it('covers a range with whole pages and encodes case ids as one path segment', () => {
    expect(pagesFor(0, 30, 200)).toEqual([0]);
    expect(pagesFor(190, 230, 200)).toEqual([0, 1]);
    expect(pagesFor(450, 460, 200)).toEqual([2]);
    expect(casePath('sales_order:1/2')).toBe('/cases/sales_order%3A1%2F2');
  });
});
