import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, createEndUser, DEMO_ORG, gatewayJson, tokenOf } from './admin-stack';
import { expectNoA11yViolations, privacyCanary, screenshot, signIn, USERS } from './support';

/**
 * Zero-PII documents end to end against the local stack (document-service behind the gateway, arlocal): an org-admin
 * states what the project requires and registers a reviewer key; a new user makes their key, uploads a PDF encrypted
 * in their browser with visible progress, the upload is cut midway and resumed after a reload from the server's
 * offset; the reviewer opens it (decrypted in the reviewer's browser) and approves the case. Each person has their own
 * browser context, so their own IndexedDB and private key.
 */

const PASSPHRASE = 'e2e recovery passphrase';
/** Three tus chunks of 512 KiB: the second is the one cut. */
const PDF_BYTES = 1_300_000;

function pdfWith(canary: string): Buffer {
  const head = `%PDF-1.4\n% Attest e2e proof of address ${canary}\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.alloc(PDF_BYTES - head.length, '%')]);
}

async function navigate(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function signedIn(browser: Browser, user: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

/**
 * Makes this browser's key: a new one, or, when another browser's key is registered (an earlier run), a new one in
 * its place. Checks that the recovery file is offered and holds no private key in clear.
 */
async function makeKey(page: Page, panelName: string): Promise<void> {
  const panel = page.getByRole('region', { name: panelName });
  const replace = panel.getByRole('button', { name: 'Replace the registered key…' });
  const create = panel.getByRole('form', { name: 'Create your document key' });
  await expect(replace.or(create)).toBeVisible();
  const form = (await replace.isVisible()) ? (await replace.click(), panel.getByRole('form', { name: 'New document key' })) : create;
  await form.getByLabel(/^Recovery passphrase/).fill(PASSPHRASE);
  await form.getByLabel(/^Repeat the passphrase/).fill(PASSPHRASE);
  await form.getByRole('button', { name: /^(Create my key|Make a new key)$/ }).click();

  const link = panel.getByRole('link', { name: 'Download the recovery file' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^attest-document-key-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
  expect(file).toMatchObject({ format: 'attest-document-key-recovery', version: 1, kdf: { iterations: 600_000 } });
  expect(JSON.stringify(file)).not.toMatch(/"(d|p|q|dp|dq|qi)":/);
  await panel.getByRole('button', { name: 'I have stored it safely' }).click();
  await expect(panel).toContainText('Your key is in this browser and registered');
}

test.describe('documents', () => {
  test('a user uploads a PDF encrypted in the browser, cut and resumed; a reviewer opens it and approves', async ({ browser }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'the long flow runs at desktop width');
    test.setTimeout(240_000);
    const http = await api();
    const adminToken = await tokenOf(http, USERS.orgAdmin.username, USERS.orgAdmin.password);
    // The project a user's documents page picks: the organization's first.
    const [project] = await gatewayJson<{ id: string }[]>(http, 'GET', `/orgs/${DEMO_ORG}/projects`, adminToken);
    expect(project, 'the demo organization has a project').toBeTruthy();
    const username = `docs-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const password = `${username}-Pw1!`;
    const person = await createEndUser(http, username, password);
    const canary = privacyCanary();
    const pdf = pdfWith(canary);

    // The org-admin requires a proof of address of the project.
    const admin = await signedIn(browser, USERS.orgAdmin);
    await admin.goto(`org/${DEMO_ORG}/projects/${project!.id}`);
    const required = admin.getByRole('region', { name: 'Required documents' });
    const form = required.getByRole('form', { name: 'Required documents' });
    await expect(form).toBeVisible();
    while (await form.getByRole('button', { name: 'Remove requirement 1' }).isVisible()) {
      await form.getByRole('button', { name: 'Remove requirement 1' }).click();
    }
    await form.getByRole('button', { name: 'Add a document' }).click();
    await form.getByLabel('Requirement 1: title').fill('Proof of address');
    await form.getByLabel('Requirement 1: kind').fill('proof-of-address');
    await form.getByLabel('Requirement 1: size limit (KiB)').fill('5120');
    await form.getByRole('button', { name: 'Save required documents' }).click();
    await expect(required.getByRole('status').filter({ hasText: 'Required documents saved.' })).toBeVisible();
    await expectNoA11yViolations(admin);

    // … and registers a reviewer key, before the user uploads: documents are encrypted for registered keys only.
    await navigate(admin, 'Document reviews');
    await expect(admin.getByRole('heading', { level: 1, name: 'Document reviews' })).toBeVisible();
    await makeKey(admin, 'Your reviewer key');
    await expectNoA11yViolations(admin);

    // The user makes their key and uploads the PDF; the second chunk is cut, and the page is reloaded meanwhile.
    const user = await signedIn(browser, { username, password });
    await navigate(user, 'Documents');
    await expect(user.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    await makeKey(user, 'Your document key');
    const card = user.getByRole('region', { name: 'Proof of address' });
    await expect(card).toContainText('Missing');
    await expectNoA11yViolations(user);

    let patches = 0;
    await user.route('**/documents/uploads/**', async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      patches++;
      return patches === 1 ? route.continue() : route.abort('connectionreset');
    });
    const file = { name: 'proof-of-address.pdf', mimeType: 'application/pdf', buffer: pdf };
    await card.getByLabel(/^File for Proof of address/).setInputFiles(file);
    await card.getByRole('button', { name: 'Encrypt and upload' }).click();
    await expect(card.getByRole('status').filter({ hasText: /Uploading the encrypted document… \d+%/ })).toBeVisible({ timeout: 30_000 });
    await screenshot(user, 'documents-upload-progress', testInfo.project.name);
    // The first chunk is in the service: the cut upload's offset is there.
    await expect
      .poll(
        async () => {
          const c = await gatewayJson<{ documents: { state: string; received_bytes: number }[] }>(
            http,
            'POST',
            '/documents/cases',
            person.token,
            { project_id: project!.id },
            [200, 201],
          );
          return c.documents.find((d) => d.state === 'uploading')?.received_bytes ?? 0;
        },
        { timeout: 30_000, message: 'the first chunk arrives' },
      )
      .toBe(512 * 1024);
    // Still cut while the page goes: the upload client retries its failed chunk, and none may get through.
    await user.reload();
    await user.unroute('**/documents/uploads/**');

    // After the reload: the same file resumes from the server's offset, not from the start.
    await expect(card).toContainText(`An upload of this document was cut (${512 * 1024} of`);
    await card.getByLabel(/^File for Proof of address/).setInputFiles(file);
    const resumed = user.waitForRequest((r) => r.method() === 'PATCH' && r.headers()['upload-offset'] === String(512 * 1024));
    await card.getByRole('button', { name: 'Resume upload' }).click();
    await resumed;
    await expect(card.getByRole('status').filter({ hasText: 'Uploaded, encrypted: it is now being stored.' })).toBeVisible({ timeout: 30_000 });
    await expect(card).toContainText('Provided');
    await expect(card.getByRole('row').filter({ hasText: /Received|Stored|Confirmed/ })).toBeVisible();
    await expectNoA11yViolations(user);
    await screenshot(user, 'documents-user', testInfo.project.name);

    // The reviewer finds the case, opens the document in the browser and approves on it.
    await admin.reload();
    const row = admin.getByRole('row').filter({ hasText: person.id });
    await expect(row).toBeVisible();
    await row.getByRole('link').click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Document case' })).toBeVisible();
    // One document: the resumed upload is the same document as the cut one.
    const documentRegion = admin.getByRole('region', { name: 'proof-of-address (PDF)' });
    await expect(documentRegion).toHaveCount(1);
    await documentRegion.first().getByRole('button', { name: 'Open proof-of-address (PDF)' }).click();
    const viewer = documentRegion.first().locator('iframe[title="Decrypted proof-of-address (PDF)"]');
    await expect(viewer).toBeVisible({ timeout: 30_000 });
    const src = await viewer.getAttribute('src');
    expect(src).toMatch(/^blob:/);
    const shown = await admin.evaluate(async (url) => (await (await fetch(url)).text()).slice(0, 200), src!);
    expect(shown).toContain(canary);
    await expect(documentRegion.first().getByRole('checkbox', { name: 'Base the decision on this document' })).toBeChecked();
    await documentRegion.first().getByRole('button', { name: 'Key releases' }).click();
    await expect(documentRegion.first().getByRole('row').filter({ hasText: 'released' }).first()).toBeVisible();
    await expectNoA11yViolations(admin);
    await screenshot(admin, 'documents-review-case', testInfo.project.name);

    // Closed before deciding: Chromium's PDF viewer in the iframe holds the focus and can swallow the next click.
    await documentRegion.first().getByRole('button', { name: 'Close', exact: true }).click();
    await expect(viewer).toHaveCount(0);
    await expect(documentRegion.first().getByRole('checkbox', { name: 'Base the decision on this document' })).toBeChecked();
    const decision = admin.getByRole('region', { name: 'Decision' });
    await decision.getByRole('button', { name: 'Approve…' }).click();
    await decision.getByRole('group', { name: 'Approve this case?' }).getByRole('button', { name: 'Approve case' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'Approved on 1 document.' })).toBeVisible({ timeout: 30_000 });
    await expect(decision).toContainText('This case is decided');

    // The user sees the decision.
    await user.reload();
    await expect(user.getByText('Approved', { exact: true })).toBeVisible();
    await http.dispose();
  });
});
