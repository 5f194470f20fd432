/**
 * The local stack as the admin browser tests set it up and put it back: the demo organization's
 * provider settings (exactly what e2e's DemoTenantSetup stores), users made through Keycloak's admin
 * API, and the Persona sandbox's scripting. Plain HTTP with Playwright's request context, no browser.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, request, type APIRequestContext } from '@playwright/test';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const GATEWAY_URL = (process.env.ATTEST_GATEWAY_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const OIDC_URL = (process.env.ATTEST_OIDC_URL ?? 'http://127.0.0.1:8180/realms/attest').replace(/\/$/, '');
export const SANDBOX_URL = (process.env.ATTEST_SANDBOX_URL ?? 'http://127.0.0.1:8090').replace(/\/$/, '');
export const DFNS_API_URL = (process.env.ATTEST_DFNS_API_URL ?? 'http://127.0.0.1:8091').replace(/\/$/, '');
const SECRETS_DIR = process.env.ATTEST_SECRETS_DIR ?? join(repo, '.attest', 'secrets');
const CLIENT_ID = process.env.ATTEST_OIDC_CLIENT_ID ?? 'attest-web';
export const DEMO_ORG = process.env.ATTEST_DEMO_ORG ?? 'demo';

const KEYCLOAK_BASE = OIDC_URL.slice(0, OIDC_URL.indexOf('/realms/'));
const REALM = OIDC_URL.slice(OIDC_URL.indexOf('/realms/') + '/realms/'.length).split('/')[0] ?? 'attest';

function secret(name: string): string {
  return readFileSync(join(SECRETS_DIR, 'dfns', name), 'utf8').trim();
}

/** The demo organization's Dfns settings as DemoTenantSetup stores them (the sandbox's service account). */
export function demoDfns() {
  return {
    api_base_url: DFNS_API_URL,
    token: secret('token'),
    credential_id: secret('credential-id'),
    private_key: secret('credential.pem'),
    default_network: 'EthereumSepolia',
    webhook_secret: secret('webhook-secret'),
  };
}

/** The demo organization's Persona settings as DemoTenantSetup stores them (the sandbox's test values). */
export const DEMO_PERSONA = {
  api_key: 'persona_sandbox_key',
  inquiry_template_id: 'itmpl_local',
  environment: 'sandbox',
  webhook_secrets: ['wbhsec_sandbox'],
} as const;

export async function api(): Promise<APIRequestContext> {
  return request.newContext();
}

/** An access token by the password grant of the console's client (the local realm allows it; tests only). */
export async function tokenOf(http: APIRequestContext, username: string, password: string): Promise<string> {
  const answer = await http.post(`${OIDC_URL}/protocol/openid-connect/token`, {
    form: { grant_type: 'password', client_id: CLIENT_ID, username, password, scope: 'openid' },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  return ((await answer.json()) as { access_token: string }).access_token;
}

async function send(http: APIRequestContext, method: string, url: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
  const answer = await http.fetch(url, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  return answer;
}

export async function gatewayJson<T = unknown>(
  http: APIRequestContext,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  expected = [200],
  headers: Record<string, string> = {},
): Promise<T> {
  const answer = await send(http, method, `${GATEWAY_URL}${path}`, token, body, headers);
  expect(expected, `${method} ${path} answered ${answer.status()}: ${await answer.text()}`).toContain(answer.status());
  const text = await answer.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** Puts the demo organization's Dfns and Persona settings back as the launcher stored them. */
export async function restoreDemoIntegrations(http: APIRequestContext): Promise<void> {
  const token = await tokenOf(http, 'org-admin', 'org-admin');
  await gatewayJson(http, 'PUT', `/orgs/${DEMO_ORG}/integrations/dfns`, token, demoDfns());
  await gatewayJson(http, 'PUT', `/orgs/${DEMO_ORG}/integrations/persona`, token, DEMO_PERSONA);
}

async function keycloakAdminToken(http: APIRequestContext): Promise<string> {
  const answer = await http.post(`${KEYCLOAK_BASE}/realms/master/protocol/openid-connect/token`, {
    form: {
      grant_type: 'password',
      client_id: 'admin-cli',
      username: process.env.ATTEST_KEYCLOAK_ADMIN ?? 'admin',
      password: process.env.ATTEST_KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
    },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** A new end user of `org` (realm role `user`, attribute org_id), as the organization's sign-up makes them. */
export async function createEndUser(http: APIRequestContext, username: string, password: string, org = DEMO_ORG) {
  const admin = await keycloakAdminToken(http);
  const users = `${KEYCLOAK_BASE}/admin/realms/${REALM}/users`;
  const created = await send(http, 'POST', users, admin, {
    username,
    email: `${username}@users.attest.test`,
    emailVerified: true,
    firstName: 'Review',
    lastName: username,
    enabled: true,
    attributes: { org_id: [org] },
    credentials: [{ type: 'password', value: password, temporary: false }],
  });
  expect(created.status(), await created.text()).toBe(201);
  const found = (await (await send(http, 'GET', `${users}?exact=true&username=${encodeURIComponent(username)}`, admin)).json()) as { id: string }[];
  const id = found[0]?.id;
  expect(id, `Keycloak made ${username} but cannot find them`).toBeTruthy();
  const role = await (await send(http, 'GET', `${KEYCLOAK_BASE}/admin/realms/${REALM}/roles/user`, admin)).json();
  const mapped = await send(http, 'POST', `${users}/${id}/role-mappings/realm`, admin, [role]);
  expect(mapped.status()).toBe(204);
  return { id: id as string, token: await tokenOf(http, username, password) };
}

/**
 * The Persona sandbox's workflow for the demo key: what it decides after a person completes the flow
 * (`auto-approve` is the launcher's, unscripted state: webhooks to the global URL, signed with the
 * configured secret).
 */
export async function setPersonaScenario(http: APIRequestContext, decision: 'auto-approve' | 'needs-review') {
  const answer = await http.post(`${SANDBOX_URL}/persona/_sandbox/organizations`, {
    data: { api_key: DEMO_PERSONA.api_key, scenario: { decision } },
  });
  expect(answer.status(), await answer.text()).toBe(201);
}

/** Opens the hosted verification page (the inquiry starts) and completes it, as a person would. */
export async function completeHostedVerification(http: APIRequestContext, inquiryId: string, sessionToken: string) {
  const query = new URLSearchParams({ 'inquiry-id': inquiryId, 'session-token': sessionToken });
  const opened = await http.get(`${SANDBOX_URL}/persona/verify?${query}`);
  expect(opened.status()).toBe(200);
  const completed = await http.post(`${SANDBOX_URL}/persona/verify/complete`, {
    form: { 'inquiry-id': inquiryId, 'session-token': sessionToken },
  });
  expect(completed.status(), await completed.text()).toBe(200);
}
