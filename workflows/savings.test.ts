// The savings figures from fixed runs: a row fixed by two runs (a notice, then the release) counts
// once in cases, cash and days removed, with the smaller of its runs' figures; runs still count each.
import { describe, expect, it } from 'vitest';
import { line, type FixedRow } from './savings';

const DAY = 86_400;
const run = (id: string, playbook: string, caseId: string, amount: number, ageDays: number, baselineDays: number): FixedRow => ({
  id,
  playbook_id: playbook,
  case_id: caseId,
  object_id: `${caseId}-obj`,
  amount,
  currency: 'USD',
  warehouse: 'WH1',
  segment: 'SM',
  age_at_request_s: ageDays * DAY,
  baseline_age_s: baselineDays * DAY,
});

describe('savings line', () => {
  it('counts a row fixed by several runs once, with its smallest days removed', () => {
    const rows = [run('r1', 'notify-owner-team', 'c1', 1000, 1, 5), run('r2', 'release-credit-hold', 'c1', 1000, 3, 5), run('r3', 'release-credit-hold', 'c2', 250, 2, 5)];
    expect(line(rows)).toEqual({ casesFixed: 2, runsFixed: 3, daysRemoved: 2 + 3, cashReleased: [{ currency: 'USD', amount: 1250 }] });
  });

  it('counts 0 days for a row requested after the baseline age, and for unknown ages', () => {
    const late = run('r1', 'release-credit-hold', 'c1', 10, 9, 5);
    const unknown = { ...run('r2', 'release-credit-hold', 'c2', 20, 1, 5), baseline_age_s: null };
    expect(line([late, unknown])).toMatchObject({ casesFixed: 2, daysRemoved: 0, cashReleased: [{ amount: 30 }] });
  });
});
