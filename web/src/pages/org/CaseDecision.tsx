import { useState, type ReactNode } from 'react';
import { FormField } from '../../components/FormField';
import { useAction } from '../../hooks/useAsync';
import { DecisionActions } from './parts';
import { DECISION_REASONS, decisionReason, type Decision } from './reviewQueue';

function ReasonField({
  decision,
  choice,
  other,
  error,
  onChoice,
  onOther,
}: {
  decision: Decision;
  choice: string;
  other: string;
  error: string | null;
  onChoice(value: string): void;
  onOther(value: string): void;
}) {
  return (
    <>
      <FormField label="Reason" error={choice === 'other' ? null : error} hint="A code, recorded with the decision and sent in events." required>
        {(control) => (
          <select {...control} value={choice} onChange={(e) => onChoice(e.target.value)}>
            <option value="">Choose a reason…</option>
            {DECISION_REASONS[decision].map(([code, label]) => (
              <option key={code} value={code}>
                {label} ({code})
              </option>
            ))}
            <option value="other">Another reason code…</option>
          </select>
        )}
      </FormField>
      {choice === 'other' && (
        <FormField label="Reason code" error={error} hint="Lower-case letters, digits, dots, dashes or underscores." required>
          {(control) => <input {...control} value={other} autoComplete="off" onChange={(e) => onOther(e.target.value)} />}
        </FormField>
      )}
    </>
  );
}

/**
 * Approve or decline a case in review (a KYC case, a business case), each confirmed in place with a reason
 * code from the list or typed; `decide` records it, `onDecided` gets the service's answer.
 */
export function CaseDecision<T>({
  children,
  decide,
  onDecided,
  approveBody,
  declineBody,
}: {
  /** What the reviewer should know before deciding. */
  children: ReactNode;
  decide(decision: Decision, reason: string): Promise<T>;
  onDecided(answer: T, decision: Decision, reason: string): void;
  approveBody: ReactNode;
  declineBody: ReactNode;
}) {
  const [choice, setChoice] = useState<Record<Decision, string>>({ approve: '', decline: '' });
  const [other, setOther] = useState<Record<Decision, string>>({ approve: '', decline: '' });
  const [errors, setErrors] = useState<Record<Decision, string | null>>({ approve: null, decline: null });
  const action = useAction((decision: Decision, reason: string) => decide(decision, reason));

  const confirm = async (decision: Decision) => {
    const reason = decisionReason(choice[decision], other[decision]);
    if ('error' in reason) {
      setErrors((e) => ({ ...e, [decision]: reason.error }));
      return false;
    }
    setErrors((e) => ({ ...e, [decision]: null }));
    const answer = await action.run(decision, reason.code);
    if (answer === undefined) return false;
    onDecided(answer, decision, reason.code);
    return true;
  };

  const field = (decision: Decision) => (
    <ReasonField
      decision={decision}
      choice={choice[decision]}
      other={other[decision]}
      error={errors[decision]}
      onChoice={(value) => {
        setChoice((c) => ({ ...c, [decision]: value }));
        setErrors((e) => ({ ...e, [decision]: null }));
      }}
      onOther={(value) => setOther((o) => ({ ...o, [decision]: value }))}
    />
  );

  return (
    <>
      {children}
      <DecisionActions
        refuse="Decline"
        refusingLabel="Declining…"
        pending={action.pending}
        error={action.error}
        approveBody={
          <>
            {approveBody}
            {field('approve')}
          </>
        }
        refuseBody={
          <>
            {declineBody}
            {field('decline')}
          </>
        }
        onApprove={() => confirm('approve')}
        onRefuse={() => confirm('decline')}
        onOpenChange={() => action.reset()}
      />
    </>
  );
}
