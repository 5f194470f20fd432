import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { formatTime, shortId } from './format';
import { hasErrors, type FieldErrors } from './forms';
import { Confirm, Facts, SecretOnce, Section, StatusBadge, SuccessMessage, TableScroll } from './parts';
import { ProjectPicker } from './ProjectPicker';
import { createdEndpoint, type WebhookDelivery, type WebhookEndpoint } from './types';
import { useOrg } from './useOrg';
import { useProjectParam } from './useProjectParam';
import {
  EMPTY_ENDPOINT,
  endpointErrors,
  endpointRequest,
  localTimeToInstant,
  toLocalTimeInput,
  WEBHOOK_EVENT_TYPES,
  type EndpointForm,
} from './webhookForms';

const MESSAGES_PAGE = 20;

/**
 * `/org/:org/webhooks`: a project's webhook endpoints: add one (its signing secret shown once), send a
 * test message, read the message log with every attempt, resend, recover, enable or disable, delete.
 */
export default function WebhooksPage() {
  const { ref: org, id: orgId } = useOrg();
  const picker = useProjectParam(org);
  const { project } = picker;

  return (
    <Page title="Webhooks">
      <p>
        Attest tells your servers what happened (KYC, wallets, transfers, claims) by signed HTTP messages to your endpoints, per project, and retries
        for up to two days until your endpoint answers 2xx.
      </p>
      <ProjectPicker picker={picker} empty="Create a project first: webhook endpoints belong to a project." />
      {project?.id && <Endpoints key={project.id} orgId={orgId} projectId={project.id} projectName={project.name ?? ''} />}
    </Page>
  );
}

function Endpoints({ orgId, projectId, projectName }: { orgId: string; projectId: string; projectName: string }) {
  const api = useApi();
  const path = { org: orgId, project: projectId };
  const endpoints = useAsync(
    (signal) => unwrap(api.notification.GET('/orgs/{org}/projects/{project}/webhooks/endpoints', { params: { path }, signal })),
    [api, orgId, projectId],
  );
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const list = endpoints.data ?? [];

  return (
    <>
      {secret && (
        <SecretOnce title={secret.title} label="Signing secret" value={secret.value} onDone={() => setSecret(null)}>
          <p>
            Your endpoint verifies each message’s <code>webhook-signature</code> with it (Standard Webhooks).
          </p>
        </SecretOnce>
      )}
      <Section title={`Endpoints of ${projectName}`}>
        <ErrorMessage error={endpoints.error} title="Could not load the endpoints" onRetry={endpoints.reload} />
        {endpoints.loading && !endpoints.data && <Progress label="Loading the endpoints" />}
        {endpoints.data && list.length === 0 && <p>No endpoints yet: add one below.</p>}
        {list.map((endpoint) => (
          <EndpointCard
            key={endpoint.id}
            orgId={orgId}
            projectId={projectId}
            endpoint={endpoint}
            onChanged={(changed) => endpoints.setData((current) => (current ?? []).map((e) => (e.id === changed.id ? changed : e)))}
            onDeleted={() => endpoints.setData((current) => (current ?? []).filter((e) => e.id !== endpoint.id))}
            onSecret={(value) => setSecret({ title: `New signing secret of ${endpoint.url}`, value })}
          />
        ))}
      </Section>
      <NewEndpoint
        orgId={orgId}
        projectId={projectId}
        onCreated={(created) => {
          endpoints.setData((current) => [...(current ?? []), created]);
          setSecret({ title: `Signing secret of ${created.url}`, value: created.secret });
        }}
      />
    </>
  );
}

