// Sign-in in the browser: an anonymous visitor is sent to /signin, a wrong password says so (and
// nothing else), the right one lands on the page asked for with the user in the header, and
// signing out ends the session.
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
});
