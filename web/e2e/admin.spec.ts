import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  api,
  completeHostedVerification,
  createEndUser,
  DEMO_ORG,
  DEMO_PERSONA,
  demoDfns,
  GATEWAY_URL,
  gatewayJson,
  restoreDemoIntegrations,
  setPersonaScenario,
  tokenOf,
} from './admin-stack';
import { expectNoA11yViolations, screenshot, signIn, USERS } from './support';

/** Opens an organization page of the demo org through the navigation, as a person would. */
async function openOrgPage(page: Page, link: string, heading: string, phone: boolean) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  if (phone) await page.getByRole('button', { name: 'Menu' }).click();
  await nav.getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function fillDfns(section: Locator, values: ReturnType<typeof demoDfns>) {
  await section.getByLabel('API base URL').fill(values.api_base_url);
  await section.getByLabel('Service account token').fill(values.token);
  await section.getByLabel('Credential ID').fill(values.credential_id);
  await section.getByLabel('Default network').fill(values.default_network);
  await section.getByLabel('Private key (PEM)').fill(values.private_key);
  await section.getByLabel('Webhook secret', { exact: true }).fill(values.webhook_secret);
}

async function fillPersona(section: Locator, apiKey: string) {
  await section.getByLabel('API key').fill(apiKey);
  await section.getByLabel('Inquiry template ID').fill(DEMO_PERSONA.inquiry_template_id);
  await section.getByLabel('Environment').selectOption(DEMO_PERSONA.environment);
  await section.getByLabel('Current webhook secret').fill(DEMO_PERSONA.webhook_secrets[0]);
}

