import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, privacyCanary, screenshot, signIn, USERS } from './support';

/**
 * A new person, end to end against the real local stack: signs up through Keycloak's registration page,
 * joins the sign-up organization (`demo`), verifies in Persona's embedded flow (the official SDK against the
 * sandbox), and sees the decision, the wallet and the on-chain identity arrive live, then sends a transfer
 * and sees it confirmed. No reload after the sign-up: every change comes over the notification stream.
 */

const RECIPIENT = '0x000000000000000000000000000000000000dEaD';

/** Follows a link of the main navigation (the phone layout hides it behind "Menu"). */
async function navigate(page: Page, name: string, phone: boolean): Promise<void> {
  if (phone) await page.getByRole('button', { name: 'Menu' }).click();
  // "Notifications" carries the unread count ("Notifications 3 unread").
  const link = name === 'Notifications' ? { name: /^Notifications( \d+ unread)?$/ } : { name, exact: true };
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', link).click();
}

/** Signs up a new person through Keycloak's registration page, from the console's start page. */
async function signUp(page: Page): Promise<{ id: string; username: string }> {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const person = { username: `e2e-${id}`, email: `e2e-${id}@example.test`, password: `Pw-${id}-secret!` };
  await page.goto('./');
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Register' })).toBeVisible();
  const field = (name: string) => page.getByRole('textbox', { name, exact: true });
  await field('Username').fill(person.username);
  await field('Email').fill(person.email);
  await field('First name').fill('Ada');
  await field('Last name').fill(`Tester ${id}`);
  await field('Password').fill(person.password);
  await field('Confirm password').fill(person.password);
  await page.getByRole('button', { name: /register/i }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible({ timeout: 30_000 });
  return { id, username: person.username };
}

/** The SDK's iframe: the sandbox's embedded flow at localhost:8092/widget (its Persona port). */
const PERSONA_FRAME = 'iframe[src*="localhost:8092/widget"]';

/**
 * Clicks a button inside Persona's iframe once the SDK's modal has finished sliding in: Playwright checks
 * that the button is still within its frame, not that the iframe itself stopped moving, so a click during
 * the SDK's opening animation can land beside the button.
 */
async function clickInPersona(page: Page, name: string): Promise<void> {
  const button = page.frameLocator(PERSONA_FRAME).getByRole('button', { name });
  await expect(button).toBeVisible({ timeout: 30_000 });
  await page.locator(PERSONA_FRAME).evaluate(async (frame) => {
    const overlay = frame.closest('.persona-widget__overlay') ?? frame;
    const moving = document.getAnimations().filter((animation) => {
      const target = (animation.effect as KeyframeEffect | null)?.target;
      return target instanceof Element && (target === overlay || overlay.contains(target));
    });
    await Promise.all(moving.map((animation) => animation.finished));
    // And the frame has kept its place for two animation frames.
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let before = JSON.stringify(frame.getBoundingClientRect());
    for (;;) {
      await nextFrame();
      await nextFrame();
      const now = JSON.stringify(frame.getBoundingClientRect());
      if (now === before) break;
      before = now;
    }
  });
  await button.click();
}

// Fail fast on a missing control rather than at the test's timeout.
test.use({ actionTimeout: 15_000 });

test.describe('a new end user', () => {
  test('signs up, verifies in Persona, gets a wallet and an identity live, and sends a transfer', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'the long flow runs at desktop width only');
    test.setTimeout(5 * 60_000);
    const project = testInfo.project.name;
    const person = await signUp(page);
    const id = person.id;

    // Back in the console, a member of `demo` (joined through signup_org), with the end-user area.
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('banner')).toContainText(`Ada Tester ${id}`);
    const next = page.getByRole('region', { name: 'Next step' });
    await expect(next.getByRole('link', { name: 'Start verification' })).toBeVisible();
    await expectNoA11yViolations(page);
    await screenshot(page, 'user-overview-new', project);

    // From here on the page is never reloaded: everything below arrives live.
    await navigate(page, 'Verification', false);
    await expect(page.getByRole('heading', { level: 1, name: 'Identity verification' })).toBeVisible();
    const status = page.getByRole('region', { name: 'Your status' });
    await expect(status).toContainText('Not started');
    await expectNoA11yViolations(page);
    await screenshot(page, 'user-kyc-start', project);
    // A marker that a reload would wipe: checked at the end.
    await page.evaluate(() => Object.assign(window, { attestNoReload: true }));

    await page.getByLabel(/Document type/).selectOption('id_card');
    await page.getByLabel('First name (optional)').fill('Ada');
    // Personal data goes to Persona through the platform, which keeps none of it: the system test looks for this
    // canary everywhere the platform keeps anything once the browser tests are done (PrivacyCanaryScan).
    await page.getByLabel('Last name (optional)').fill(privacyCanary());
    await page.getByRole('button', { name: 'Start verification' }).click();

    // Persona's SDK opens its iframe (the sandbox's Persona port, localhost:8092). The person leaves it once…
    await clickInPersona(page, 'Leave without finishing');
    await expect(page.locator(PERSONA_FRAME)).toHaveCount(0);
    await expect(page.getByText('You left the verification before finishing.')).toBeVisible();
    await expect(status).toContainText('In progress');
    await expectNoA11yViolations(page);

    // … resumes it (a fresh session for the same inquiry) and completes it.
    await page.getByRole('button', { name: 'Resume verification' }).click();
    await expect(page.frameLocator(PERSONA_FRAME).getByRole('button', { name: 'Complete verification' })).toBeVisible({
      timeout: 30_000,
    });
    await screenshot(page, 'user-kyc-persona', project);
    await clickInPersona(page, 'Complete verification');

    // The SDK's onComplete, then the decision over the notification stream.
    await expect(page.locator(PERSONA_FRAME)).toHaveCount(0);
    await expect(status.getByText('Verified', { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(status).toContainText('Your identity is verified.');
    await expectNoA11yViolations(page);
    await screenshot(page, 'user-kyc-verified', project);

    // The wallet and the on-chain identity appear on the overview as they are made.
    await navigate(page, 'Overview', false);
    const walletCard = page.getByRole('region', { name: 'Wallet' });
    await expect(walletCard.getByText(/^0x[0-9a-fA-F]{40}$/)).toBeVisible({ timeout: 90_000 });
    const identityCard = page.getByRole('region', { name: 'On-chain identity' });
    await expect(identityCard.getByText('Issued', { exact: true })).toBeVisible({ timeout: 120_000 });
    await expect(next.getByRole('link', { name: 'Make a transfer' })).toBeVisible();
    await expectNoA11yViolations(page);
    await screenshot(page, 'user-overview', project);

    // Identity: address, the claim and its transaction, and the check on chain.
    await navigate(page, 'Identity', false);
    await expect(page.getByRole('heading', { level: 1, name: 'On-chain identity' })).toBeVisible();
    const claim = page.getByRole('region', { name: 'KYC claim' });
    await expect(claim.getByText('Issued', { exact: true })).toBeVisible();
    // No explorer in the local stack: the claim's transaction hash is shown as text with a copy button.
    const claimTx = claim.getByRole('definition').filter({ has: page.getByRole('button', { name: 'Copy claim transaction hash' }) });
    await expect(claimTx).toContainText(/0x[0-9a-f]{64}/);
    await page.getByRole('button', { name: 'Verify on chain' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Valid: the chain confirms' })).toBeVisible({ timeout: 30_000 });
    await expectNoA11yViolations(page);
    await screenshot(page, 'user-identity', project);

    // Wallet: address, balance, and a native transfer followed until it is confirmed.
    await navigate(page, 'Wallet', false);
    await expect(page.getByRole('heading', { level: 1, name: 'Wallet' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your wallet' }).getByText('Ready', { exact: true })).toBeVisible();
    const balance = page.getByRole('region', { name: 'Balance' });
    await expect(balance.getByText(/\d ETH$/)).toBeVisible({ timeout: 30_000 });
    await expectNoA11yViolations(page);

    // Checked before sending: nothing goes out while the form is wrong.
    const form = page.getByRole('region', { name: 'Send a transfer' });
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/transfers')) posts.push(r.url());
    });
    await form.getByLabel(/Recipient address/).fill('0x1234');
    await form.getByLabel(/Amount/).fill('0.0000000000000000001');
    await form.getByRole('button', { name: 'Send transfer' }).click();
    await expect(form.getByLabel(/Recipient address/)).toHaveAccessibleDescription(/The recipient must be 0x followed by 40/);
    await expect(form.getByLabel(/Recipient address/)).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel(/Amount/)).toHaveAccessibleDescription(/At most 18 decimals\./);
    expect(posts).toEqual([]);

    await form.getByLabel(/Recipient address/).fill(RECIPIENT);
    await form.getByLabel(/Amount/).fill('0.001');
    const sent = page.waitForRequest(
      (r) => r.method() === 'POST' && /\/wallets\/[^/]+\/transfers$/.test(new URL(r.url()).pathname),
    );
    await form.getByRole('button', { name: 'Send transfer' }).click();
    const request = await sent;
    expect(request.postDataJSON()).toEqual({ kind: 'native', to: RECIPIENT, amount: '1000000000000000' });
    expect(await request.headerValue('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);

    const current = page.getByRole('region', { name: 'Your transfer' });
    await expect(current.getByText('Confirmed', { exact: true })).toBeVisible({ timeout: 90_000 });
    await expect(current.getByText(/^0x[0-9a-f]{64}$/)).toBeVisible();
    const history = page.getByRole('region', { name: 'Transfer history' });
    await expect(history.getByRole('row').filter({ hasText: '0.001 ETH' })).toContainText('Confirmed');
    await expectNoA11yViolations(page);
    await screenshot(page, 'user-wallet', project);

    // Notifications: the live list and the unread count, marked read.
    await navigate(page, 'Notifications', false);
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    const list = page.getByRole('list', { name: 'Your notifications, newest first' });
    await expect(list).toContainText('Your identity is verified.');
    await expect(list).toContainText('Your wallet is ready.');
    await expect(list).toContainText('Your transfer is confirmed.');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByText(/unread/)).toBeVisible();
    await expectNoA11yViolations(page);
    await screenshot(page, 'user-notifications', project);
    await list.getByRole('button', { name: 'Mark read: Your identity is verified.' }).click();
    await expect(list.getByRole('button', { name: 'Mark read: Your identity is verified.' })).toHaveCount(0);
    await expect(page.getByRole('banner').getByRole('link', { name: /^Notifications \d+ unread$/ })).toBeVisible();
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect(page.getByText('No unread notifications.')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByText(/unread/)).toHaveCount(0);
    await expect(page.getByRole('banner').getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
    expect(await page.evaluate(() => 'attestNoReload' in window)).toBe(true);

    // The same pages, with everything on them, at phone width.
    await page.setViewportSize({ width: 375, height: 812 });
    for (const [link, heading, name] of [
      ['Overview', 'Overview', 'user-overview'],
      ['Wallet', 'Wallet', 'user-wallet'],
      ['Identity', 'On-chain identity', 'user-identity'],
    ] as const) {
      await navigate(page, link, true);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoA11yViolations(page);
      await screenshot(page, name, '375px');
    }
  });

  test('sees a failed verification plainly, as rejected', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'the long flow runs at desktop width only');
    test.setTimeout(2 * 60_000);
    await signUp(page);
    await navigate(page, 'Verification', false);
    await page.getByRole('button', { name: 'Start verification' }).click();
    await clickInPersona(page, 'Fail verification');
    await expect(page.locator(PERSONA_FRAME)).toHaveCount(0);

    const status = page.getByRole('region', { name: 'Your status' });
    await expect(status.getByText('Rejected', { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(status).toContainText('Your verification was rejected.');
    await expect(page.getByRole('button', { name: 'Start verification' })).toHaveCount(0);
    await page.getByRole('button', { name: 'View status' }).click();
    const details = page.getByRole('region', { name: 'Your verification case' });
    await expect(details).toContainText('persona.failed');
    await expectNoA11yViolations(page);
    await screenshot(page, 'user-kyc-rejected', testInfo.project.name);
  });
});

test('the end-user pages work at this width and by label, for the demo user', async ({ page }, testInfo) => {
  const project = testInfo.project.name;
  const phone = project === 'phone';
  await signIn(page, USERS.user);
  for (const [link, heading] of [
    ['Verification', 'Identity verification'],
    ['Wallet', 'Wallet'],
    ['Identity', 'On-chain identity'],
    ['Notifications', 'Notifications'],
  ] as const) {
    await navigate(page, link, phone);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0, { timeout: 30_000 });
    // Nothing is wider than the window (tables scroll inside their box).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoA11yViolations(page);
    if (phone) await screenshot(page, `demo-user-${link.toLowerCase()}`, project);
  }
});
