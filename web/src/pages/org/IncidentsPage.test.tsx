// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { recordingApi, type Call } from '../../test/fixtures';
import { renderRoutesAt } from '../../test/routing';
import IncidentPage, { PlatformIncidentPage } from './IncidentPage';
import type { Incident } from './incidents';
import IncidentsPage, { PlatformIncidentsPage } from './IncidentsPage';

const holder = vi.hoisted(() => ({ api: null as Api | null, calls: [] as Call[] }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));

// Notification emails link to the organization by its id.
const ORG_ID = '5b0e2a52-7c1e-4d7a-9a53-0f1f6c1d2e3f';

const INCIDENT: Incident = {
  id: 'i-1',
  detector: 'api-key',
  severity: 'high',
  status: 'open',
  summary: 'An API key was used from 2 addresses',
  subject: 'api-key:k-1',
  org_id: ORG_ID,
  project_id: 'p-1',
  signal_count: 21,
  evidence: { source: { '198.51.100.2': 4, '203.0.113.7': 17 }, reason: { unknown: 21 } },
  first_signal_at: '2026-12-07T09:00:00Z',
  last_signal_at: '2026-12-07T09:05:00Z',
  opened_at: '2026-12-07T09:01:00Z',
  actions: [
    {
      id: 'a-1',
      incident_id: 'i-1',
      kind: 'freeze-transfers',
      target: 'project:p-1',
      reason: 'Incident i-1: An API key was used from 2 addresses',
      changed: false,
      taken_by: 'admin-0',
      taken_at: '2026-12-07T09:02:00Z',
    },
  ],
  suggested_actions: [
    { kind: 'revoke-api-key', target: 'k-1', label: 'Revoke the API key' },
    { kind: 'freeze-transfers', target: `organization:${ORG_ID}`, label: 'Freeze the organization’s transfers' },
  ],
};

const OTHER: Incident = {
  ...INCIDENT,
  id: 'i-2',
  detector: 'sign-in',
  severity: 'critical',
  summary: 'Failed sign-ins from one address',
  subject: 'source:203.0.113.9',
  actions: [],
};

