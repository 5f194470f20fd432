import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The local stack's demo users (README of the repository). */
export const USERS = {
  user: { username: 'demo-user', password: 'demo-user' },
  orgAdmin: { username: 'org-admin', password: 'org-admin' },
  platformAdmin: { username: 'platform-admin', password: 'platform-admin' },
} as const;

/** Signs in through Keycloak's login page from the console's start page; ends on the Overview. */
export async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('./');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel(/username or email/i).fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
}

/** Fails on any WCAG 2.1 A/AA violation axe finds on the page as it is now. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** Saves a screenshot of the page under test-results/screenshots/<name>-<project>.png. */
export async function screenshot(page: Page, name: string, project: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}-${project}.png`, fullPage: true });
}

/**
 * A string the browser tests put into a person's documents and forms: the system test (ConsoleBrowserSystemTest)
 * chooses it and then looks for it everywhere the platform keeps anything, which must hold only ciphertext of it.
 * Run on their own, the tests make one up.
 */
const CANARY = process.env.ATTEST_PRIVACY_CANARY ?? `canary-${Math.random().toString(36).slice(2, 10)}`;
export function privacyCanary(): string {
  return CANARY;
}