test.describe('organization admin: integrations', () => {
  test.afterEach(async () => {
    // Whatever happened, the demo organization keeps the launcher's working settings for the other tests.
    const http = await api();
    await restoreDemoIntegrations(http);
    await http.dispose();
  });

  test('saves Dfns and Persona, tests them, is told plainly about a wrong token and key', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'the long flow runs at desktop width');
    test.setTimeout(180_000);
    const dfns = demoDfns();
    await signIn(page, USERS.orgAdmin);
    await openOrgPage(page, 'Integrations', 'Integrations', false);
    const dfnsSection = page.getByRole('region', { name: 'Dfns (custody wallets)' });
    const personaSection = page.getByRole('region', { name: 'Persona (identity verification)' });

    // The stored secrets are masked, never shown.
    await expect(dfnsSection.getByText(dfns.token)).toHaveCount(0);
    await expect(dfnsSection.getByLabel('Service account token')).toHaveAttribute('type', 'password');
    await expect(dfnsSection.getByLabel('Private key (PEM)')).toHaveAttribute('autocomplete', 'off');

    // The right values: saved, and the test says they work.
    await fillDfns(dfnsSection, dfns);
    await dfnsSection.getByRole('button', { name: 'Save Dfns settings' }).click();
    await expect(dfnsSection.getByRole('status').filter({ hasText: 'Dfns settings saved' })).toBeVisible();
    await expect(dfnsSection.getByLabel('Service account token')).toHaveValue('');
    await dfnsSection.getByRole('button', { name: 'Test Dfns connection' }).click();
    await expect(dfnsSection.getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible({ timeout: 30_000 });

    await fillPersona(personaSection, DEMO_PERSONA.api_key);
    await personaSection.getByRole('button', { name: 'Save Persona settings' }).click();
    await expect(personaSection.getByRole('status').filter({ hasText: 'Persona settings saved' })).toBeVisible();
    await personaSection.getByRole('button', { name: 'Test Persona connection' }).click();
    await expect(personaSection.getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(dfns.token)).toHaveCount(0);
    await expect(page.getByText(DEMO_PERSONA.api_key)).toHaveCount(0);
    await expectNoA11yViolations(page);
    await screenshot(page, 'admin-integrations', testInfo.project.name);

    // A wrong token and a wrong key: the test says what is wrong, in words.
    await fillDfns(dfnsSection, { ...dfns, token: 'not-the-dfns-token' });
    await dfnsSection.getByRole('button', { name: 'Save Dfns settings' }).click();
    await expect(dfnsSection.getByRole('status').filter({ hasText: 'Dfns settings saved' })).toBeVisible();
    await dfnsSection.getByRole('button', { name: 'Test Dfns connection' }).click();
    const dfnsFailure = dfnsSection.getByRole('alert').filter({ hasText: 'Connection failed' });
    await expect(dfnsFailure).toContainText('Dfns refused the API token', { timeout: 30_000 });

    await fillPersona(personaSection, 'persona_wrong_key');
    await personaSection.getByRole('button', { name: 'Save Persona settings' }).click();
    await expect(personaSection.getByRole('status').filter({ hasText: 'Persona settings saved' })).toBeVisible();
    await personaSection.getByRole('button', { name: 'Test Persona connection' }).click();
    const personaFailure = personaSection.getByRole('alert').filter({ hasText: 'Connection failed' });
    await expect(personaFailure).toContainText('Persona refused the API key', { timeout: 30_000 });
    await expectNoA11yViolations(page);
    await screenshot(page, 'admin-integrations-failed', testInfo.project.name);

    // The right values again: the test passes again.
    await fillDfns(dfnsSection, dfns);
    await dfnsSection.getByRole('button', { name: 'Save Dfns settings' }).click();
    await expect(dfnsSection.getByRole('status').filter({ hasText: 'Dfns settings saved' })).toBeVisible();
    await dfnsSection.getByRole('button', { name: 'Test Dfns connection' }).click();
    await expect(dfnsSection.getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible({ timeout: 30_000 });
    await fillPersona(personaSection, DEMO_PERSONA.api_key);
    await personaSection.getByRole('button', { name: 'Save Persona settings' }).click();
    await expect(personaSection.getByRole('status').filter({ hasText: 'Persona settings saved' })).toBeVisible();
    await personaSection.getByRole('button', { name: 'Test Persona connection' }).click();
    await expect(personaSection.getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible({ timeout: 30_000 });
  });
});

test.describe('organization admin: review queue', () => {
  test.afterEach(async () => {
    // The demo key's workflow goes back to approving by itself, as the launcher left it.
    const http = await api();
    await setPersonaScenario(http, 'auto-approve');
    await http.dispose();
  });

  test('a reviewer approves a case that Persona sent to review', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'the long flow runs at desktop width');
    test.setTimeout(180_000);

    // A new end user of the demo organization whose verification Persona marks for review.
    const http = await api();
    const username = `review-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const person = await createEndUser(http, username, `${username}-Pw1!`);
    await setPersonaScenario(http, 'needs-review');
    const started = await gatewayJson<{ case_id: string; persona_inquiry_id: string; persona_session_token: string }>(
      http,
      'POST',
      '/compliance/kyc',
      person.token,
      { user_id: person.id, document_type: 'passport' },
      [200, 201],
    );
    await completeHostedVerification(http, started.persona_inquiry_id, started.persona_session_token);
    await expect
      .poll(async () => (await gatewayJson<{ status: string }>(http, 'GET', `/compliance/kyc/${started.case_id}`, person.token)).status, {
        timeout: 30_000,
        message: 'the case reaches review',
      })
      .toBe('review');
    await setPersonaScenario(http, 'auto-approve');
    await http.dispose();

    // The reviewer finds it in the queue, opens it and approves it with a reason.
    await signIn(page, USERS.orgAdmin);
    await openOrgPage(page, 'Review queue', 'Review queue', false);
    await expect(page.getByLabel('Show cases')).toHaveValue('review');
    const row = page.getByRole('row').filter({ hasText: person.id });
    await expect(row).toBeVisible();
    await expect(row).toContainText('review');
    await expectNoA11yViolations(page);
    await screenshot(page, 'admin-review-queue', testInfo.project.name);

    await row.getByRole('link', { name: started.case_id }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'KYC case' })).toBeVisible();
    const provider = page.getByRole('region', { name: 'Provider data' });
    await expect(provider).toContainText(started.persona_inquiry_id);
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('row').filter({ hasText: '→ review' })).toBeVisible();
    await expectNoA11yViolations(page);

    const decision = page.getByRole('region', { name: 'Decision' });
    await decision.getByRole('button', { name: 'Approve…' }).click();
    const confirm = decision.getByRole('group', { name: 'Approve this case?' });
    await confirm.getByRole('button', { name: 'Approve case' }).click();
    await expect(confirm.getByText('Choose a reason.')).toBeVisible();
    await confirm.getByLabel('Reason').selectOption('documents_verified');
    await expectNoA11yViolations(page);
    await confirm.getByRole('button', { name: 'Approve case' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Approved (reason documents_verified): the case is now verified.' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByRole('region', { name: 'Case', exact: true })).toContainText('verified');
    await expect(history.getByRole('row').filter({ hasText: 'review → verified' })).toBeVisible();
    await expect(decision).toContainText('This case is verified');
    await expectNoA11yViolations(page);
    await screenshot(page, 'admin-review-case', testInfo.project.name);
  });
});

test.describe('organization admin: API keys and webhooks', () => {
  let receiver: Server | null = null;
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

  test.beforeEach(async () => {
    // The customer's server: answers 200 to every message (the local stack allows 127.0.0.1 endpoints).
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('thanks');
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
  });

  test.afterEach(async () => {
    // No endpoint of this test is left behind: the demo project's messages must not pile up for a closed port.
    const port = (receiver?.address() as AddressInfo | null)?.port;
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    if (!port) return;
    const http = await api();
    const token = await tokenOf(http, 'org-admin', 'org-admin');
    const org = await gatewayJson<{ id: string }>(http, 'GET', `/orgs/${DEMO_ORG}`, token);
    for (const project of await gatewayJson<{ id: string }[]>(http, 'GET', `/orgs/${org.id}/projects`, token)) {
      const base = `/orgs/${org.id}/projects/${project.id}/webhooks/endpoints`;
      for (const endpoint of await gatewayJson<{ id: string; url: string }[]>(http, 'GET', base, token)) {
        if (endpoint.url.startsWith(`http://127.0.0.1:${port}/`)) await gatewayJson(http, 'DELETE', `${base}/${endpoint.id}`, token, undefined, [204, 404]);
      }
    }
    await http.dispose();
  });

  test('creates an API key shown once, revokes it, registers a webhook endpoint and sends it a test', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'the long flow runs at desktop width');
    test.setTimeout(180_000);
    const port = (receiver!.address() as AddressInfo).port;
    const keyName = `e2e key ${Date.now().toString(36)}`;

    await signIn(page, USERS.orgAdmin);
    await openOrgPage(page, 'Projects and API keys', 'Projects', false);
    await expectNoA11yViolations(page);
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: /^Project / })).toBeVisible();
    const keys = page.getByRole('region', { name: 'API keys' });

    // Create: validated first, then the key is shown once.
    await keys.getByRole('button', { name: 'Create API key' }).click();
    await expect(keys.getByText('Enter a name, e.g. the app or server that uses the key.')).toBeVisible();
    await expect(keys.getByText('Choose at least one scope.')).toBeVisible();
    await keys.getByLabel('Key name').fill(keyName);
    await keys.getByLabel('KYC: read cases (kyc:read)').check();
    await keys.getByRole('button', { name: 'Create API key' }).click();
    const shown = keys.getByRole('region', { name: `Your new API key “${keyName}”` });
    await expect(shown).toContainText('you will not see it again');
    const key = await shown.getByLabel('New API key').inputValue();
    expect(key).toMatch(/^ak_test_/);
    await expect(shown.getByRole('button', { name: 'Copy' })).toBeVisible();
    const http = await api();
    const probe = async () =>
      (await http.get(`${GATEWAY_URL}/compliance/kyc/00000000-0000-4000-8000-000000000000`, { headers: { Authorization: `Bearer ${key}` } })).status();
    expect(await probe(), 'the new key is accepted').not.toBe(401);
    await expectNoA11yViolations(page);
    await screenshot(page, 'admin-api-keys', testInfo.project.name);
    await shown.getByRole('button', { name: 'I have stored it safely' }).click();
    await expect(shown).toHaveCount(0);
    await expect(page.getByText(key)).toHaveCount(0);

    // Revoke, after a confirmation: the list says revoked and the gateway refuses the key.
    const row = keys.getByRole('row').filter({ hasText: keyName });
    await expect(row).toContainText('active');
    await row.getByRole('button', { name: `Revoke key ${keyName}` }).click();
    const confirm = row.getByRole('group', { name: `Revoke the key “${keyName}”?` });
    await expect(confirm).toContainText('This cannot be undone.');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await expect(keys.getByRole('status').filter({ hasText: `Key “${keyName}” revoked` })).toBeVisible();
    await expect(row).toContainText('revoked');
    await expect(row.getByRole('button', { name: `Revoke key ${keyName}` })).toHaveCount(0);
    expect(await probe(), 'the revoked key is refused').toBe(401);
    await http.dispose();

    // A webhook endpoint of this project: its secret shown once, a test message delivered and logged.
    await page.getByRole('link', { name: 'Webhooks of this project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    const url = `http://127.0.0.1:${port}/attest/webhooks`;
    const add = page.getByRole('region', { name: 'Add an endpoint' });
    await add.getByLabel('Endpoint URL').fill('not a url');
    await add.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(add.getByText('Enter an http(s) URL')).toBeVisible();
    await add.getByLabel('Endpoint URL').fill(url);
    await add.getByLabel('Description').fill('browser test receiver');
    await add.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = page.getByRole('region', { name: `Signing secret of ${url}` });
    await expect(secret).toContainText('you will not see it again');
    expect(await secret.getByLabel('Signing secret').inputValue()).toMatch(/^whsec_/);
    await expectNoA11yViolations(page);
    await secret.getByRole('button', { name: 'I have stored it safely' }).click();

    const endpoint = page.getByRole('region', { name: url, exact: true });
    await expect(endpoint).toContainText('enabled');
    await endpoint.getByRole('button', { name: `Send test message to ${url}` }).click();
    await expect(endpoint.getByRole('status').filter({ hasText: 'Test message queued' })).toBeVisible();
    const log = page.getByRole('region', { name: `Message log of ${url}` });
    const testMessage = log.getByRole('row').filter({ hasText: 'attest.webhook.test.v1' });
    await expect
      .poll(
        async () => {
          await log.getByRole('button', { name: 'Refresh log' }).click();
          return (await testMessage.count()) > 0 ? await testMessage.first().innerText() : '';
        },
        { timeout: 30_000, message: 'the test message is delivered' },
      )
      .toContain('succeeded');
    expect(received.some((m) => typeof m.headers['webhook-signature'] === 'string' && m.body.includes('attest.webhook.test.v1'))).toBe(true);
    await testMessage.first().getByText(/1 attempt/).click();
    await expect(testMessage.first()).toContainText('HTTP 200');
    await testMessage.first().getByRole('button', { name: /^Resend message / }).click();
    await expect(log.getByRole('status').filter({ hasText: 'will be sent again' })).toBeVisible();
    await expectNoA11yViolations(page);
    await screenshot(page, 'admin-webhooks', testInfo.project.name);

    // Disable, then delete after a confirmation.
    await endpoint.getByRole('button', { name: `Disable ${url}` }).click();
    await expect(endpoint).toContainText('disabled');
    await endpoint.getByRole('button', { name: `Delete endpoint ${url}` }).click();
    await endpoint.getByRole('group', { name: 'Delete this endpoint?' }).getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(page.getByRole('region', { name: url, exact: true })).toHaveCount(0);
  });
});