function problem(status: number, slug: string, detail: string) {
  return Response.json(
    { type: `https://attest.dev/problems/${slug}`, title: slug, status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

const ROUTE = /^(?:\/platform|\/orgs\/[^/]+)\/incidents(?:\/([^/]+)(?:\/actions(?:\/([^/]+)\/undo)?|\/resolve)?)?$/;

/** The gateway for incidents: answers from one stored incident, changed as the requests ask unless `refuse` answers first. */
function gateway(refuse: (call: Call) => Response | undefined = () => undefined) {
  let incident = structuredClone(INCIDENT);
  recordingApi(holder, (url, call, request) => {
    if (url.pathname === '/orgs') return Response.json([{ id: ORG_ID, slug: 'acme', name: 'Acme Bank' }]);
    const match = ROUTE.exec(url.pathname);
    if (!match) throw new Error(`unexpected ${url.pathname}`);
    const refused = refuse(call);
    if (refused) return refused;
    if (!match[1]) return Response.json([incident, OTHER]);
    if (request.method === 'GET') return Response.json(incident);
    const body = call.body as { kind?: string; target?: string; reason?: string; note?: string } | undefined;
    if (url.pathname.endsWith('/undo')) {
      incident = {
        ...incident,
        actions: incident.actions!.map((a) => (a.id === match[2] ? { ...a, undone_by: 'admin-1', undone_at: '2026-12-07T10:00:00Z' } : a)),
      };
    } else if (url.pathname.endsWith('/resolve')) {
      incident = { ...incident, status: 'resolved', resolved_at: '2026-12-07T11:00:00Z', resolved_by: 'admin-1', resolution_note: body?.note };
    } else {
      const added = {
        id: 'a-2',
        incident_id: 'i-1',
        kind: body?.kind,
        target: body?.target,
        reason: body?.reason ?? `Incident i-1: ${incident.summary}`,
        changed: true,
        taken_by: 'admin-1',
        taken_at: '2026-12-07T09:30:00Z',
      };
      incident = { ...incident, actions: [...incident.actions!, added] };
    }
    return Response.json(incident);
  });
}

const posts = () => holder.calls.filter((c) => c.method === 'POST');

// Without the shown address: an `<output>` is a `status` too, and the tests look for the page's own.
function renderAt(path: string) {
  renderRoutesAt(
    path,
    <>
      <Route path="/org/:org/incidents" element={<IncidentsPage />} />
      <Route path="/org/:org/incidents/:id" element={<IncidentPage />} />
      <Route path="/platform/incidents" element={<PlatformIncidentsPage />} />
      <Route path="/platform/incidents/:id" element={<PlatformIncidentPage />} />
    </>,
    { showAddress: false },
  );
}

beforeEach(() => {
  holder.api = null;
  holder.calls = [];
});
afterEach(cleanup);

describe('the incident list', () => {
  it('shows an organization’s open incidents with their severity and summary, and the resolved ones on request', async () => {
    gateway();
    renderAt('/org/acme/incidents');
    const table = await screen.findByRole('table');
    const row = within(table).getByRole('row', { name: /An API key was used from 2 addresses/ });
    expect(within(row).getByText('High').className).toContain('severity-high');
    expect(within(row).getByRole('link').getAttribute('href')).toBe('/org/acme/incidents/i-1');
    expect(within(row).getByText('API keys')).toBeTruthy();
    expect(within(within(table).getByRole('row', { name: /Failed sign-ins/ })).getByText('Critical')).toBeTruthy();
    expect(holder.calls).toEqual([expect.objectContaining({ path: '/orgs/acme/incidents', query: 'status=open&page=0&size=20' })]);

    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Show incidents'), 'resolved');
    await vi.waitFor(() => expect(holder.calls.at(-1)).toMatchObject({ path: '/orgs/acme/incidents', query: 'status=resolved&page=0&size=20' }));
    await user.selectOptions(screen.getByLabelText('Detector'), 'sign-in');
    await vi.waitFor(() => expect(holder.calls.at(-1)?.query).toBe('status=resolved&detector=sign-in&page=0&size=20'));
  });

  it('shows the platform’s admins every organization’s incidents, filtered by organization', async () => {
    gateway();
    renderAt('/platform/incidents');
    const table = await screen.findByRole('table');
    const row = within(table).getByRole('row', { name: /An API key was used/ });
    expect(await within(row).findByText('Acme Bank')).toBeTruthy();
    expect(within(row).getByRole('link').getAttribute('href')).toBe('/platform/incidents/i-1');

    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Organization'), 'Acme Bank');
    await vi.waitFor(() =>
      expect(holder.calls.at(-1)).toMatchObject({ path: '/platform/incidents', query: `status=open&org=${ORG_ID}&page=0&size=20` }),
    );
  });
});

describe('an incident', () => {
  it('shows its evidence per attribute, the most frequent value first', async () => {
    gateway();
    renderAt('/platform/incidents/i-1');
    const evidence = await screen.findByRole('region', { name: 'Evidence' });
    const sources = within(evidence).getByRole('table', { name: 'Source address' });
    expect(within(sources).getAllByRole('row').map((r) => r.textContent)).toEqual(['Source addressSignals', '203.0.113.717', '198.51.100.24']);
    expect(within(evidence).getByRole('table', { name: 'Reason' })).toBeTruthy();
    const facts = screen.getByRole('region', { name: 'Incident' });
    expect(within(within(facts).getByText('API key').parentElement!).getByText('k-1')).toBeTruthy();
  });

  it('takes a suggested action after confirmation, posting exactly its kind and target, and lists it', async () => {
    gateway();
    renderAt('/platform/incidents/i-1');
    const respond = await screen.findByRole('region', { name: 'Respond' });
    const user = userEvent.setup();
    await user.click(within(respond).getByRole('button', { name: 'Revoke the API key…' }));
    expect(posts()).toEqual([]);
    const confirm = within(respond).getByRole('group', { name: 'Revoke the API key?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke API key' }));

    expect(await screen.findByText('Revoke the API key (k-1): done. You can undo it below.')).toBeTruthy();
    expect(posts()).toEqual([{ method: 'POST', path: '/platform/incidents/i-1/actions', query: '', body: { kind: 'revoke-api-key', target: 'k-1' } }]);
    const actions = screen.getByRole('table', { name: 'Actions taken on this incident' });
    const added = within(actions).getByRole('row', { name: /Revoke API key/ });
    expect(added.textContent).toContain('In effect');
    expect(within(added).getByRole('button', { name: 'Undo Revoke API key of k-1' })).toBeTruthy();
  });

  it('sends the reason typed in the confirmation', async () => {
    gateway();
    renderAt('/platform/incidents/i-1');
    const respond = await screen.findByRole('region', { name: 'Respond' });
    const user = userEvent.setup();
    await user.click(within(respond).getByRole('button', { name: 'Freeze the organization’s transfers…' }));
    await user.type(within(respond).getByLabelText('Reason (optional)'), 'Card testing');
    await user.click(within(respond).getByRole('button', { name: 'Freeze transfers' }));
    await screen.findByRole('status');
    expect(posts()[0]?.body).toEqual({ kind: 'freeze-transfers', target: `organization:${ORG_ID}`, reason: 'Card testing' });
  });

  it('says when an action changed nothing, and undoes an action at its own address', async () => {
    gateway();
    renderAt('/platform/incidents/i-1');
    const actions = await screen.findByRole('table', { name: 'Actions taken on this incident' });
    const row = within(actions).getByRole('row', { name: /Freeze transfers/ });
    expect(row.textContent).toContain('Changed nothing: the target was already so.');
    const user = userEvent.setup();
    await user.click(within(row).getByRole('button', { name: 'Undo Freeze transfers of project:p-1' }));
    await user.click(within(row).getByRole('button', { name: 'Undo action' }));

    expect(await screen.findByText('Undone: Freeze transfers of project:p-1.')).toBeTruthy();
    expect(posts()).toEqual([expect.objectContaining({ path: '/platform/incidents/i-1/actions/a-1/undo', body: undefined })]);
    expect(within(row).queryByRole('button', { name: /Undo/ })).toBeNull();
    expect(row.textContent).toContain('Undone');
  });

  it('shows a 409 as the problem says it, and the incident as it is now', async () => {
    gateway((call) => (call.path.endsWith('/undo') ? problem(409, 'already-undone', 'This action was undone already.') : undefined));
    renderAt('/platform/incidents/i-1');
    const actions = await screen.findByRole('region', { name: 'Actions taken' });
    const user = userEvent.setup();
    await user.click(within(actions).getByRole('button', { name: /^Undo Freeze transfers/ }));
    await user.click(within(actions).getByRole('button', { name: 'Undo action' }));

    const alert = await within(actions).findByRole('alert');
    expect(alert.textContent).toContain('Could not undo the action');
    expect(alert.textContent).toContain('This action was undone already.');
    await vi.waitFor(() => expect(holder.calls.filter((c) => c.path === '/platform/incidents/i-1' && c.method === 'GET')).toHaveLength(2));
  });

  it('lets an organization’s admins respond on their organization’s routes, named by its id', async () => {
    gateway((call) =>
      call.method === 'POST' ? problem(403, 'forbidden', "Only the platform's administrators may freeze transfers.") : undefined,
    );
    renderAt(`/org/${ORG_ID}/incidents/i-1`);
    const respond = await screen.findByRole('region', { name: 'Respond' });
    expect(holder.calls[0]).toMatchObject({ method: 'GET', path: `/orgs/${ORG_ID}/incidents/i-1` });
    expect(screen.getByRole('link', { name: 'Back to the incidents' }).getAttribute('href')).toBe(`/org/${ORG_ID}/incidents`);
    const user = userEvent.setup();
    await user.click(within(respond).getByRole('button', { name: 'Revoke the API key…' }));
    await user.click(within(respond).getByRole('button', { name: 'Revoke API key' }));

    const alert = await within(respond).findByRole('alert');
    expect(alert.textContent).toContain('Could not take the action');
    expect(alert.textContent).toContain("Only the platform's administrators may freeze transfers.");
    expect(posts()).toEqual([expect.objectContaining({ path: `/orgs/${ORG_ID}/incidents/i-1/actions`, body: { kind: 'revoke-api-key', target: 'k-1' } })]);
    // the confirmation stays open to try again or cancel
    expect(within(respond).getByRole('group', { name: 'Revoke the API key?' })).toBeTruthy();
  });

  it('resolves with a note', async () => {
    gateway();
    renderAt('/org/acme/incidents/i-1');
    const form = await screen.findByRole('form', { name: 'Resolve the incident' });
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText('Note (optional)'), 'Key rotated by the customer');
    await user.click(within(form).getByRole('button', { name: 'Resolve incident' }));

    expect(await screen.findByText(/Incident resolved/)).toBeTruthy();
    expect(posts()).toEqual([expect.objectContaining({ path: '/orgs/acme/incidents/i-1/resolve', body: { note: 'Key rotated by the customer' } })]);
    expect(screen.queryByRole('form', { name: 'Resolve the incident' })).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Respond' })).getByText(/This incident is resolved/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Resolution' })).getByText('Key rotated by the customer')).toBeTruthy();
  });
});
