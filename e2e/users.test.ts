// Accounts in the browser: the admin creates a scoped process owner on /users (scope ticked from the
// store's own warehouses and segments, the password made by the server and shown once); that owner
// signs in with it in a fresh browser, sees only the nav groups their role may open (and a menu
// that works with the keyboard), is told /users needs an admin, makes an API token on /account,
// calls the API with it as a Bearer token, revokes it and gets 401; changes their password; the
// admin then sees the revoked token and the last sign-in, and disables the account.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../server/router';
import type { inferRouterOutputs } from '@trpc/server';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;

let h: Harness;
let browser: Browser;
const ownerErrors: string[] = [];
const OWNER = 'olivia-owner';

beforeAll(async () => {
  h = await startHarness({ orders: 200 });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-sync'] });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const navGroups = (page: Page) => page.$$eval('nav[aria-label="Pages"] [data-testid^="nav-group-"]', (els) => els.map((e) => e.getAttribute('data-testid')));
// Polls wait up to 15 s: sign-ins and password changes run scrypt, slow on a busy 2-core machine.
const bearer = (token: string, path: string) => fetch(`${h.url}/api/trpc/${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('user management and API tokens', () => {
  let password = '';
  let warehouse = '';
  let segment = '';
  let owner: Page;

  it('lets the admin create a scoped process owner with a password shown once', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/users`);
    await page.waitForSelector('[data-testid="user-row"]');
    const users = await h.query<Out['auth']['users']['list']>('auth.users.list');
    expect(await page.$$eval('[data-testid="user-row"]', (r) => r.map((x) => x.getAttribute('data-id')))).toEqual(users.map((u) => u.id));
    // The admin's nav has every group; Admin is open (this page is in it) with Users marked current.
    expect(await navGroups(page)).toEqual(['nav-group-finance', 'nav-group-process', 'nav-group-act', 'nav-group-data', 'nav-group-admin']);
    expect(await page.locator('nav a[href="/users"]').getAttribute('aria-current')).toBe('page');

    await page.getByTestId('new-user').click();
    await page.getByTestId('new-user-id').fill(OWNER);
    await page.getByTestId('new-role-analyst').uncheck();
    await page.getByTestId('new-role-process_owner').check();
    // The scope choices are exactly the warehouses and segments of the store's orders.
    const options = await h.query<Out['auth']['users']['scopeOptions']>('auth.users.scopeOptions');
    expect(options.warehouses.length).toBeGreaterThan(1);
    await page.waitForSelector('[data-testid^="new-scope-warehouses-"]');
    expect(await page.$$eval('[data-testid^="new-scope-warehouses-"]', (e) => e.map((x) => x.getAttribute('data-testid')!.replace('new-scope-warehouses-', '')))).toEqual(
      options.warehouses.map((o) => o.value),
    );
    expect(await page.$$eval('[data-testid^="new-scope-segments-"]', (e) => e.map((x) => x.getAttribute('data-testid')!.replace('new-scope-segments-', '')))).toEqual(
      options.segments.map((o) => o.value),
    );
    warehouse = options.warehouses[0].value;
    segment = options.segments[0].value;
    await page.getByTestId(`new-scope-warehouses-${warehouse}`).check();
    await page.getByTestId(`new-scope-segments-${segment}`).check();
    await h.shot(page, 'users-new');
    await page.getByTestId('new-user-submit').click();
    password = (await page.getByTestId('new-password-value').textContent()) ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    await h.shot(page, 'users-created');

    const made = (await h.query<Out['auth']['users']['list']>('auth.users.list')).find((u) => u.id === OWNER);
    expect(made).toMatchObject({ roles: ['process_owner'], scope: { warehouses: [warehouse], segments: [segment] }, disabled: false, lastSignInAt: null });
    // The new row is in the table and open for changes (URL key u).
    await page.waitForSelector(`[data-testid="user-row"][data-id="${OWNER}"]`);
    expect(new URL(page.url()).searchParams.get('u')).toBe(OWNER);

    // The admin may not take away their own admin role: the server's refusal is shown as given.
    await page.goto(`${h.url}/users?u=demo-admin`);
    await page.getByTestId('edit-role-admin').uncheck();
    await page.getByTestId('edit-role-analyst').check();
    await page.getByTestId('user-save').click();
    await expect.poll(() => page.getByTestId('user-message').textContent(), { timeout: 15_000 }).toContain('cannot disable themselves or take away their own admin role');
    expect((await h.query<Out['auth']['me']>('auth.me'))!.roles).toEqual(['admin']);
    await page.close();
  }, 120_000);

  it('signs the owner in with that password in a fresh browser, showing only the nav groups their role may open', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'America/Chicago' });
    owner = await context.newPage();
    owner.on('console', (m) => void (m.type() === 'error' && ownerErrors.push(`${owner.url()}: ${m.text()}`)));
    owner.on('pageerror', (e) => void ownerErrors.push(`${owner.url()}: ${e.message}`));
    await owner.goto(`${h.url}/exceptions`);
    await owner.waitForURL(/\/signin\?next=%2Fexceptions$/);
    await owner.getByLabel('User name').fill(OWNER);
    await owner.getByLabel('Password').fill(password);
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner.waitForURL(/\/exceptions$/);
    await expect.poll(() => owner.getByTestId('signed-in-user').textContent(), { timeout: 15_000 }).toBe(OWNER);
    // No Finance (the overview needs finance), no Admin; Data holds only Ingest (a one-page group shows its link).
    await expect.poll(() => navGroups(owner), { timeout: 15_000 }).toEqual(['nav-group-process', 'nav-group-act', 'nav-group-data']);
    expect(await owner.locator('nav [data-testid="nav-group-data"] a').evaluateAll((a) => a.map((x) => x.getAttribute('href')))).toEqual(['/ingest']);
    // The Act menu with the keyboard: ↓ opens it on its first link, ↓ moves, Escape closes back to the button.
    await owner.getByTestId('theme-toggle').click(); // the open menu in dark mode, for the screenshot
    await expect.poll(() => owner.evaluate(() => document.documentElement.dataset.theme), { timeout: 15_000 }).toBe('dark');
    const act = owner.getByTestId('nav-group-act');
    const focusedHref = () => owner.evaluate(() => new URL((document.activeElement as HTMLAnchorElement).href || 'http://x/none').pathname);
    await act.focus();
    await owner.keyboard.press('ArrowDown');
    await expect.poll(focusedHref, { timeout: 15_000 }).toBe('/runs');
    await owner.keyboard.press('ArrowDown');
    await expect.poll(focusedHref, { timeout: 15_000 }).toBe('/playbooks');
    expect(await act.getAttribute('aria-expanded')).toBe('true');
    await h.shot(owner, 'users-owner-nav-menu');
    await owner.keyboard.press('Escape');
    await expect.poll(() => act.getAttribute('aria-expanded'), { timeout: 15_000 }).toBe('false');
    await expect.poll(() => owner.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 15_000 }).toBe('nav-group-act');
    // A menu's link navigates: Act → Runs.
    await owner.getByTestId('nav-group-act').click();
    await owner.getByRole('link', { name: 'Runs' }).click();
    await owner.waitForURL((u) => u.pathname === '/runs');
    // /users is not theirs: the page says so, and nothing of the accounts is fetched.
    await owner.goto(`${h.url}/users`);
    await expect.poll(() => owner.getByTestId('needs-admin').textContent(), { timeout: 15_000 }).toContain('Managing users needs the admin role');
    expect(await owner.locator('[data-testid="users-table"]').count()).toBe(0);
  }, 120_000);

  it('makes an API token on /account that works as a Bearer token until it is revoked', async () => {
    await owner.goto(`${h.url}/account`);
    await expect.poll(() => owner.getByTestId('whoami-id').textContent(), { timeout: 15_000 }).toBe(OWNER);
    expect(await owner.getByTestId('whoami-roles').textContent()).toBe('Process owner');
    expect(await owner.getByTestId('whoami-scope').textContent()).toBe(`warehouse ${warehouse}; segment ${segment}`);
    expect(await owner.getByTestId('account-link').getAttribute('aria-current')).toBe('page');
    await owner.getByTestId('token-name').fill('e2e script');
    await owner.getByTestId('token-expiry').selectOption('30');
    await owner.getByTestId('token-create').click();
    const token = (await owner.getByTestId('new-token-value').textContent()) ?? '';
    expect(token).toMatch(/^tl_[A-Za-z0-9_-]{43}$/);
    expect(await owner.getByTestId('token-usage').textContent()).toContain(`Authorization: Bearer ${token}`);
    await h.shot(owner, 'account-token');

    // The token is the owner, with their roles and scope: allowed what they may, refused the rest.
    const me = (await (await bearer(token, 'auth.me')).json()) as { result: { data: Out['auth']['me'] } };
    expect(me.result.data).toEqual({ id: OWNER, roles: ['process_owner'], scope: { warehouses: [warehouse], segments: [segment] }, via: 'token' });
    const runs = await bearer(token, `workflows.runs?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`);
    expect(runs.status).toBe(200);
    expect((await bearer(token, 'auth.users.list')).status).toBe(403);
    const listed = await h.query<Out['auth']['tokens']['list']>('auth.tokens.list', { userId: OWNER });
    expect(listed).toHaveLength(1);
    expect(Date.parse(listed[0].expiresAt!) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    await owner.getByRole('button', { name: 'I have kept it' }).click();
    expect(await owner.getByTestId('new-token').count()).toBe(0); // never shown again
    const row = owner.locator('[data-testid="token-row"]');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    await owner.getByRole('button', { name: 'Revoke token e2e script' }).click();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('revoked');
    const refused = await bearer(token, `workflows.runs?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`);
    expect(refused.status).toBe(401);
  }, 120_000);

  it('changes the owner’s password under the server’s rules', async () => {
    await owner.getByTestId('pw-current').fill(password);
    await owner.getByTestId('pw-next').fill('short');
    await owner.getByTestId('pw-again').fill('short');
    await owner.getByTestId('pw-submit').click();
    await expect.poll(() => owner.getByTestId('pw-error').textContent(), { timeout: 15_000 }).toBe('The password was not changed: a password has at least 12 characters');
    await owner.getByTestId('pw-next').fill('olivia-new-pass-1');
    await owner.getByTestId('pw-again').fill('olivia-new-pass-1');
    await owner.getByTestId('pw-submit').click();
    await expect.poll(() => owner.getByTestId('pw-changed').count(), { timeout: 15_000 }).toBe(1);
    const signIn = (pw: string) =>
      fetch(`${h.url}/api/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: OWNER, password: pw }) });
    expect((await signIn(password)).status).toBe(401);
    expect((await signIn('olivia-new-pass-1')).status).toBe(200);
    // This browser stays signed in (it got a fresh session).
    await owner.reload();
    await expect.poll(() => owner.getByTestId('whoami-id').textContent(), { timeout: 15_000 }).toBe(OWNER);
  }, 60_000);

  it('shows the admin the owner’s revoked token and last sign-in, and disables the account', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/users?u=${OWNER}`);
    const tokenRow = page.locator('[data-testid="user-tokens"] [data-testid="token-row"]');
    await expect.poll(() => tokenRow.getAttribute('data-state'), { timeout: 15_000 }).toBe('revoked');
    const cells = await page.locator(`[data-testid="user-row"][data-id="${OWNER}"] td`).allTextContents();
    expect(cells[4]).not.toBe('Never'); // last sign-in
    expect(cells[5]).toBe('0'); // live tokens
    await page.getByTestId('user-disable').click();
    await expect.poll(() => page.getByTestId('user-message').textContent(), { timeout: 15_000 }).toContain(`${OWNER} is disabled`);
    await h.shot(page, 'users-detail');
    expect((await h.query<Out['auth']['users']['list']>('auth.users.list')).find((u) => u.id === OWNER)?.disabled).toBe(true);
    // Disabling ended the owner's session: their next call is refused and the page goes to sign-in.
    await owner.goto(`${h.url}/exceptions`);
    await owner.waitForURL(/\/signin/, { timeout: 20_000 });

    // The refusals the test provoked are the only console errors: the admin's own-role change (400)
    // and the owner's short password (400), then the owner's ended session (401).
    const admin = h.consoleErrors();
    expect(admin.filter((e) => !/status of 400/.test(e))).toEqual([]);
    expect(admin.length).toBeLessThanOrEqual(1);
    expect(ownerErrors.filter((e) => !/status of (400|401)/.test(e))).toEqual([]);
    expect(ownerErrors.filter((e) => /status of 400/.test(e)).length).toBeLessThanOrEqual(1);
  }, 60_000);
});