function NewEndpoint({
  orgId,
  projectId,
  onCreated,
}: {
  orgId: string;
  projectId: string;
  onCreated(endpoint: WebhookEndpoint & { secret: string }): void;
}) {
  const api = useApi();
  const [form, setForm] = useState<EndpointForm>(EMPTY_ENDPOINT);
  const [errors, setErrors] = useState<FieldErrors<keyof EndpointForm>>({});
  const create = useAction(async (body: ReturnType<typeof endpointRequest>) =>
    createdEndpoint(
      await unwrap(api.notification.POST('/orgs/{org}/projects/{project}/webhooks/endpoints', { params: { path: { org: orgId, project: projectId } }, body })),
    ),
  );
  const change = <K extends keyof EndpointForm>(key: K, value: EndpointForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = endpointErrors(form);
    setErrors(found);
    if (hasErrors(found)) return;
    const created = await create.run(endpointRequest(form));
    if (created) {
      onCreated(created);
      setForm(EMPTY_ENDPOINT);
    }
  };
  return (
    <Section title="Add an endpoint">
      <form className="org-form" noValidate onSubmit={submit} aria-label="Add an endpoint">
        <div className="form-grid">
          <FormField label="Endpoint URL" error={errors.url} hint="Your server’s address for Attest’s messages. It must be reachable from the internet." required>
            {(control) => <input {...control} type="url" inputMode="url" autoComplete="off" value={form.url} onChange={(e) => change('url', e.target.value)} />}
          </FormField>
          <FormField label="Description" error={errors.description} hint="Optional, e.g. “production backend”.">
            {(control) => <input {...control} autoComplete="off" value={form.description} onChange={(e) => change('description', e.target.value)} />}
          </FormField>
          <FormField label="Rate limit (messages per second)" error={errors.rate_limit} hint="Optional: the most Attest sends per second.">
            {(control) => <input {...control} inputMode="numeric" autoComplete="off" value={form.rate_limit} onChange={(e) => change('rate_limit', e.target.value)} />}
          </FormField>
        </div>
        <fieldset aria-describedby={errors.event_types ? 'event-types-error' : undefined}>
          <legend>Event types</legend>
          <label className="checkbox">
            <input type="radio" name="all_events" checked={form.all_events} onChange={() => change('all_events', true)} />
            <span>All event types (also those added later)</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="all_events" checked={!form.all_events} onChange={() => change('all_events', false)} />
            <span>Only these:</span>
          </label>
          <div className="checkbox-grid">
            {WEBHOOK_EVENT_TYPES.map(([type, label]) => (
              <label key={type} className="checkbox">
                <input
                  type="checkbox"
                  disabled={form.all_events}
                  checked={!form.all_events && form.event_types.includes(type)}
                  onChange={(e) =>
                    change('event_types', e.target.checked ? [...form.event_types, type] : form.event_types.filter((t) => t !== type))
                  }
                />
                <span>
                  {label} <code>{type}</code>
                </span>
              </label>
            ))}
          </div>
          {errors.event_types && (
            <p id="event-types-error" className="field-error">
              {errors.event_types}
            </p>
          )}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={form.enabled} onChange={(e) => change('enabled', e.target.checked)} />
          <span>Send messages as soon as it is added</span>
        </label>
        <ErrorMessage error={create.error} title="Could not add the endpoint" />
        <Button type="submit" variant="primary" pending={create.pending} pendingLabel="Adding…">
          Add endpoint
        </Button>
      </form>
    </Section>
  );
}

