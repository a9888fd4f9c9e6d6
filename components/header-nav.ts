// The header's pages, grouped, and which of them a signed-in user's roles may open. The table of
// roles per permission mirrors server/auth.ts GRANTS (components import nothing from the server;
// header-nav.test.ts fails when the two drift). Hiding a link is a courtesy: the server refuses.

export type PageId =
  | 'overview'
  | 'map'
  | 'variants'
  | 'cases'
  | 'exceptions'
  | 'runs'
  | 'playbooks'
  | 'bottlenecks'
  | 'notebooks'
  | 'ingest'
  | 'import'
  | 'users'
  | 'audit'
  | 'account';

/** What opening a page needs (a permission name of server/auth.ts). */
export type PageNeeds = 'read' | 'finance' | 'ingest' | 'notebook' | 'admin' | 'account';

export interface NavItem {
  id: PageId;
  href: string;
  label: string;
  needs: PageNeeds;
  /** Pages that only make sense on an order-to-cash log. */
  o2c?: boolean;
  /** Links that keep the shared view state (log, filters, period). */
  keepsView?: boolean;
}

export interface NavGroup {
  id: 'finance' | 'process' | 'act' | 'data' | 'admin';
  label: string;
  items: readonly NavItem[];
}

export const NAV_GROUPS: readonly NavGroup[] = [
  { id: 'finance', label: 'Finance', items: [{ id: 'overview', href: '/', label: 'Overview', needs: 'finance', o2c: true, keepsView: true }] },
  {
    id: 'process',
    label: 'Process',
    items: [
      { id: 'map', href: '/map', label: 'Process map', needs: 'read', keepsView: true },
      { id: 'variants', href: '/variants', label: 'Variants', needs: 'read', keepsView: true },
      { id: 'cases', href: '/cases', label: 'Cases', needs: 'read', keepsView: true },
      { id: 'bottlenecks', href: '/bottlenecks', label: 'Bottlenecks', needs: 'read', keepsView: true },
      { id: 'exceptions', href: '/exceptions', label: 'Exceptions', needs: 'read', o2c: true, keepsView: true },
    ],
  },
  {
    id: 'act',
    label: 'Act',
    items: [
      { id: 'runs', href: '/runs', label: 'Runs', needs: 'read', keepsView: true },
      { id: 'playbooks', href: '/playbooks', label: 'Playbooks', needs: 'read', keepsView: true },
    ],
  },
  {
    id: 'data',
    label: 'Data',
    items: [
      { id: 'ingest', href: '/ingest', label: 'Ingest', needs: 'read' },
      { id: 'import', href: '/import', label: 'Import', needs: 'ingest' },
      { id: 'notebooks', href: '/notebooks', label: 'Notebooks', needs: 'notebook' },
    ],
  },
  {
    id: 'admin',
    label: 'Admin',
    items: [
      { id: 'users', href: '/users', label: 'Users', needs: 'admin' },
      { id: 'audit', href: '/audit', label: 'Audit trail', needs: 'admin' },
    ],
  },
];

/** Roles holding each permission (mirror of server/auth.ts GRANTS, checked by the test). */
export const ROLES_FOR: Readonly<Record<PageNeeds, readonly string[]>> = {
  account: ['admin', 'finance_leader', 'process_owner', 'analyst'],
  read: ['admin', 'finance_leader', 'process_owner', 'analyst'],
  finance: ['admin', 'finance_leader', 'analyst'],
  ingest: ['admin'],
  notebook: ['admin', 'analyst'],
  admin: ['admin'],
};

export const mayOpen = (roles: readonly string[], needs: PageNeeds) => roles.some((r) => ROLES_FOR[needs].includes(r));

/**
 * The groups to show with their visible items (empty groups left out). `roles` undefined = not
 * known yet: only what every signed-in role may open. The active page always stays visible, and an
 * order-to-cash page leaves the nav of a log that is not O2C.
 */
export function visibleGroups(opts: { roles: readonly string[] | undefined; active?: PageId; o2c: boolean }): NavGroup[] {
  const allowed = (n: NavItem) => n.id === opts.active || ((!n.o2c || opts.o2c) && (opts.roles ? mayOpen(opts.roles, n.needs) : n.needs === 'read'));
  return NAV_GROUPS.map((g) => ({ ...g, items: g.items.filter(allowed) })).filter((g) => g.items.length > 0);
}
