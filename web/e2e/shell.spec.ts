import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, screenshot, signIn, USERS } from './support';

test('the start page offers sign-in and sign-up, accessibly', async ({ page }, testInfo) => {
  await page.goto('./');
  await expect(page).toHaveTitle(/Attest console/);
  await expect(page.getByRole('heading', { level: 1, name: 'Attest console' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create an account' })).toBeVisible();
  await expectNoA11yViolations(page);
  await screenshot(page, 'start', testInfo.project.name);
});

test('a user signs in and finds the end-user area by keyboard', async ({ page }, testInfo) => {
  const stream = page.waitForResponse((r) => new URL(r.url()).pathname === '/notifications/me/stream');
  await signIn(page, USERS.user);
  await expect(page.getByRole('region', { name: 'Verification' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Demo User');
  // The live notification stream is open, with the bearer token (fetch, not EventSource).
  const live = await stream;
  expect(live.status()).toBe(200);
  expect(await live.request().headerValue('authorization')).toMatch(/^Bearer /);
  await expectNoA11yViolations(page);
  await screenshot(page, 'overview', testInfo.project.name);

  // The skip link is the first stop and moves past the header.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  const nav = page.getByRole('navigation', { name: 'Main' });
  if (testInfo.project.name === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
  await nav.getByRole('link', { name: 'Wallet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wallet' })).toBeVisible();
  await expect(page).toHaveURL(/\/console\/wallet$/);
  await expect(nav.getByRole('link', { name: 'Members' })).toHaveCount(0);
  await expectNoA11yViolations(page);
  await screenshot(page, 'shell-wallet', testInfo.project.name);
});

test('an org admin sees the organization area; a user is told a page is not theirs', async ({ page }, testInfo) => {
  await signIn(page, USERS.orgAdmin);
  const nav = page.getByRole('navigation', { name: 'Main' });
  if (testInfo.project.name === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
  await nav.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(page).toHaveURL(/\/console\/org\/demo\/members$/);
  await expectNoA11yViolations(page);

  await page.goto('platform/orgs');
  await expect(page.getByRole('heading', { level: 1, name: 'No access' })).toBeVisible();
});

test('signing out ends the session at the identity provider', async ({ page }) => {
  await signIn(page, USERS.user);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