function EndpointCard({
  orgId,
  projectId,
  endpoint,
  onChanged,
  onDeleted,
  onSecret,
}: {
  orgId: string;
  projectId: string;
  endpoint: WebhookEndpoint;
  onChanged(endpoint: WebhookEndpoint): void;
  onDeleted(): void;
  onSecret(secret: string): void;
}) {
  const api = useApi();
  const path = { org: orgId, project: projectId, id: endpoint.id ?? '' };
  const [message, setMessage] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const [logVersion, setLogVersion] = useState(0);
  const [since, setSince] = useState(() => toLocalTimeInput(new Date(Date.now() - 86_400_000)));
  const [sinceError, setSinceError] = useState<string | null>(null);

  const test = useAction(async () => {
    await unwrap(api.notification.POST('/orgs/{org}/projects/{project}/webhooks/endpoints/{id}/test', { params: { path } }));
    return true;
  });
  const toggle = useAction((enabled: boolean) =>
    unwrap(api.notification.PATCH('/orgs/{org}/projects/{project}/webhooks/endpoints/{id}', { params: { path }, body: { enabled } })),
  );
  const rotate = useAction(() => unwrap(api.notification.POST('/orgs/{org}/projects/{project}/webhooks/endpoints/{id}/secret/rotate', { params: { path } })));
  const remove = useAction(async () => {
    await unwrap(api.notification.DELETE('/orgs/{org}/projects/{project}/webhooks/endpoints/{id}', { params: { path } }));
    return true;
  });
  const recover = useAction(async (sinceInstant: string) => {
    const answer = await unwrap(
      api.notification.POST('/orgs/{org}/projects/{project}/webhooks/endpoints/{id}/recover', { params: { path }, body: { since: sinceInstant } }),
    );
    const recovered = (answer as { recovered?: unknown } | null | undefined)?.recovered;
    return { recovered: typeof recovered === 'number' ? recovered : 0 };
  });
  const error = test.error ?? toggle.error ?? rotate.error ?? remove.error ?? recover.error;

  const sendTest = async () => {
    setMessage(null);
    if (await test.run()) {
      setMessage('Test message queued: it appears in the message log below with each attempt.');
      setShowLog(true);
      setLogVersion((v) => v + 1);
    }
  };
  const recoverSince = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const instant = localTimeToInstant(since);
    if (!instant) {
      setSinceError('Enter a date and time.');
      return;
    }
    if (Date.parse(instant) > Date.now()) {
      setSinceError('The time must be in the past.');
      return;
    }
    setSinceError(null);
    const answer = await recover.run(instant);
    if (answer) {
      const count = answer.recovered;
      setMessage(count === 0 ? 'No message failed for good since then: nothing to resend.' : `${count} failed message${count === 1 ? '' : 's'} will be sent again.`);
      setLogVersion((v) => v + 1);
    }
  };

  return (
    <Section level={3} title={endpoint.url} className="card">
      <Facts
        items={[
          ['State', <StatusBadge key="s" status={endpoint.enabled ? 'enabled' : 'disabled'} />],
          ['Why disabled', endpoint.enabled ? null : endpoint.disabled_reason],
          ['Description', endpoint.description],
          ['Event types', endpoint.event_types && endpoint.event_types.length > 0 ? endpoint.event_types.join(', ') : 'all'],
          ['Rate limit', endpoint.rate_limit ? `${endpoint.rate_limit} per second` : 'default'],
          ['Custom headers', endpoint.header_names && endpoint.header_names.length > 0 ? endpoint.header_names.join(', ') : null],
          ['Endpoint ID', <code key="id">{endpoint.id}</code>],
          ['Added', formatTime(endpoint.created_at)],
        ]}
      />
      <div className="actions">
        <Button onClick={sendTest} pending={test.pending} pendingLabel="Sending…" disabled={!endpoint.enabled} aria-label={`Send test message to ${endpoint.url}`}>
          Send test message
        </Button>
        <Button
          onClick={async () => {
            setMessage(null);
            const changed = await toggle.run(!endpoint.enabled);
            if (changed) {
              onChanged(changed);
              setMessage(changed.enabled ? 'Endpoint enabled: messages are sent again.' : 'Endpoint disabled: messages wait until it is enabled.');
            }
          }}
          pending={toggle.pending}
          aria-label={`${endpoint.enabled ? 'Disable' : 'Enable'} ${endpoint.url}`}
        >
          {endpoint.enabled ? 'Disable' : 'Enable'}
        </Button>
        <Button onClick={() => setShowLog((s) => !s)} aria-expanded={showLog} aria-label={`${showLog ? 'Hide message log' : 'Message log'} of ${endpoint.url}`}>
          {showLog ? 'Hide message log' : 'Message log'}
        </Button>
        <Confirm
          trigger="Rotate secret"
          triggerLabel={`Rotate secret of ${endpoint.url}`}
          title="Rotate the signing secret?"
          confirmLabel="Rotate secret"
          pending={rotate.pending}
          onConfirm={async () => {
            setMessage(null);
            const rotated = await rotate.run();
            if (!rotated?.secret) return false;
            onSecret(rotated.secret);
            return true;
          }}
        >
          <p>A new secret signs the messages; the old one signs too for a grace period (24 hours), so that your endpoint can switch over.</p>
        </Confirm>
        <Confirm
          trigger="Delete"
          triggerLabel={`Delete endpoint ${endpoint.url}`}
          triggerVariant="danger"
          title="Delete this endpoint?"
          confirmLabel="Delete endpoint"
          pending={remove.pending}
          onConfirm={async () => {
            if (!(await remove.run())) return false;
            onDeleted();
            return true;
          }}
        >
          <p>No more messages go to {endpoint.url}, and its message log is no longer shown. This cannot be undone.</p>
        </Confirm>
      </div>
      <ErrorMessage error={error} title="The endpoint could not do this" />
      <SuccessMessage>{message}</SuccessMessage>
      {showLog && (
        <>
          <MessageLog key={logVersion} orgId={orgId} projectId={projectId} endpoint={endpoint} />
          <form className="inline-form" noValidate onSubmit={recoverSince} aria-label={`Recover failed messages of ${endpoint.url}`}>
            <FormField label="Resend every message that failed for good since" error={sinceError}>
              {(control) => <input {...control} type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />}
            </FormField>
            <Button type="submit" pending={recover.pending} disabled={!endpoint.enabled}>
              Recover
            </Button>
          </form>
        </>
      )}
    </Section>
  );
}

