import { describe, expect, it } from 'vitest';
import { contentHash, orderLineId, stripPrefix, stripZeros } from './keys';
import { RowReject, requireKey } from './reject';
import { epochSeconds, isoInstant, sapDate, sapTime, usLocalTimestamp } from './values';

function rejectOf(fn: () => unknown): RowReject {
  try {
    fn();
  } catch (err) {
    if (err instanceof RowReject) return err;
    throw err;
  }
  throw new Error('expected a RowReject');
}

describe('key normalisation', () => {
  it('strips leading zeros and the sources\' prefixes', () => {
    expect(stripZeros('0010000045')).toBe('10000045');
    expect(stripZeros('000010')).toBe('10');
    expect(stripPrefix('INV-90000123', 'INV-')).toBe('90000123');
    expect(stripPrefix('SO 0010000045', 'SO ')).toBe('10000045');
    expect(stripPrefix('cus_100123', 'cus_')).toBe('100123');
    expect(orderLineId('0010000045', '000010')).toBe('order_line:10000045/10');
  });

  it('treats an empty or all-zero key as missing', () => {
    expect(rejectOf(() => requireKey('', 'VBELN'))).toMatchObject({ field: 'VBELN', kind: 'missing_key' });
    expect(rejectOf(() => requireKey('0000000000', 'KUNNR'))).toMatchObject({ field: 'KUNNR', kind: 'missing_key' });
    expect(requireKey(' 42 ', 'X')).toBe('42');
  });

  it('hashes row content stably', () => {
    expect(contentHash('a,b,c')).toBe(contentHash('a,b,c'));
    expect(contentHash('a,b,c')).not.toBe(contentHash('a,b,d'));
  });
});

describe('field values', () => {
  it('names an impossible SAP date with its value and field', () => {
    expect(rejectOf(() => sapDate('20250231', 'ERDAT'))).toMatchObject({
      field: 'ERDAT',
      reason: 'impossible date "20250231" in ERDAT',
      kind: 'bad_date',
    });
    expect(rejectOf(() => sapDate('2025-02-01', 'ERDAT')).reason).toContain('expected YYYYMMDD');
    expect(sapDate('00000000', 'PODAT')).toBeNull();
    expect(sapDate('20240229', 'ERDAT')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(rejectOf(() => sapTime('246000', 'ERZET')).reason).toBe('impossible time "246000" in ERZET');
  });

  it('reads legacy, ISO and epoch timestamps and rejects impossible ones', () => {
    expect(new Date(usLocalTimestamp('03/13/2025 08:05:00', 'TS_LOCAL')).toISOString()).toBe('2025-03-13T13:05:00.000Z');
    expect(rejectOf(() => usLocalTimestamp('02/30/2025 10:14:07', 'TS_LOCAL')).kind).toBe('bad_date');
    expect(rejectOf(() => usLocalTimestamp('2025-06-01 08:00', 'TS_LOCAL')).reason).toContain('unparseable');
    expect(isoInstant('2025-03-04T15:22:11.000Z', 'occurred_at')).toBe(Date.UTC(2025, 2, 4, 15, 22, 11));
    expect(rejectOf(() => isoInstant('2025-13-07T10:14:07.000Z', 'occurred_at')).kind).toBe('bad_date');
    expect(rejectOf(() => isoInstant('2025-06-31T25:61:00.000Z', 'occurred_at')).kind).toBe('bad_date');
    expect(rejectOf(() => isoInstant('not-a-timestamp', 'occurred_at')).kind).toBe('bad_date');
    expect(epochSeconds(1741102931, 'created')).toBe(1741102931000);
    expect(rejectOf(() => epochSeconds('1741102931', 'created')).kind).toBe('bad_date');
  });
});
