import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useOrgParam, useRequiredParam } from '../../tenant/params';
import { providerLabel } from '../../kyc/providers';
import { formatTime } from './format';
import { hasErrors, type FieldErrors } from './forms';
import { mergeErrors } from './load';
import { Confirm, Facts, SecretOnce, Section, StatusBadge, SuccessMessage, TableScroll } from './parts';
import { DocumentRequirementsFields } from './DocumentRequirementsFields';
import { ProjectFields } from './ProjectFields';
import {
  API_SCOPES,
  keyErrors,
  keyState,
  newKeyRequest,
  projectChanges,
  projectErrors,
  projectFormFrom,
  projectServerErrors,
  type KeyForm,
  type ProjectForm,
} from './projectForms';
import { issuedApiKey, type ApiKey, type IssuedApiKey, type Project } from './types';

/**
 * `/org/:org/projects/:project`: a project's settings, its API keys (a new key shown once, rotate, revoke) and the
 * documents it requires of its users.
 */
export default function ProjectPage() {
  const org = useOrgParam();
  const projectId = useRequiredParam('project');
  const api = useApi();
  const project = useAsync(
    (signal) => unwrap(api.gateway.GET('/orgs/{org}/projects/{project}', { params: { path: { org, project: projectId } }, signal })),
    [api, org, projectId],
  );

  if (project.loading && !project.data) return <Progress label="Loading the project" />;
  if (!project.data) {
    return (
      <Page title="Project">
        <ErrorMessage error={project.error} title="Could not load the project" onRetry={project.reload} />
        <p>
          <Link to={`/org/${encodeURIComponent(org)}/projects`}>All projects</Link>
        </p>
      </Page>
    );
  }
  const p: Project = project.data;
  return (
    <Page
      title={`Project ${p.name ?? ''}`.trim()}
      actions={
        <>
          <Link to={`/org/${encodeURIComponent(org)}/webhooks?project=${encodeURIComponent(projectId)}`}>Webhooks of this project</Link>
          <Link to={`/org/${encodeURIComponent(org)}/projects`}>All projects</Link>
        </>
      }
    >
      <Facts
        items={[
          ['Project ID', <code key="id">{p.id}</code>],
          ['Environment', p.environment],
          [
            'KYC provider',
            `${providerLabel(p.kyc_provider)}${p.kyc_fallback_provider ? `, falling back to ${providerLabel(p.kyc_fallback_provider)}` : ', no fallback'}`,
          ],
          ['Created', formatTime(p.created_at)],
        ]}
      />
      <ApiKeys org={org} project={p} />
      <DocumentRequirementsFields projectId={p.id ?? projectId} />
      <ProjectSettings org={org} project={p} onSaved={(saved) => project.setData(saved)} />
    </Page>
  );
}

function ProjectSettings({ org, project, onSaved }: { org: string; project: Project; onSaved(project: Project): void }) {
  const api = useApi();
  const [form, setForm] = useState<ProjectForm>(() => projectFormFrom(project));
  const [errors, setErrors] = useState<FieldErrors<keyof ProjectForm>>({});
  const [saved, setSaved] = useState(false);
  const save = useAction((body: ReturnType<typeof projectChanges>) =>
    unwrap(api.gateway.PATCH('/orgs/{org}/projects/{project}', { params: { path: { org, project: project.id ?? '' } }, body })),
  );
  const change = <K extends keyof ProjectForm>(key: K, value: ProjectForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSaved(false);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = projectErrors(form);
    setErrors(found);
    if (hasErrors(found)) return;
    const answer = await save.run(projectChanges(form));
    if (answer) {
      onSaved(answer);
      setForm(projectFormFrom(answer));
      setSaved(true);
    }
  };
  return (
    <Section title="Settings">
      <form className="org-form" noValidate onSubmit={submit} aria-label="Project settings">
        <ProjectFields form={form} errors={mergeErrors(errors, projectServerErrors(save.error))} onChange={change} creating={false} />
        <ErrorMessage error={save.error} title="Could not save the project" />
        <SuccessMessage>{saved && 'Project saved.'}</SuccessMessage>
        <Button type="submit" variant="primary" pending={save.pending} pendingLabel="Saving…">
          Save project
        </Button>
      </form>
    </Section>
  );
}

