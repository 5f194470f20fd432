import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { ApiError } from '../../api/problem';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useOrgParam, useRequiredParam } from '../../tenant/params';
import { formatTime } from './format';
import {
  actionEffect,
  actionLabel,
  actionRequest,
  describeSubject,
  detectorLabel,
  evidenceTables,
  incidentCalls,
  incidentFilterParams,
  incidentsPath,
  type ActionRequest,
  type Incident,
  type IncidentAction,
  type IncidentScope,
  type SuggestedAction,
} from './incidents';
import { SeverityBadge } from './IncidentParts';
import { Confirm, Facts, Section, StatusBadge, SuccessMessage, TableScroll } from './parts';
import { NumberTable } from './reportParts';

/** `/org/:org/incidents/:id`: one of the organization's security incidents (its admins). */
export default function IncidentPage() {
  const org = useOrgParam();
  return <IncidentDetail scope={org} />;
}

/** `/platform/incidents/:id`: any security incident (platform admins). */
export function PlatformIncidentPage() {
  return <IncidentDetail scope={null} />;
}

/** A conflict says the incident changed meanwhile (resolved, undone by someone else): show it as it is now. */
function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

function IncidentDetail({ scope }: { scope: IncidentScope }) {
  const id = useRequiredParam('id');
  const api = useApi();
  const calls = incidentCalls(api, scope);
  const incident = useAsync((signal) => calls.get(id, signal), [api, scope, id]);
  const [done, setDone] = useState<string | null>(null);

  const take = useAction((body: ActionRequest) => calls.act(id, body));
  const undo = useAction((action: string) => calls.undo(id, action));
  const resolve = useAction((note: string) => calls.resolve(id, note));
  const { reload } = incident;
  const conflict = [take.error, undo.error, resolve.error].some(isConflict);
  useEffect(() => {
    if (conflict) reload();
  }, [conflict, reload]);

  const answered = (answer: Incident | undefined, message: (answer: Incident) => string) => {
    if (!answer) return false;
    incident.setData(answer);
    setDone(message(answer));
    return true;
  };

  const back = <Link to={incidentsPath(scope)}>Back to the incidents</Link>;
  if (incident.loading && !incident.data) return <Progress label="Loading the incident" />;
  const current = incident.data;
  if (!current) {
    return (
      <Page title="Security incident">
        <ErrorMessage error={incident.error} title="Could not load the incident" onRetry={incident.reload} />
        <p>{back}</p>
      </Page>
    );
  }
  const open = current.status === 'open';
  const taken = new Set((current.actions ?? []).map((a) => a.id));

  return (
    <Page title="Security incident" actions={back}>
      <p>
        <SeverityBadge severity={current.severity} /> {current.summary} <StatusBadge status={current.status} />
      </p>
      <SuccessMessage>{done}</SuccessMessage>

      <Section title="Incident">
        <IncidentFacts incident={current} scope={scope} />
      </Section>

      <Section title="Evidence">
        <p>What the incident’s signals had in common, each value with the number of signals that had it, most frequent first.</p>
        <EvidenceTables evidence={current.evidence} />
      </Section>

      <Section title="Respond">
        {open ? (
          <>
            {scope !== null && (
              <p className="muted">Your organization’s admins may revoke its API keys and freeze its transfers; suspensions are the platform’s.</p>
            )}
            {(current.suggested_actions ?? []).length === 0 ? (
              <p>No action is suggested for this incident.</p>
            ) : (
              <div className="actions">
                {(current.suggested_actions ?? []).map((suggestion) => (
                  <SuggestedActionButton
                    key={`${suggestion.kind}:${suggestion.target}`}
                    suggestion={suggestion}
                    pending={take.pending}
                    onTake={async (body) => {
                      setDone(null);
                      const answer = await take.run(body);
                      return answered(answer, (a) => takenMessage(suggestion, (a.actions ?? []).find((x) => !taken.has(x.id))));
                    }}
                    onOpenChange={take.reset}
                  />
                ))}
              </div>
            )}
            <ErrorMessage error={take.error} title="Could not take the action" />
          </>
        ) : (
          <p>This incident is resolved. The actions taken on it stay listed below and can still be undone.</p>
        )}
      </Section>

      <Section title="Actions taken">
        <ErrorMessage error={undo.error} title="Could not undo the action" />
        <ActionsTable
          actions={current.actions ?? []}
          pending={undo.pending}
          onUndo={async (action) => {
            setDone(null);
            const answer = await undo.run(action.id ?? '');
            return answered(answer, () => `Undone: ${actionLabel(action.kind)} of ${action.target}.`);
          }}
          onOpenChange={undo.reset}
        />
      </Section>

      <Section title={open ? 'Resolve' : 'Resolution'}>
        <ErrorMessage error={resolve.error} title="Could not resolve the incident" />
        {open ? (
          <ResolveForm
            pending={resolve.pending}
            onResolve={async (note) => {
              setDone(null);
              const answer = await resolve.run(note);
              return answered(answer, () => 'Incident resolved. Later signals of its subject open a new incident.');
            }}
          />
        ) : (
          <Facts
            items={[
              ['Resolved', formatTime(current.resolved_at)],
              ['By', current.resolved_by && <code>{current.resolved_by}</code>],
              ['Note', current.resolution_note],
            ]}
          />
        )}
      </Section>
    </Page>
  );
}

function takenMessage(suggestion: SuggestedAction, added: IncidentAction | undefined): string {
  const what = `${suggestion.label ?? actionLabel(suggestion.kind)} (${suggestion.target})`;
  return added?.changed === false ? `${what}: nothing changed, the target was already so.` : `${what}: done. You can undo it below.`;
}

