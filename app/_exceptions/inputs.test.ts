import { describe, expect, it } from 'vitest';
import { readExceptionsState } from './inputs';

const search = (q: string) => {
  const p = new URLSearchParams(q);
  return { get: (k: string) => p.get(k) };
};

describe('the exceptions page URL', () => {
  it('reads the queue, group filters, grouping, sort and page', () => {
    expect(readExceptionsState(search('q=creditHolds&wh=WH1&seg=SM&type=ZRO&ch=EDI&team=Credit&group=segment&sort=amount&dir=asc&pg=3'))).toEqual({
      queue: 'creditHolds',
      groups: { warehouse: 'WH1', segment: 'SM', orderType: 'ZRO', channel: 'EDI', team: 'Credit' },
      groupBy: 'segment',
      sort: 'amount',
      dir: 'asc',
      page: 2,
    });
  });
  it('falls back to the SLA queue, oldest first, first page for what it cannot read', () => {
    expect(readExceptionsState(search('q=nope&group=colour&sort=zzz&dir=up&pg=-2'))).toEqual({ queue: 'sla', groups: {}, groupBy: null, sort: 'age', dir: 'desc', page: 0 });
    expect(readExceptionsState(search('sort=case')).dir).toBe('asc');
  });
});