test.describe('organization admin: every page', () => {
  const pages: [link: string, heading: string, screenshotName: string | null][] = [
    ['Review queue', 'Review queue', null],
    ['Users', 'Users', 'admin-users'],
    ['Wallets', 'Wallets', 'admin-wallets'],
    ['Transactions', 'Transactions', 'admin-transactions'],
    ['Transfer approvals', 'Transfer approvals', 'admin-approvals'],
    ['Spending policy', 'Spending policy', 'admin-policy'],
    ['Integrations', 'Integrations', null],
    ['Projects and API keys', 'Projects', 'admin-projects'],
    ['Webhooks', 'Webhooks', null],
    ['Members', 'Members', 'admin-members'],
    ['Usage', 'Usage', 'admin-usage'],
    ['Analytics', 'Analytics', null],
  ];

  test('each organization page loads, passes axe and fits the width', async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const phone = testInfo.project.name === 'phone';
    await signIn(page, USERS.orgAdmin);
    for (const [link, heading, name] of pages) {
      await openOrgPage(page, link, heading, phone);
      // Loaded: no "Loading …" progress left, and no failure shown.
      await expect(page.getByRole('main').getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0, { timeout: 30_000 });
      await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
      if (link === 'Usage') {
        await expect(page.getByRole('img', { name: /^API requests: / })).toBeVisible();
        await expect(page.getByRole('region', { name: 'Totals' }).getByRole('row', { name: /API requests/ })).toBeVisible();
      }
      await expectNoA11yViolations(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${heading} fits the ${testInfo.project.name} width`).toBeLessThanOrEqual(0);
      if (name && (!phone || ['admin-users', 'admin-usage', 'admin-members'].includes(name))) await screenshot(page, name, testInfo.project.name);
    }
  });
});

/** A token contract for the policy only (no transfer of it is made): lower case, so no checksum to get right. */
const E2E_TOKEN = '0x00000000000000000000000000000000000e2e01';

test.describe('organization admin: spending policy and transfer approvals', () => {
  test.afterEach(async () => {
    // The demo organization goes back to no spending policy (the launcher's settings).
    const http = await api();
    const token = await tokenOf(http, 'org-admin', 'org-admin');
    await gatewayJson(http, 'PUT', `/orgs/${DEMO_ORG}/spending-policy`, token, {});
    await http.dispose();
  });

  test('sets an approval threshold; a transfer above it waits, and the admin rejects it with a reason', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'the long flow runs at desktop width');
    test.setTimeout(240_000);

    // A verified user of the demo organization with a wallet (Persona's sandbox approves by itself).
    const http = await api();
    const username = `spender-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const person = await createEndUser(http, username, `${username}-Pw1!`);
    const started = await gatewayJson<{ persona_inquiry_id: string; persona_session_token: string }>(
      http,
      'POST',
      '/compliance/kyc',
      person.token,
      { user_id: person.id, document_type: 'passport' },
      [200, 201],
    );
    await completeHostedVerification(http, started.persona_inquiry_id, started.persona_session_token);
    let walletId = '';
    await expect
      .poll(
        async () => {
          const wallet = await gatewayJson<{ status: string; wallet_id: string }>(http, 'GET', '/wallets/me', person.token);
          walletId = wallet.wallet_id;
          return wallet.status;
        },
        { timeout: 90_000, message: 'the user’s wallet is made' },
      )
      .toBe('provisioned');

    // The admin sets the approval threshold on the policy page: no Dfns secret is asked for, and the Dfns
    // settings stay as they were.
    const adminToken = await tokenOf(http, 'org-admin', 'org-admin');
    const dfnsBefore = await gatewayJson<{ updated_at: string }>(http, 'GET', `/orgs/${DEMO_ORG}/integrations/dfns`, adminToken);
    await signIn(page, USERS.orgAdmin);
    await openOrgPage(page, 'Spending policy', 'Spending policy', false);
    const change = page.getByRole('region', { name: 'Change the policy' });
    await expect(change.getByLabel('Service account token')).toHaveCount(0);
    await expect(change.getByLabel('Private key (PEM)')).toHaveCount(0);
    await change.getByLabel('Approval threshold (wei)').fill('1000');
    // The whole policy is on the page: the daily count, and a token's limits in its smallest unit.
    await change.getByLabel('Transfers per user per day').fill('50');
    await change.getByRole('button', { name: 'Add a token' }).click();
    await change.getByLabel('Token 1: contract').fill(E2E_TOKEN);
    await change.getByLabel('Token 1: decimals').fill('6');
    await change.getByLabel('Token 1: per-transfer limit').fill('2500000');
    await expect(change.getByText('= 2.5 tokens')).toBeVisible();
    await change.getByRole('button', { name: 'Save policy' }).click();
    await expect(change.getByRole('status').filter({ hasText: 'Spending policy saved' })).toBeVisible();
    const current = page.getByRole('region', { name: 'Current policy' });
    await expect(current).toContainText('1000 wei');
    await expect(current).toContainText('50 (any asset)');
    await expect(current.getByRole('table', { name: 'Token limits' })).toContainText('2500000 (2.5 tokens)');
    // The token rows' table scrolls within the page rather than widening it.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the policy page with a token row fits the width').toBeLessThanOrEqual(0);
    const saved = await gatewayJson<{ approval_threshold: string | null; daily_count_limit: number | null; token_limits: unknown[] }>(
      http,
      'GET',
      `/orgs/${DEMO_ORG}/spending-policy`,
      adminToken,
    );
    expect(saved).toMatchObject({
      approval_threshold: '1000',
      daily_count_limit: 50,
      token_limits: [{ contract: E2E_TOKEN.toLowerCase(), decimals: 6, per_transfer_limit: '2500000', daily_limit: null, approval_threshold: null }],
    });
    const dfnsAfter = await gatewayJson<{ updated_at: string }>(http, 'GET', `/orgs/${DEMO_ORG}/integrations/dfns`, adminToken);
    expect(dfnsAfter.updated_at).toBe(dfnsBefore.updated_at);
    await expectNoA11yViolations(page);
    await screenshot(page, 'admin-policy', testInfo.project.name);

    // The user asks for 2000 wei: above the threshold, it waits for an admin.
    const transfer = await gatewayJson<{ transfer_id: string; status: string }>(
      http,
      'POST',
      `/wallets/${walletId}/transfers`,
      person.token,
      { kind: 'native', to: '0x000000000000000000000000000000000000dEaD', amount: '2000' },
      [202],
      { 'Idempotency-Key': `e2e-${username}` },
    );
    expect(transfer.status).toBe('awaiting_approval');

    await openOrgPage(page, 'Transfer approvals', 'Transfer approvals', false);
    const card = page.getByRole('article').filter({ hasText: person.id });
    await expect(card).toContainText('2000 wei');
    await expectNoA11yViolations(page);
    await screenshot(page, 'admin-approvals', testInfo.project.name);
    await card.getByRole('button', { name: `Reject transfer ${transfer.transfer_id}` }).click();
    const reject = card.getByRole('group', { name: 'Reject this transfer?' });
    await reject.getByRole('button', { name: 'Reject transfer' }).click();
    await expect(reject.getByText('Say why, for the person who asked for the transfer.')).toBeVisible();
    await reject.getByLabel('Reason').fill('Above what new accounts may send.');
    await reject.getByRole('button', { name: 'Reject transfer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Transfer rejected' })).toBeVisible();
    await expect(page.getByRole('article').filter({ hasText: person.id })).toHaveCount(0);
    const after = await gatewayJson<{ status: string; decision_reason: string }>(http, 'GET', `/wallets/${walletId}/transfers/${transfer.transfer_id}`, person.token);
    expect(after).toMatchObject({ status: 'rejected', decision_reason: 'Above what new accounts may send.' });
    await http.dispose();
  });
});
