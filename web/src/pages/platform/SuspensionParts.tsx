import { useState, type ReactNode } from 'react';
import { useApi } from '../../api/ApiContext';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { formatTime } from '../org/format';
import { Confirm, Facts, StatusBadge, SuccessMessage, TableScroll } from '../org/parts';
import { MAX_REASON, reasonProblem, suspensionCalls, type SuspensionKind, type SuspensionLogEntry, type SuspensionView } from './admin';

const EFFECTS: Record<SuspensionKind, { suspend: string; reactivate: string }> = {
  organization: {
    suspend:
      'Every request of its members and API keys is refused at the gateway, on every replica at once, and the services start no KYC case, transfer or wallet for it, until it is reactivated. Platform admins can still see it and reactivate it.',
    reactivate: 'Its members and API keys are served again, and the services resume their work for it.',
  },
  project: {
    suspend:
      'Every request of the project (its API keys, and members acting in it) is refused at the gateway, and the services start no KYC case or wallet for it, until it is reactivated.',
    reactivate: 'The project’s API keys and members are served again.',
  },
  user: {
    suspend:
      'Every request of theirs is refused at the gateway, in every organization they belong to, until they are reactivated. Their organizations’ API keys keep working.',
    reactivate: 'Their requests are served again.',
  },
};

/** What a suspension state says in a badge. */
export function SuspensionBadge({ suspended }: { suspended: boolean | null | undefined }) {
  return suspended ? <StatusBadge status="suspended" label="Suspended" /> : <StatusBadge status="active" label="Active" />;
}

/**
 * One target's suspension (`GET /platform/{kind}s/{target}/suspension`) and the change of it: a change shows at
 * once and the state (with its history) is read again.
 */
export function useSuspension(kind: SuspensionKind, target: string) {
  const api = useApi();
  const view = useAsync((signal) => suspensionCalls(api, kind, target).get(signal), [api, kind, target]);
  const [attempt, setAttempt] = useState<'suspend' | 'reactivate'>('suspend');
  const change = useAction((suspend: boolean, reason: string) => {
    const calls = suspensionCalls(api, kind, target);
    return suspend ? calls.suspend(reason) : calls.reactivate(reason);
  });
  const { setData, reload } = view;
  /** Suspends or reactivates; true when the gateway did. */
  const run = async (suspend: boolean, reason: string): Promise<boolean> => {
    setAttempt(suspend ? 'suspend' : 'reactivate');
    const state = await change.run(suspend, reason);
    if (!state) return false;
    setData((previous): SuspensionView => ({ ...previous, suspended: state.suspended, current: state.suspended ? state : undefined }));
    reload();
    return true;
  };
  return { view, change, attempt, run };
}

/** Suspend… (a reason required) or Reactivate… (a reason optional), each confirmed in place with its effect. */
export function SuspensionActions({
  kind,
  name,
  suspended,
  pending,
  onChange,
  onOpenChange,
}: {
  kind: SuspensionKind;
  /** What is suspended, in the buttons' names and the question: "user ada@acme.test", "Acme Bank". */
  name: string;
  suspended: boolean;
  pending: boolean;
  onChange(suspend: boolean, reason: string): Promise<boolean>;
  onOpenChange(): void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reset = () => {
    setReason('');
    setError(null);
    onOpenChange();
  };
  const confirm = async () => {
    const problem = reasonProblem(reason, !suspended);
    setError(problem);
    // Nothing is sent until the reason is one the gateway takes.
    if (problem) return false;
    return onChange(!suspended, reason);
  };
  const field = (
    <FormField
      label={suspended ? 'Reason (optional)' : 'Reason'}
      required={!suspended}
      error={error}
      hint="Recorded with the change and in the audit trail."
    >
      {(control) => (
        <textarea
          {...control}
          rows={2}
          maxLength={MAX_REASON}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
        />
      )}
    </FormField>
  );
  return suspended ? (
    <Confirm
      trigger="Reactivate…"
      triggerLabel={`Reactivate ${name}`}
      title={`Reactivate ${name}?`}
      confirmLabel={`Reactivate ${kind}`}
      confirmVariant="primary"
      pending={pending}
      pendingLabel="Reactivating…"
      onConfirm={confirm}
      onOpenChange={reset}
    >
      <p>{EFFECTS[kind].reactivate}</p>
      {field}
    </Confirm>
  ) : (
    <Confirm
      trigger="Suspend…"
      triggerLabel={`Suspend ${name}`}
      triggerVariant="danger"
      title={`Suspend ${name}?`}
      confirmLabel={`Suspend ${kind}`}
      pending={pending}
      pendingLabel="Suspending…"
      onConfirm={confirm}
      onOpenChange={reset}
    >
      <p>{EFFECTS[kind].suspend}</p>
      {field}
    </Confirm>
  );
}

/** A whole suspension: the state, who suspended and why, the actions, and every suspension and reactivation. */
export function SuspensionPanel({
  kind,
  target,
  name,
  onChanged,
}: {
  kind: SuspensionKind;
  target: string;
  name: string;
  /** After a suspension or reactivation (e.g. to search again). */
  onChanged?(): void;
}) {
  const { view, change, attempt, run } = useSuspension(kind, target);
  const [done, setDone] = useState<string | null>(null);
  if (view.loading && !view.data) return <Progress label={`Loading the suspension of ${name}`} />;
  const data = view.data;
  if (!data) return <ErrorMessage error={view.error} title={`Could not load the suspension of ${name}`} onRetry={view.reload} />;
  const suspended = Boolean(data.suspended);
  const current = data.current;
  return (
    <>
      <SuccessMessage>{done}</SuccessMessage>
      <ErrorMessage error={view.error} title={`Could not load the suspension of ${name}`} onRetry={view.reload} />
      <Facts
        items={[
          ['State', <SuspensionBadge key="state" suspended={suspended} />],
          ...(suspended && current
            ? ([
                ['Since', formatTime(current.suspended_at)],
                ['By', current.suspended_by && <code>{current.suspended_by}</code>],
                ['Reason', current.reason],
              ] as [string, ReactNode][])
            : []),
        ]}
      />
      <div className="actions">
        <SuspensionActions
          kind={kind}
          name={name}
          suspended={suspended}
          pending={change.pending}
          onOpenChange={change.reset}
          onChange={async (suspend, reason) => {
            setDone(null);
            const ok = await run(suspend, reason);
            if (ok) {
              setDone(suspend ? `Suspended ${name}.` : `Reactivated ${name}.`);
              onChanged?.();
            }
            return ok;
          }}
        />
      </div>
      <ErrorMessage error={change.error} title={`Could not ${attempt} ${name}`} />
      <SuspensionHistory name={name} entries={data.history ?? []} />
    </>
  );
}

/** Every suspension and reactivation, oldest first, as the gateway logs them. */
export function SuspensionHistory({ name, entries }: { name: string; entries: SuspensionLogEntry[] }) {
  if (entries.length === 0) return <p className="muted">Never suspended.</p>;
  return (
    <TableScroll label={`Suspension history of ${name}`}>
      <table className="table-compact">
        <caption>Suspension history</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Change</th>
            <th scope="col">Reason</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, i) => (
            <tr key={`${entry.at}:${i}`}>
              <td className="nowrap">
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>
              </td>
              <td>{entry.action === 'suspended' ? 'Suspended' : entry.action === 'reactivated' ? 'Reactivated' : entry.action}</td>
              <td>{entry.reason || <span className="muted">none given</span>}</td>
              <td>
                <code>{entry.actor}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
