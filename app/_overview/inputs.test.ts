import { describe, expect, it } from 'vitest';
import { monthsCovered } from '../../server/periods';
import { chooseLog, DEFAULT_ACTIVITY_PCT, DEFAULT_PATH_PCT, resolveInputs, searchOf } from './inputs';
import type { LogSummary } from '../../mining/types';

const months = monthsCovered('2025-01-01T06:00:00Z', '2026-01-01T06:00:00Z');
const range = { months, defaultMonth: '2025-12' };
const log = (logId: string, events = 10): LogSummary => ({ logId, name: logId, kind: 'o2c', events, cases: 1, objectsByType: {}, firstEvent: null, lastEvent: null });

describe('the overview inputs', () => {
  it('open the default month with the default map simplification', () => {
    const i = resolveInputs('o2c', range, searchOf({}))!;
    expect(i.month.id).toBe('2025-12');
    expect(i.overview).toEqual({ logId: 'o2c', period: { from: '2025-12-01', to: '2026-01-01' } });
    expect(i.map).toMatchObject({ activityPct: DEFAULT_ACTIVITY_PCT, pathPct: DEFAULT_PATH_PCT, perspective: 'order' });
    expect(i.trend).toEqual({ logId: 'o2c', from: '2025-01-01', to: '2026-01-01', grain: 'week' });
  });

  it('follow the URL, and start the trend no earlier than the data', () => {
    const i = resolveInputs('o2c', range, searchOf({ period: '2025-03', activities: '45', paths: '120' }))!;
    expect(i.overview.period).toEqual({ from: '2025-03-01', to: '2025-04-01' });
    expect(i.trend.from).toBe('2025-01-01');
    expect(i.map.activityPct).toBe(45);
    expect(i.map.pathPct).toBe(100); // clamped
    expect(i.unknownMonth).toBeNull();
  });

  it('fall back to the default month for a month outside the data, and say so', () => {
    const i = resolveInputs('o2c', range, searchOf({ period: '2019-01' }))!;
    expect(i.month.id).toBe('2025-12');
    expect(i.unknownMonth).toBe('2019-01');
  });

  it('have nothing to ask for a log without months', () => {
    expect(resolveInputs('o2c', { months: [], defaultMonth: null }, searchOf({}))).toBeNull();
  });

  it('pick the log from the URL, else the O2C log, else the first', () => {
    const logs = [log('a'), log('o2c'), log('xes')];
    expect(chooseLog(logs, 'xes')?.logId).toBe('xes');
    expect(chooseLog(logs, 'nope')?.logId).toBe('o2c');
    expect(chooseLog([log('a'), log('b')], null)?.logId).toBe('a');
    expect(chooseLog([], null)).toBeNull();
  });
});
