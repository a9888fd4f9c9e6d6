// Sign-in in the browser: an anonymous visitor is sent to /signin, a wrong password says so (and
// nothing else), the right one lands on the page asked for with the user in the header, and
// signing out ends the session. A process owner scoped to a warehouse sees only its cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ orders: 200 });
}, 600_000);
afterAll(() => h?.close());

describe('sign-in', () => {
  it('sends an anonymous visitor to sign in, signs in the process owner, and signs out', async () => {
    await h.context.clearCookies(); // the harness signed the browser in as demo-admin
    const page = await h.newPage();
    await page.goto(`${h.url}/exceptions`);
    await page.waitForURL(/\/signin\?next=%2Fexceptions$/);
    await page.getByLabel('User name').fill('demo-owner');
    await page.getByLabel('Password').fill('not-the-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signin-error').textContent()).toBe('The user name or password is not right.');
    await h.shot(page, 'signin-failed');
    await page.getByLabel('Password').fill('demo-owner-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/exceptions$/);
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toBe('demo-owner');
    const cookie = (await h.context.cookies()).find((c) => c.name === 'tl_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('tl_session'); // scripts never see it
    await h.shot(page, 'signed-in-owner');
    // The finance overview is not theirs: the home page says where their work is instead of failing.
    await page.goto(h.url);
    await expect.poll(() => page.getByTestId('no-finance').textContent(), { timeout: 20_000 }).toContain('Your work is on Exceptions');
    expect(await page.locator('[data-testid="dso-tile"]').count()).toBe(0);
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/signin/);
    const res = await fetch(`${h.url}/api/trpc/auth.me`, { headers: { cookie: `tl_session=${cookie!.value}` } });
    expect(((await res.json()) as { result: { data: unknown } }).result.data).toBeNull(); // the session is gone server-side
    // The admin's audit page shows the owner's failed and successful sign-ins and sign-out, on an intact chain.
    await h.signInAs('demo-admin');
    const audit = await h.newPage();
    await audit.goto(`${h.url}/audit?actor=demo-owner`);
    await expect.poll(() => audit.getByTestId('audit-chain').textContent()).toMatch(/^Chain intact: \d+ entries verified\.$/);
    const actions = await audit.locator('[data-testid="audit-table"] tbody tr td:nth-child(4)').allTextContents();
    expect(actions).toEqual(['auth.signout', 'auth.signin', 'auth.signin_failed']);
    await h.shot(audit, 'audit-trail');
    const csv = await h.fetch('/api/audit/export?actor=demo-owner');
    expect((await csv.text()).trim().split('\n')).toHaveLength(4);
    // The 401 of the wrong password is the only console error.
    expect(h.consoleErrors().filter((e) => !/401/.test(e))).toEqual([]);
  }, 120_000);

  it("shows a process owner scoped to one warehouse only that warehouse's cases, with the scope as a fixed chip", async () => {
    await h.signInAs('demo-admin');
    type Options = { attributes: { attribute: string; values: { value: string; cases: number }[] }[] };
    const warehouse = (await h.query<Options>('logs.filterOptions', { logId: 'o2c' })).attributes.find((a) => a.attribute === 'warehouse')!.values[0].value;
    const made = await h.fetch('/api/trpc/auth.users.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'scoped-owner', roles: ['process_owner'], scope: { warehouses: [warehouse] }, password: 'scoped-owner-pass-1' }),
    });
    expect(made.status).toBe(200);
    type Page = { total: number; rows: { case_id: string; warehouse: string | null }[] };
    const spelled = await h.query<Page>('cases.list', { logId: 'o2c', filters: [{ kind: 'attribute', attribute: 'warehouse', values: [warehouse] }], limit: 5000 });
    const all = await h.query<Page>('cases.list', { logId: 'o2c', filters: [], limit: 1 });
    expect(spelled.total).toBeGreaterThan(0);
    expect(spelled.total).toBeLessThan(all.total);

    await h.context.clearCookies();
    const page = await h.newPage();
    await page.goto(`${h.url}/cases`);
    await page.waitForURL(/\/signin\?next=%2Fcases$/);
    await page.getByLabel('User name').fill('scoped-owner');
    await page.getByLabel('Password').fill('scoped-owner-pass-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/cases$/);
    await expect.poll(() => page.getByTestId('scope-chip').textContent(), { timeout: 20_000 }).toBe(`Your scope: warehouse ${warehouse}`);
    expect(await page.getByTestId('scope-chip').getByRole('button').count()).toBe(0); // cannot be removed
    await page.waitForSelector('[data-testid="case-row"]');
    expect(await page.getAttribute('[data-testid="cases-total"]', 'data-value')).toBe(String(spelled.total));
    const inScope = new Set(spelled.rows.map((r) => r.case_id));
    const shown = await page.locator('[data-testid="case-row"] td:first-child').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(inScope.has(id.trim()), `${id} is in ${warehouse}`).toBe(true);
    await h.shot(page, 'scoped-owner-cases');
    // The CSV export, with the owner's own session, holds exactly the in-scope cases.
    const href = await page.getAttribute('[data-testid="export-csv"]', 'href');
    const csv = await h.context.request.get(`${h.url}${href}`);
    expect(csv.status()).toBe(200);
    const ids = (await csv.text()).trim().split('\r\n').slice(1).map((line) => line.split(',')[0].replaceAll('"', ''));
    expect(ids.sort()).toEqual([...inScope].sort());
    // The process map and the exception queues count the same cases as the admin's with the warehouse filter.
    const scoped = [{ kind: 'attribute', attribute: 'warehouse', values: [warehouse] }];
    await page.goto(`${h.url}/map`);
    await expect.poll(() => page.getAttribute('[data-testid="map-total-cases"]', 'data-value'), { timeout: 30_000 }).toBe(String(spelled.total));
    await h.shot(page, 'scoped-owner-map');
    const queues = (await h.query<{ queues: { count: number }[] }>('exceptions.summary', { logId: 'o2c', filters: scoped })).queues.map((q) => q.count);
    await page.goto(`${h.url}/exceptions`);
    await page.waitForSelector('[data-testid="exception-tile"]', { timeout: 30_000 });
    const tiles = () => page.locator('[data-testid="exception-tile"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    await expect.poll(async () => (await tiles()).sort((a, b) => a - b), { timeout: 30_000 }).toEqual([...queues].sort((a, b) => a - b));
    await h.shot(page, 'scoped-owner-exceptions');
    // Another warehouse's case is not found on the case page, as a case that does not exist.
    const outside = (await h.query<Page>('cases.list', { logId: 'o2c', filters: [{ kind: 'attribute', attribute: 'warehouse', values: [warehouse], exclude: true }], limit: 1 })).rows[0].case_id;
    const res = await h.context.request.get(`${h.url}/api/trpc/cases.detail?input=${encodeURIComponent(JSON.stringify({ logId: 'o2c', caseId: outside }))}`);
    expect(res.status()).toBe(404);
    await page.close();
    await h.signInAs('demo-admin');
    expect(h.consoleErrors().filter((e) => !/401/.test(e))).toEqual([]);
  }, 180_000);
});
