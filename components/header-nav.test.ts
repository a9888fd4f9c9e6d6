import { describe, expect, it } from 'vitest';
import { GRANTS, ROLES, type Permission } from '../server/auth';
import { NAV_GROUPS, ROLES_FOR, visibleGroups, type PageNeeds } from './header-nav';

const labels = (roles: string[] | undefined, o2c = true, active?: Parameters<typeof visibleGroups>[0]['active']) =>
  Object.fromEntries(visibleGroups({ roles, o2c, active }).map((g) => [g.label, g.items.map((i) => i.label)]));

describe('the header nav', () => {
  it("mirrors server/auth.ts GRANTS for every permission a page needs", () => {
    for (const needs of Object.keys(ROLES_FOR) as PageNeeds[]) {
      const granted = ROLES.filter((r) => GRANTS[r].includes(needs as Permission));
      expect([...ROLES_FOR[needs]].sort(), needs).toEqual([...granted].sort());
    }
  });

  it('lists every page once', () => {
    const ids = NAV_GROUPS.flatMap((g) => g.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(13);
  });

  it('shows each role only the groups and pages it may open', () => {
    expect(labels(['admin'])).toEqual({
      Finance: ['Overview'],
      Process: ['Process map', 'Variants', 'Cases', 'Bottlenecks', 'Exceptions'],
      Act: ['Runs', 'Playbooks'],
      Data: ['Ingest', 'Import', 'Notebooks'],
      Admin: ['Users', 'Audit trail'],
    });
    expect(Object.keys(labels(['process_owner']))).toEqual(['Process', 'Act', 'Data']);
    expect(labels(['process_owner']).Data).toEqual(['Ingest']);
    expect(Object.keys(labels(['finance_leader']))).toEqual(['Finance', 'Process', 'Act', 'Data']);
    expect(labels(['analyst']).Data).toEqual(['Ingest', 'Notebooks']);
    // Roles combine: the union of what each may open.
    expect(labels(['process_owner', 'analyst']).Data).toEqual(['Ingest', 'Notebooks']);
  });

  it('keeps the active page visible, shows only shared pages while the roles are unknown, and drops O2C pages on other logs', () => {
    expect(Object.keys(labels(undefined))).toEqual(['Process', 'Act', 'Data']);
    expect(labels(undefined, true, 'notebooks').Data).toEqual(['Ingest', 'Notebooks']);
    expect(labels(['admin'], false).Process).toEqual(['Process map', 'Variants', 'Cases', 'Bottlenecks']);
    expect(labels(['admin'], false).Finance).toBeUndefined();
    expect(labels(['admin'], false, 'exceptions').Process).toContain('Exceptions');
  });
});
