import { describe, expect, it } from 'vitest';
import { formatAge, formatAmountCompact, formatStake, objectLabel } from './exception-format';

describe('exception formatting', () => {
  it('says ages as people do', () => {
    expect(formatAge(20)).toBe('1 min');
    expect(formatAge(45 * 60)).toBe('45 min');
    expect(formatAge(18 * 3600 + 600)).toBe('18 h');
    expect(formatAge(47 * 3600)).toBe('47 h');
    expect(formatAge(12 * 86400 + 3600)).toBe('12 days');
    expect(formatAge(1200 * 86400)).toBe('1,200 days');
  });
  it('gives amounts with their currency and names objects', () => {
    expect(formatAmountCompact(12_345, 'USD')).toBe('$12.3K');
    expect(formatStake({ amounts: [] })).toBe('—');
    expect(formatStake({ amounts: [{ currency: 'EUR', amount: 900 }, { currency: 'USD', amount: 10 }] })).toBe('€900 + 1 other currency');
    expect(objectLabel('delivery:80001234')).toBe('Delivery 80001234');
    expect(objectLabel('order_line:10000001/10')).toBe('Order line 10000001/10');
    expect(objectLabel(null)).toBe('Order');
  });
});
