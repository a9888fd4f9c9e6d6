import { describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVITY_PCT, DEFAULT_PATH_PCT, mapSettingsPatch, readMapSettings } from './settings';

const search = (q: string) => {
  const p = new URLSearchParams(q);
  return { get: (k: string) => p.get(k) };
};

describe('the map settings in the URL', () => {
  it('opens on the defaults', () => {
    expect(readMapSettings(search(''))).toEqual({ activityPct: DEFAULT_ACTIVITY_PCT, pathPct: DEFAULT_PATH_PCT, mode: 'freq', metric: 'cases' });
  });

  it('reads sliders, mode and metric, clamping and rounding the percentages', () => {
    expect(readMapSettings(search('activities=100&paths=42.6&mode=perf&metric=p90'))).toEqual({ activityPct: 100, pathPct: 43, mode: 'perf', metric: 'p90' });
    expect(readMapSettings(search('activities=250&paths=-3')).activityPct).toBe(100);
    expect(readMapSettings(search('activities=250&paths=-3')).pathPct).toBe(0);
    expect(readMapSettings(search('activities=lots')).activityPct).toBe(DEFAULT_ACTIVITY_PCT);
  });

  it('keeps mode and metric consistent when a link mixes them up', () => {
    expect(readMapSettings(search('mode=perf'))).toMatchObject({ mode: 'perf', metric: 'median' });
    expect(readMapSettings(search('mode=perf&metric=events'))).toMatchObject({ mode: 'perf', metric: 'median' });
    expect(readMapSettings(search('mode=freq&metric=mean'))).toMatchObject({ mode: 'freq', metric: 'cases' });
    expect(readMapSettings(search('metric=total'))).toMatchObject({ mode: 'perf', metric: 'total' });
    expect(readMapSettings(search('metric=bogus&mode=bogus'))).toMatchObject({ mode: 'freq', metric: 'cases' });
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    expect(mapSettingsPatch({ activityPct: DEFAULT_ACTIVITY_PCT, pathPct: DEFAULT_PATH_PCT, metric: 'cases' })).toEqual({ activities: null, paths: null, mode: null, metric: null });
    const patch = mapSettingsPatch({ activityPct: 80, pathPct: 100, metric: 'total' });
    expect(patch).toEqual({ activities: '80', paths: '100', mode: 'perf', metric: 'total' });
    const q = new URLSearchParams(Object.entries(patch).filter((e): e is [string, string] => e[1] !== null)).toString();
    expect(readMapSettings(search(q))).toEqual({ activityPct: 80, pathPct: 100, mode: 'perf', metric: 'total' });
  });
});