const EMPTY_KEY: KeyForm = { name: '', scopes: [], expires_on: '' };

function ApiKeys({ org, project }: { org: string; project: Project }) {
  const api = useApi();
  const path = { org, project: project.id ?? '' };
  const keys = useAsync((signal) => unwrap(api.gateway.GET('/orgs/{org}/projects/{project}/api-keys', { params: { path }, signal })), [api, org, project.id]);
  const [form, setForm] = useState<KeyForm>(EMPTY_KEY);
  const [errors, setErrors] = useState<FieldErrors<keyof KeyForm>>({});
  const [issued, setIssued] = useState<{ title: string; key: IssuedApiKey } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const create = useAction(async (body: ReturnType<typeof newKeyRequest>) =>
    issuedApiKey(await unwrap(api.gateway.POST('/orgs/{org}/projects/{project}/api-keys', { params: { path }, body }))),
  );
  const revoke = useAction((key: ApiKey) =>
    unwrap(api.gateway.DELETE('/orgs/{org}/projects/{project}/api-keys/{key}', { params: { path: { ...path, key: key.id ?? '' } } })),
  );
  const rotate = useAction(async (key: ApiKey) =>
    issuedApiKey(await unwrap(api.gateway.POST('/orgs/{org}/projects/{project}/api-keys/{key}/rotate', { params: { path: { ...path, key: key.id ?? '' } } }))),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const found = keyErrors(form);
    setErrors(found);
    if (hasErrors(found)) return;
    const key = await create.run(newKeyRequest(form));
    if (key) {
      setIssued({ title: `Your new API key “${key.name}”`, key });
      setForm(EMPTY_KEY);
      keys.reload();
    }
  };

  const toggleScope = (scope: string, on: boolean) => {
    setForm((f) => ({ ...f, scopes: on ? [...f.scopes, scope] : f.scopes.filter((s) => s !== scope) }));
    setErrors((e) => ({ ...e, scopes: undefined }));
  };

  // Active keys first, newest first within each state.
  const order = { active: 0, expired: 1, revoked: 2 } as const;
  const list = [...(keys.data ?? [])].sort(
    (a, b) => order[keyState(a)] - order[keyState(b)] || (b.created_at ?? '').localeCompare(a.created_at ?? ''),
  );
  const actionError = revoke.error ?? rotate.error;
  return (
    <Section title="API keys">
      <p>
        Your servers call Attest with these keys (<code>Authorization: Bearer ak_…</code>). Attest stores only a fingerprint of each key: a new key is
        shown once.
      </p>
      {issued && (
        <SecretOnce title={issued.title} label="New API key" value={issued.key.key} onDone={() => setIssued(null)}>
          <p>
            Scopes: {issued.key.scopes?.join(', ')}
            {issued.key.expires_at ? `; expires ${formatTime(issued.key.expires_at)}` : '; does not expire'}.
          </p>
        </SecretOnce>
      )}
      <SuccessMessage>{message}</SuccessMessage>
      <ErrorMessage error={actionError} title={revoke.error ? 'Could not revoke the key' : 'Could not rotate the key'} />
      <ErrorMessage error={keys.error} title="Could not load the API keys" onRetry={keys.reload} />
      {keys.loading && !keys.data && <Progress label="Loading the API keys" />}
      {keys.data && list.length === 0 && <p>This project has no API keys yet.</p>}
      {list.length > 0 && (
        <TableScroll label="API keys table">
          <table>
            <caption className="visually-hidden">API keys of {project.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key starts with</th>
                <th scope="col">Scopes</th>
                <th scope="col">State</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.map((key) => {
                const state = keyState(key);
                return (
                  <tr key={key.id}>
                    <td>
                      {key.name}
                      <div className="muted nowrap">created {formatTime(key.created_at)}</div>
                    </td>
                    <td className="nowrap">
                      <code>{key.prefix}…</code>
                    </td>
                    <td>{key.scopes?.join(', ')}</td>
                    <td>
                      <StatusBadge status={state} label={state === 'revoked' ? `revoked ${formatTime(key.revoked_at)}` : state} />
                    </td>
                    <td className="nowrap">{key.last_used_at ? formatTime(key.last_used_at) : 'never'}</td>
                    <td className="nowrap">{key.expires_at ? formatTime(key.expires_at) : 'never'}</td>
                    <td>
                      {state === 'active' && (
                        <div className="actions">
                          <Confirm
                            trigger="Rotate"
                            triggerLabel={`Rotate key ${key.name}`}
                            title={`Rotate the key “${key.name}”?`}
                            confirmLabel="Rotate key"
                            pending={rotate.pending}
                            pendingLabel="Rotating…"
                            onConfirm={async () => {
                              setMessage(null);
                              const successor = await rotate.run(key);
                              if (!successor) return false;
                              setIssued({ title: `The new key replacing “${key.name}”`, key: successor });
                              keys.reload();
                              return true;
                            }}
                          >
                            <p>A new key with the same name, scopes and expiry replaces it; the old key stops working at once.</p>
                          </Confirm>
                          <Confirm
                            trigger="Revoke"
                            triggerLabel={`Revoke key ${key.name}`}
                            triggerVariant="danger"
                            title={`Revoke the key “${key.name}”?`}
                            confirmLabel="Revoke key"
                            pending={revoke.pending}
                            pendingLabel="Revoking…"
                            onConfirm={async () => {
                              setMessage(null);
                              const revoked = await revoke.run(key);
                              if (!revoked) return false;
                              keys.setData((current) => (current ?? []).map((k) => (k.id === revoked.id ? revoked : k)));
                              setMessage(`Key “${key.name}” revoked: requests with it are refused from now on.`);
                              return true;
                            }}
                          >
                            <p>Requests with it are refused at once, on every server. This cannot be undone.</p>
                          </Confirm>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}

      <form className="org-form" noValidate onSubmit={submit} aria-label="New API key">
        <h3>New API key</h3>
        <div className="form-grid">
          <FormField label="Key name" error={errors.name} hint="Who uses it, e.g. “backend production”." required>
            {(control) => (
              <input
                {...control}
                name="key_name"
                autoComplete="off"
                value={form.name}
                onChange={(e) => {
                  setForm((f) => ({ ...f, name: e.target.value }));
                  setErrors((x) => ({ ...x, name: undefined }));
                }}
              />
            )}
          </FormField>
          <FormField label="Expires on" error={errors.expires_on} hint="Optional: the key stops working at the end of that day (UTC).">
            {(control) => (
              <input
                {...control}
                type="date"
                name="expires_on"
                value={form.expires_on}
                onChange={(e) => {
                  setForm((f) => ({ ...f, expires_on: e.target.value }));
                  setErrors((x) => ({ ...x, expires_on: undefined }));
                }}
              />
            )}
          </FormField>
        </div>
        <fieldset aria-describedby={errors.scopes ? 'scopes-error' : undefined}>
          <legend>Scopes</legend>
          <div className="checkbox-grid">
            {API_SCOPES.map(([scope, label]) => (
              <label key={scope} className="checkbox">
                <input type="checkbox" checked={form.scopes.includes(scope)} onChange={(e) => toggleScope(scope, e.target.checked)} />
                <span>
                  {label} (<code>{scope}</code>)
                </span>
              </label>
            ))}
          </div>
          {errors.scopes && (
            <p id="scopes-error" className="field-error">
              {errors.scopes}
            </p>
          )}
        </fieldset>
        <ErrorMessage error={create.error} title="Could not create the key" />
        <Button type="submit" variant="primary" pending={create.pending} pendingLabel="Creating…">
          Create API key
        </Button>
      </form>
    </Section>
  );
}