function IncidentFacts({ incident, scope }: { incident: Incident; scope: IncidentScope }) {
  const subject = describeSubject(incident.subject);
  const orgId = incident.org_id;
  return (
    <Facts
      items={[
        ['Severity', <SeverityBadge key="severity" severity={incident.severity} />],
        ['Status', <StatusBadge key="status" status={incident.status} />],
        ['Detector', detectorLabel(incident.detector)],
        [subject.kind, <code key="subject">{subject.id}</code>],
        [
          'Organization',
          orgId &&
            (scope === null ? (
              <Link to={`${incidentsPath(null)}?${incidentFilterParams({ status: '', detector: '', org: orgId, page: 0 })}`}>
                <code>{orgId}</code>
              </Link>
            ) : (
              <code>{orgId}</code>
            )),
        ],
        ['Project', incident.project_id && <code>{incident.project_id}</code>],
        ['Signals', (incident.signal_count ?? 0).toLocaleString()],
        ['First signal', formatTime(incident.first_signal_at)],
        ['Last signal', formatTime(incident.last_signal_at)],
        ['Opened', formatTime(incident.opened_at)],
      ]}
    />
  );
}

function EvidenceTables({ evidence }: { evidence: Incident['evidence'] }) {
  const tables = evidenceTables(evidence);
  if (tables.length === 0) return <p className="muted">No evidence was recorded.</p>;
  return (
    <div className="evidence-tables">
      {tables.map((table) => (
        <NumberTable
          key={table.attribute}
          label={`${table.label} evidence table`}
          caption={table.label}
          captionShown
          columns={[table.label, 'Signals']}
          rows={table.rows.map((row) => ({ key: row.value, head: <code>{row.value}</code>, cells: [row.count.toLocaleString()] }))}
        />
      ))}
    </div>
  );
}

/** A suggested action as one click, then a confirmation that says what it does, with an optional reason. */
function SuggestedActionButton({
  suggestion,
  pending,
  onTake,
  onOpenChange,
}: {
  suggestion: SuggestedAction;
  pending: boolean;
  onTake(body: ActionRequest): Promise<boolean>;
  onOpenChange(): void;
}) {
  const [reason, setReason] = useState('');
  const label = suggestion.label ?? actionLabel(suggestion.kind);
  return (
    <Confirm
      trigger={`${label}…`}
      triggerVariant="danger"
      title={`${label}?`}
      confirmLabel={actionLabel(suggestion.kind)}
      pending={pending}
      pendingLabel="Taking the action…"
      onConfirm={() => onTake(actionRequest(suggestion, reason))}
      onOpenChange={() => {
        setReason('');
        onOpenChange();
      }}
    >
      <p>
        {actionEffect(suggestion.kind)} Target: <code>{suggestion.target}</code>.
      </p>
      <FormField label="Reason (optional)" hint="Recorded with the action and audited; the incident’s summary when left empty.">
        {(control) => <textarea {...control} rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
    </Confirm>
  );
}

function ActionsTable({
  actions,
  pending,
  onUndo,
  onOpenChange,
}: {
  actions: IncidentAction[];
  pending: boolean;
  onUndo(action: IncidentAction): Promise<boolean>;
  onOpenChange(): void;
}) {
  if (actions.length === 0) return <p>No action has been taken yet.</p>;
  return (
    <TableScroll label="Actions table">
      <table className="table-compact">
        <caption className="visually-hidden">Actions taken on this incident</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Reason</th>
            <th scope="col">Taken</th>
            <th scope="col">Effect</th>
            <th scope="col">Undo</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => {
            const label = actionLabel(action.kind);
            return (
              <tr key={action.id}>
                <th scope="row">{label}</th>
                <td>
                  <code>{action.target}</code>
                </td>
                <td>{action.reason}</td>
                <td>
                  <span className="nowrap">{formatTime(action.taken_at)}</span> by <code>{action.taken_by}</code>
                </td>
                <td>
                  {action.undone_at ? (
                    <>
                      Undone <span className="nowrap">{formatTime(action.undone_at)}</span> by <code>{action.undone_by}</code>
                    </>
                  ) : action.changed === false ? (
                    'Changed nothing: the target was already so.'
                  ) : (
                    'In effect'
                  )}
                </td>
                <td>
                  {!action.undone_at && (
                    <Confirm
                      trigger="Undo"
                      triggerLabel={`Undo ${label} of ${action.target}`}
                      title={`Undo “${label}” of ${action.target}?`}
                      confirmLabel="Undo action"
                      pending={pending}
                      pendingLabel="Undoing…"
                      onConfirm={() => onUndo(action)}
                      onOpenChange={onOpenChange}
                    >
                      <p>
                        {action.changed === false
                          ? 'It changed nothing, so undoing it changes nothing either: it is only marked undone.'
                          : 'What it changed is put back as it was.'}
                      </p>
                    </Confirm>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ResolveForm({ pending, onResolve }: { pending: boolean; onResolve(note: string): Promise<boolean> }) {
  const [note, setNote] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onResolve(note)) setNote('');
  };
  return (
    <form className="org-form" noValidate onSubmit={submit} aria-label="Resolve the incident">
      <p>Resolve the incident once it is handled: the actions taken stay in effect until undone.</p>
      <FormField label="Note (optional)" hint="What was done or found, for the other admins and the audit log.">
        {(control) => <textarea {...control} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Resolving…">
        Resolve incident
      </Button>
    </form>
  );
}
