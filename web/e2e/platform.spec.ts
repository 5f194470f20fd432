import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, screenshot, signIn, USERS } from './support';

// Fail fast on a missing control rather than at the test's timeout.
test.use({ actionTimeout: 15_000 });

test('a platform admin creates an organization and sees it listed with its state', async ({ page }, testInfo) => {
  const project = testInfo.project.name;
  const phone = project === 'phone';
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const name = `E2E Bank ${id}`;
  const slug = `e2e-bank-${id}`;

  await signIn(page, USERS.platformAdmin);
  // A platform admin is no end user: no verification, wallet nor identity.
  const nav = page.getByRole('navigation', { name: 'Main' });
  if (phone) await page.getByRole('button', { name: 'Menu' }).click();
  await expect(nav.getByRole('link', { name: 'Wallet', exact: true })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Organizations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
  const list = page.getByRole('region', { name: 'All organizations' });
  const demo = list.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Demo Organization' }) });
  await expect(demo).toContainText('demo');
  await expect(demo).toContainText(/\d+ projects?/);
  await expectNoA11yViolations(page);

  // Checked before sending.
  const form = page.getByRole('region', { name: 'Create an organization' });
  await form.getByLabel(/^Slug/).fill('Not A Slug!');
  await form.getByLabel(/^Administrator contacts/).fill('admin-at-nowhere');
  await form.getByRole('button', { name: 'Create organization' }).click();
  await expect(form.getByLabel(/^Name/)).toHaveAccessibleDescription('Enter the organization’s name.');
  await expect(form.getByLabel(/^Slug/)).toHaveAccessibleDescription(/lower-case letters/);
  await expect(form.getByLabel(/^Administrator contacts/)).toHaveAccessibleDescription(/Not an email address: admin-at-nowhere/);

  // The slug follows the name until it is edited.
  await form.getByLabel(/^Slug/).fill('');
  await form.getByLabel(/^Name/).fill(name);
  await form.getByLabel(/^Slug/).fill(slug);
  await form.getByLabel(/^Administrator contacts/).fill(`ops-${id}@example.test, risk-${id}@example.test`);
  await form.getByLabel(/Self sign-up/).check();
  await form.getByRole('button', { name: 'Create organization' }).click();

  await expect(page.getByRole('status').filter({ hasText: `Created ${name}` })).toBeVisible();
  const row = list.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row).toContainText(slug);
  await expect(row.getByRole('cell', { name: 'On', exact: true })).toBeVisible();
  await expect(row).toContainText(`ops-${id}@example.test, risk-${id}@example.test`);
  await expect(row).toContainText(/\d+ projects?/);
  await expectNoA11yViolations(page);
  await screenshot(page, 'platform-organizations', project);

  // The same slug again is refused, in words, next to the field.
  await form.getByLabel(/^Name/).fill(`${name} again`);
  await form.getByLabel(/^Slug/).fill(slug);
  await form.getByRole('button', { name: 'Create organization' }).click();
  await expect(form.getByRole('alert')).toContainText('Could not create the organization');
  await expect(form.getByLabel(/^Slug/)).toHaveAccessibleDescription(/already has this slug/);
  await expectNoA11yViolations(page);
});
