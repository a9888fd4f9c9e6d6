import { describe, expect, it } from 'vitest';
import { roleText, scopeText, tokenState, whenText } from './account-format';

describe('account words', () => {
  it('name roles, scopes and times', () => {
    expect(roleText(['process_owner', 'analyst'])).toBe('Process owner, Analyst');
    expect(scopeText(null)).toBe('All warehouses and segments');
    expect(scopeText({ warehouses: ['WH1'] })).toBe('warehouse WH1');
    expect(scopeText({ warehouses: ['WH1', 'WH2'], segments: ['SM'] })).toBe('warehouses WH1, WH2; segment SM');
    expect(whenText(null)).toBe('Never');
    expect(whenText('2026-11-27T23:05:00Z')).toBe('27 Nov 2026, 23:05');
  });

  it('tell a live token from a revoked or expired one', () => {
    const now = Date.parse('2026-11-28T00:00:00Z');
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe('live');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-11-28T00:00:01Z' }, now)).toBe('live');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-11-28T00:00:00Z' }, now)).toBe('expired');
    expect(tokenState({ revokedAt: '2026-11-01T00:00:00Z', expiresAt: null }, now)).toBe('revoked');
  });
});