function MessageLog({ orgId, projectId, endpoint }: { orgId: string; projectId: string; endpoint: WebhookEndpoint }) {
  const api = useApi();
  const [page, setPage] = useState(0);
  const path = { org: orgId, project: projectId, id: endpoint.id ?? '' };
  const messages = useAsync(
    (signal) =>
      unwrap(
        api.notification.GET('/orgs/{org}/projects/{project}/webhooks/endpoints/{id}/messages', {
          params: { path, query: { page, size: MESSAGES_PAGE } },
          signal,
        }),
      ),
    [api, orgId, projectId, endpoint.id, page],
  );
  const [resent, setResent] = useState<string | null>(null);
  const resend = useAction(async (messageId: string) => {
    await unwrap(
      api.notification.POST('/orgs/{org}/projects/{project}/webhooks/endpoints/{id}/messages/{message}/resend', {
        params: { path: { ...path, message: messageId } },
      }),
    );
    return true;
  });
  const list = messages.data ?? [];
  return (
    <Section level={3} title={`Message log of ${endpoint.url}`}>
      <div className="actions">
        <Button onClick={messages.reload} pending={messages.loading}>
          Refresh log
        </Button>
      </div>
      <ErrorMessage error={messages.error} title="Could not load the messages" onRetry={messages.reload} />
      <ErrorMessage error={resend.error} title="Could not resend the message" />
      <SuccessMessage>{resent}</SuccessMessage>
      {messages.loading && !messages.data && <Progress label="Loading the messages" />}
      {messages.data && list.length === 0 && <p>No messages yet.</p>}
      {list.length > 0 && (
        <TableScroll label={`Messages table of ${endpoint.url}`}>
          <table className="table-compact">
            <caption className="visually-hidden">Messages to {endpoint.url}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Message</th>
                <th scope="col">Event type</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Next attempt</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.map((delivery) => (
                <MessageRow
                  key={delivery.message_id}
                  delivery={delivery}
                  resending={resend.pending}
                  onResend={async () => {
                    setResent(null);
                    if (await resend.run(delivery.message_id ?? '')) {
                      setResent(`Message ${shortId(delivery.message_id)} will be sent again (same webhook-id).`);
                      messages.reload();
                    }
                  }}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {(page > 0 || list.length === MESSAGES_PAGE) && (
        <nav aria-label={`Pages of messages to ${endpoint.url}`} className="pager">
          <Button onClick={() => setPage((p) => p - 1)} disabled={page === 0}>
            Newer messages
          </Button>
          <span>Page {page + 1}</span>
          <Button onClick={() => setPage((p) => p + 1)} disabled={list.length < MESSAGES_PAGE}>
            Older messages
          </Button>
        </nav>
      )}
    </Section>
  );
}

function MessageRow({ delivery, resending, onResend }: { delivery: WebhookDelivery; resending: boolean; onResend(): void }) {
  const attempts = delivery.attempt_log ?? [];
  return (
    <tr>
      <td>
        <code title={delivery.message_id}>{shortId(delivery.message_id, 12)}</code>
        <div className="muted nowrap">{formatTime(delivery.created_at)}</div>
      </td>
      <td>
        <code>{delivery.event_type}</code>
      </td>
      <td>
        <StatusBadge status={delivery.status} />
      </td>
      <td>
        {attempts.length === 0 ? (
          delivery.attempts ?? 0
        ) : (
          <details>
            <summary>
              {attempts.length} attempt{attempts.length === 1 ? '' : 's'}
              {delivery.attempts != null && delivery.attempts !== attempts.length && ` (${delivery.attempts} since the last resend)`}
            </summary>
            <ol className="check-list">
              {attempts.map((attempt, i) => (
                <li key={`${attempt.attempted_at}-${i}`}>
                  {formatTime(attempt.attempted_at)}: {attempt.succeeded ? '✓ delivered' : '✕ failed'}
                  {attempt.response_status_code != null && `, HTTP ${attempt.response_status_code}`}
                  {attempt.latency_ms != null && `, ${attempt.latency_ms} ms`}
                  {attempt.error && <span className="check-technical"> ({attempt.error})</span>}
                  {attempt.response_body && (
                    <div className="check-technical">
                      Answer: <code>{attempt.response_body}</code>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          </details>
        )}
      </td>
      <td className="nowrap">{delivery.next_attempt_at ? formatTime(delivery.next_attempt_at) : '—'}</td>
      <td>
        <Button onClick={onResend} pending={resending} aria-label={`Resend message ${delivery.message_id}`}>
          Resend
        </Button>
      </td>
    </tr>
  );
}
