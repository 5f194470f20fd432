import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { ApiError, problemToWords } from '../../api/problem';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useTenant, type Organization } from '../../tenant/TenantContext';
import { checkOrganization, slugFrom, type NewOrganization, type OrgErrors, type OrgForm } from './orgs';

const EMPTY: OrgForm = { name: '', slug: '', adminContacts: '', selfSignup: false };

/** The organization's projects, counted (`GET /orgs/{id}/projects`). */
function ProjectCount({ orgId }: { orgId: string }) {
  const api = useApi();
  const projects = useAsync(
    (signal) => unwrap(api.gateway.GET('/orgs/{org}/projects', { params: { path: { org: orgId } }, signal })),
    [api, orgId],
  );
  if (projects.error) {
    return (
      <span className="muted">
        unknown ({problemToWords(projects.error).message}){' '}
        <button type="button" className="button-small" onClick={projects.reload}>
          Try again
        </button>
      </span>
    );
  }
  if (!projects.data) return <span className="muted">loading…</span>;
  const count = projects.data.length;
  return (
    <>
      {count} {count === 1 ? 'project' : 'projects'}
      {count > 0 && (
        <span className="muted">
          {' '}
          ({projects.data.map((p) => `${p.name} · ${p.environment}`).join(', ')})
        </span>
      )}
    </>
  );
}

function CreateOrganization({ onCreated }: { onCreated(org: Organization): void }) {
  const api = useApi();
  const [form, setForm] = useState<OrgForm>(EMPTY);
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<OrgErrors>({});
  const create = useAction((request: NewOrganization) => unwrap(api.gateway.POST('/orgs', { body: request })));
  const served = problemToWords(create.error).fields;
  const slugTaken = create.error instanceof ApiError && create.error.slug === 'slug-taken';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkOrganization(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    // The document states no body for 201: it is the organization (OrganizationView).
    const created = (await create.run(checked.request)) as Organization | undefined;
    if (created) {
      setForm(EMPTY);
      setSlugEdited(false);
      onCreated(created);
    }
  };

  return (
    <section aria-labelledby="org-create" className="card">
      <h2 id="org-create">Create an organization</h2>
      <form onSubmit={submit} noValidate className="form-narrow">
        <FormField label="Name" error={errors.name ?? served.name} required>
          {(control) => (
            <input
              {...control}
              name="name"
              autoComplete="organization"
              value={form.name}
              onChange={(e) => {
                const name = e.target.value;
                setForm((f) => ({ ...f, name, slug: slugEdited ? f.slug : slugFrom(name) }));
              }}
            />
          )}
        </FormField>
        <FormField
          label="Slug"
          hint="Its short name in addresses and sign-up links; lower-case letters, digits and hyphens. It never changes."
          error={errors.slug ?? served.slug ?? (slugTaken ? 'An organization already has this slug.' : undefined)}
          required
        >
          {(control) => (
            <input
              {...control}
              name="slug"
              autoComplete="off"
              spellCheck={false}
              value={form.slug}
              onChange={(e) => {
                setSlugEdited(true);
                setForm((f) => ({ ...f, slug: e.target.value }));
              }}
            />
          )}
        </FormField>
        <FormField
          label="Administrator contacts"
          hint="Email addresses, separated by commas or lines: they receive the organization’s alerts."
          error={errors.admin_contacts ?? served.admin_contacts}
        >
          {(control) => (
            <textarea
              {...control}
              name="admin_contacts"
              rows={2}
              value={form.adminContacts}
              onChange={(e) => setForm((f) => ({ ...f, adminContacts: e.target.value }))}
            />
          )}
        </FormField>
        <div className="field field-checkbox">
          <label>
            <input
              type="checkbox"
              name="self_signup"
              checked={form.selfSignup}
              onChange={(e) => setForm((f) => ({ ...f, selfSignup: e.target.checked }))}
            />{' '}
            Self sign-up: people may create an account and join as end users
          </label>
        </div>
        <Button type="submit" variant="primary" pending={create.pending} pendingLabel="Creating…">
          Create organization
        </Button>
      </form>
      <ErrorMessage error={create.error} title="Could not create the organization" />
    </section>
  );
}

/** `/platform/orgs`: every organization and its state; create one. */
export default function OrganizationsPage() {
  const api = useApi();
  const tenant = useTenant();
  const orgs = useAsync((signal) => unwrap(api.gateway.GET('/orgs', { signal })), [api]);
  const [created, setCreated] = useState<Organization | null>(null);

  const onCreated = (org: Organization) => {
    setCreated(org);
    orgs.reload();
    tenant.reload(); // the header's switcher lists it too
  };

  const list = [...(orgs.data ?? [])].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  return (
    <Page title="Organizations">
      {created && (
        <p role="status" className="alert alert-success">
          Created <strong>{created.name}</strong> (<code>{created.slug}</code>).
        </p>
      )}
      <CreateOrganization onCreated={onCreated} />
      <section aria-labelledby="org-list">
        <h2 id="org-list">All organizations</h2>
        {orgs.loading && !orgs.data && <Progress label="Loading the organizations" />}
        <ErrorMessage error={orgs.error} title="Could not load the organizations" onRetry={orgs.reload} />
        {orgs.data && list.length === 0 && <p>No organizations yet.</p>}
        {list.length > 0 && (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Organizations and their state</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Slug</th>
                  <th scope="col">Self sign-up</th>
                  <th scope="col">Projects</th>
                  <th scope="col">Administrator contacts</th>
                  <th scope="col">Created</th>
                  <th scope="col">Suspension, plan, deletion</th>
                </tr>
              </thead>
              <tbody>
                {list.map((org) => (
                  <tr key={org.id}>
                    <th scope="row">
                      {org.slug ? <Link to={`/org/${encodeURIComponent(org.slug)}/projects`}>{org.name}</Link> : org.name}
                    </th>
                    <td>
                      <code className="nowrap">{org.slug}</code>
                    </td>
                    <td>{org.self_signup ? 'On' : 'Off'}</td>
                    <td>{org.id ? <ProjectCount orgId={org.id} /> : '—'}</td>
                    <td>{(org.admin_contacts ?? []).length > 0 ? (org.admin_contacts ?? []).join(', ') : <span className="muted">none</span>}</td>
                    <td>{org.created_at ? <time dateTime={org.created_at}>{new Date(org.created_at).toLocaleDateString()}</time> : '—'}</td>
                    <td>
                      {org.id && (
                        <Link to={`/platform/manage?org=${encodeURIComponent(org.id)}`} aria-label={`Manage ${org.name ?? org.slug}`}>
                          Manage
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}
