// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { recordingApi, type Call } from '../../test/fixtures';
import { renderRoutesAt } from '../../test/routing';
import type { FoundUser, SuspensionLogEntry } from './admin';
import PlatformUsersPage from './PlatformUsersPage';

const holder = vi.hoisted(() => ({ api: null as Api | null, calls: [] as Call[] }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));

// A subject of a federated sign-in: the path must carry it encoded.
const ADA = 'f:1b2c:ada';
const ADMIN = 'platform-admin-0';

const ADA_FOUND: FoundUser = {
  user_id: ADA,
  emails: ['ada@acme.test'],
  organizations: [
    { org_id: 'o-1', slug: 'acme', name: 'Acme Bank', role: 'org-admin', org_suspended: false },
    { org_id: 'o-2', slug: 'globex', name: 'Globex', role: 'user', org_suspended: true },
  ],
};
const ADMIN_FOUND: FoundUser = { user_id: ADMIN, emails: ['admin@attest.test'], organizations: [] };

function problem(status: number, slug: string, detail: string) {
  return Response.json(
    { type: `https://attest.dev/problems/${slug}`, title: 'Bad Request', status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** The gateway's user directory and suspensions, kept as the requests change them. */
function gateway() {
  const suspended = new Map<string, { reason: string; suspended_by: string; suspended_at: string }>();
  const history = new Map<string, SuspensionLogEntry[]>([
    [ADA, [{ kind: 'user', target: ADA, action: 'suspended', reason: 'Chargebacks', actor: ADMIN, at: '2026-11-02T09:00:00Z' }, { kind: 'user', target: ADA, action: 'reactivated', actor: ADMIN, at: '2026-11-03T09:00:00Z' }]],
  ]);
  recordingApi(holder, (url, call) => {
    if (url.pathname === '/platform/users') {
      const q = url.searchParams.get('q') ?? '';
      if (q.length > 200) return problem(400, 'invalid-query', 'q is a user\'s subject or part of their email, 1 to 200 characters.');
      const users = [ADA_FOUND, ADMIN_FOUND]
        .filter((u) => u.user_id === q || u.emails!.some((e) => e.includes(q)))
        .map((u) => ({ ...u, suspension: suspended.has(u.user_id!) ? suspended.get(u.user_id!) : null }));
      return Response.json({ users });
    }
    const match = /^\/platform\/users\/([^/]+)\/(suspension|suspend|reactivate)$/.exec(url.pathname);
    if (!match) throw new Error(`unexpected ${url.pathname}`);
    const subject = decodeURIComponent(match[1]!);
    const reason = (call.body as { reason?: string } | undefined)?.reason;
    if (match[2] === 'suspend') {
      if (subject === ADMIN) return problem(400, 'cannot-suspend-self', 'A platform admin cannot suspend themselves.');
      suspended.set(subject, { reason: reason!, suspended_by: ADMIN, suspended_at: '2026-12-07T10:00:00Z' });
      history.set(subject, [...(history.get(subject) ?? []), { kind: 'user', target: subject, action: 'suspended', reason, actor: ADMIN, at: '2026-12-07T10:00:00Z' }]);
    } else if (match[2] === 'reactivate') {
      suspended.delete(subject);
      history.set(subject, [...(history.get(subject) ?? []), { kind: 'user', target: subject, action: 'reactivated', reason, actor: ADMIN, at: '2026-12-07T11:00:00Z' }]);
    }
    const current = suspended.get(subject);
    const state = { kind: 'user', target: subject, suspended: Boolean(current), ...current };
    if (match[2] !== 'suspension') return Response.json(state);
    return Response.json({ kind: 'user', target: subject, suspended: Boolean(current), current: current ? state : null, history: history.get(subject) ?? [] });
  });
}

/** The value of a fact (a `<dt>` and its `<dd>`) in `within`. */
function fact(container: HTMLElement, term: string): string | null {
  const dt = within(container).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? null;
}

const posts = () => holder.calls.filter((c) => c.method === 'POST');
const searches = () => holder.calls.filter((c) => c.path === '/platform/users');

const renderAt = (path: string) => renderRoutesAt(path, <Route path="/platform/users" element={<PlatformUsersPage />} />);

beforeEach(() => {
  holder.api = null;
  holder.calls = [];
});
afterEach(cleanup);

describe('the platform’s users page', () => {
  it('asks for nothing until there is a query, and refuses an empty one without sending it', async () => {
    gateway();
    renderAt('/platform/users');
    const form = screen.getByRole('search', { name: 'Search users' });
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText(/^User id or email/), '   ');
    await user.click(within(form).getByRole('button', { name: 'Search' }));
    expect(within(form).getByText('Enter a user id (subject) or a part of an email address.')).toBeTruthy();
    expect(holder.calls).toEqual([]);
    expect(screen.getByLabelText('Address').textContent).toBe('/platform/users');
  });

  it('searches with the query typed, puts it in the address, and lists each user’s organizations and state', async () => {
    gateway();
    renderAt('/platform/users');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^User id or email/), ' test ');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    const table = await screen.findByRole('table', { name: 'Users matching “test”, 2 found' });
    expect(screen.getByLabelText('Address').textContent).toBe('/platform/users?q=test');
    expect(searches()).toEqual([{ method: 'GET', path: '/platform/users', query: 'q=test', body: undefined }]);
    const row = within(table).getByRole('row', { name: /ada@acme\.test/ });
    expect(within(row).getByText(ADA)).toBeTruthy();
    expect(within(row).getByText('Acme Bank (acme), org-admin')).toBeTruthy();
    expect(within(row).getByText('Globex (globex), user')).toBeTruthy();
    expect(within(row).getByText('organization suspended')).toBeTruthy();
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(within(within(table).getByRole('row', { name: /admin@attest\.test/ })).getByText('no organization')).toBeTruthy();
  });

  it('says when nobody matches', async () => {
    gateway();
    renderAt('/platform/users?q=nobody');
    expect(await screen.findByText('No user matches “nobody”.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a user’s suspension history, and suspends only once a reason is given', async () => {
    gateway();
    renderAt('/platform/users?q=ada');
    const table = await screen.findByRole('table', { name: /^Users matching/ });
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Show the suspension of ada@acme.test' }));
    expect(screen.getByLabelText('Address').textContent).toBe(`/platform/users?q=ada&user=${encodeURIComponent(ADA)}`);

    const section = await screen.findByRole('region', { name: 'Suspension of ada@acme.test' });
    const history = await within(section).findByRole('table', { name: 'Suspension history' });
    expect(within(history).getAllByRole('row').map((r) => [...r.children].slice(1).map((c) => c.textContent))).toEqual([
      ['Change', 'Reason', 'By'],
      ['Suspended', 'Chargebacks', ADMIN],
      ['Reactivated', 'none given', ADMIN],
    ]);
    expect(holder.calls.at(-1)).toMatchObject({ method: 'GET', path: '/platform/users/f%3A1b2c%3Aada/suspension' });

    await user.click(within(section).getByRole('button', { name: 'Suspend user ada@acme.test' }));
    const confirm = within(section).getByRole('group', { name: 'Suspend user ada@acme.test?' });
    await user.click(within(confirm).getByRole('button', { name: 'Suspend user' }));
    expect(within(confirm).getByText('Enter a reason: it is recorded with the suspension and in the audit trail.')).toBeTruthy();
    expect(posts()).toEqual([]);

    await user.type(within(confirm).getByLabelText(/^Reason/), '  Account takeover  ');
    await user.click(within(confirm).getByRole('button', { name: 'Suspend user' }));
    expect(await within(section).findByText('Suspended user ada@acme.test.')).toBeTruthy();
    expect(posts()).toEqual([{ method: 'POST', path: '/platform/users/f%3A1b2c%3Aada/suspend', query: '', body: { reason: 'Account takeover' } }]);
    expect(fact(section, 'State')).toBe('Suspended');
    expect(fact(section, 'Reason')).toBe('Account takeover');
    expect(await within(section).findByRole('button', { name: 'Reactivate user ada@acme.test' })).toBeTruthy();
    // the results are searched again: the row says so too
    const row = await within(table).findByRole('row', { name: /Account takeover/ });
    expect(within(row).getByText('Suspended')).toBeTruthy();
    expect(searches()).toHaveLength(2);
  });

  it('reactivates without a reason, sending none', async () => {
    gateway();
    renderAt(`/platform/users?q=ada&user=${encodeURIComponent(ADA)}`);
    const section = await screen.findByRole('region', { name: 'Suspension of ada@acme.test' });
    const user = userEvent.setup();
    await user.click(await within(section).findByRole('button', { name: 'Suspend user ada@acme.test' }));
    await user.type(within(section).getByLabelText(/^Reason/), 'Fraud review');
    await user.click(within(section).getByRole('button', { name: 'Suspend user' }));
    await user.click(await within(section).findByRole('button', { name: 'Reactivate user ada@acme.test' }));
    await user.click(within(section).getByRole('button', { name: 'Reactivate user' }));

    expect(await within(section).findByText('Reactivated user ada@acme.test.')).toBeTruthy();
    expect(posts().map((c) => [c.path, c.body])).toEqual([
      ['/platform/users/f%3A1b2c%3Aada/suspend', { reason: 'Fraud review' }],
      ['/platform/users/f%3A1b2c%3Aada/reactivate', {}],
    ]);
    expect(await within(section).findByRole('button', { name: 'Suspend user ada@acme.test' })).toBeTruthy();
  });

  it('shows the gateway’s refusal and keeps the confirmation open', async () => {
    gateway();
    renderAt(`/platform/users?q=admin&user=${ADMIN}`);
    const section = await screen.findByRole('region', { name: 'Suspension of admin@attest.test' });
    expect(within(section).getByText('Never suspended.')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(await within(section).findByRole('button', { name: 'Suspend user admin@attest.test' }));
    await user.type(within(section).getByLabelText(/^Reason/), 'Testing');
    await user.click(within(section).getByRole('button', { name: 'Suspend user' }));

    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('Could not suspend user admin@attest.test');
    expect(alert.textContent).toContain('A platform admin cannot suspend themselves.');
    expect(within(section).getByRole('group', { name: 'Suspend user admin@attest.test?' })).toBeTruthy();
    expect(fact(section, 'State')).toBe('Active');
  });

  it('shows the gateway’s problem for a query it does not take', async () => {
    gateway();
    renderAt(`/platform/users?q=${'a'.repeat(201)}`);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not search the users');
    expect(alert.textContent).toContain("q is a user's subject or part of their email, 1 to 200 characters.");
  });
});
