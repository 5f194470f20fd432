import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import { useOrgParam } from '../../tenant/params';
import { formatTime, statusWords } from './format';
import { rejectionProblem } from './forms';
import { Confirm, SuccessMessage } from './parts';
import { TransferAmount } from './TransferAmount';
import type { Transfer } from './types';

/**
 * `/org/:org/approvals`: transfers above the spending policy's approval threshold wait here until an
 * admin (not the one who asked) approves them (sent to Dfns then) or rejects them with a reason.
 */
export default function ApprovalsPage() {
  const org = useOrgParam();
  const api = useApi();
  const { claims } = useAuth();
  const approvals = useAsync(
    (signal) => unwrap(api.wallet.GET('/orgs/{org}/transfer-approvals', { params: { path: { org }, query: { limit: 100 } }, signal })),
    [api, org],
  );
  useNotificationEvents('transfer.', approvals.reload);
  const [message, setMessage] = useState<string | null>(null);
  const decided = (transfer: Transfer, words: string) => {
    approvals.setData((current) => (current ?? []).filter((t) => t.transfer_id !== transfer.transfer_id));
    setMessage(words);
  };
  const list = approvals.data ?? [];

  return (
    <Page title="Transfer approvals" actions={<Button onClick={approvals.reload}>Refresh</Button>}>
      <p>
        Transfers above the approval threshold of the <Link to={`/org/${encodeURIComponent(org)}/policy`}>spending policy</Link> wait here, oldest
        first. Approving sends the transfer to Dfns now; rejecting tells the person why.
      </p>
      <SuccessMessage>{message}</SuccessMessage>
      <ErrorMessage error={approvals.error} title="Could not load the transfers awaiting approval" onRetry={approvals.reload} />
      {approvals.loading && !approvals.data && <Progress label="Loading the transfers awaiting approval" />}
      {approvals.data && list.length === 0 && <p>No transfer is waiting for an approval.</p>}
      {list.map((transfer) => (
        <ApprovalCard
          key={transfer.transfer_id}
          org={org}
          transfer={transfer}
          own={transfer.user_id != null && transfer.user_id === claims?.sub}
          onDecided={decided}
        />
      ))}
    </Page>
  );
}

function ApprovalCard({
  org,
  transfer,
  own,
  onDecided,
}: {
  org: string;
  transfer: Transfer;
  own: boolean;
  onDecided(transfer: Transfer, words: string): void;
}) {
  const api = useApi();
  const path = { org, transfer_id: transfer.transfer_id ?? '' };
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const approve = useAction(() => unwrap(api.wallet.POST('/orgs/{org}/transfer-approvals/{transfer_id}/approve', { params: { path } })));
  const reject = useAction((text: string) =>
    unwrap(api.wallet.POST('/orgs/{org}/transfer-approvals/{transfer_id}/reject', { params: { path }, body: { reason: text } })),
  );
  const headingId = `transfer-${transfer.transfer_id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <TransferAmount transfer={transfer} />
      </h2>
      <dl className="facts">
        <div>
          <dt>To</dt>
          <dd>
            <code>{transfer.to}</code>
          </dd>
        </div>
        <div>
          <dt>Asked by</dt>
          <dd>
            <code>{transfer.user_id}</code>
          </dd>
        </div>
        <div>
          <dt>Asked</dt>
          <dd>{formatTime(transfer.created_at)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{statusWords(transfer.status)}</dd>
        </div>
      </dl>
      {own ? (
        <p>You asked for this transfer: another admin has to decide it.</p>
      ) : (
        <div className="actions">
          <Confirm
            trigger="Approve"
            triggerLabel={`Approve transfer ${transfer.transfer_id}`}
            triggerVariant="primary"
            title="Approve this transfer?"
            confirmLabel="Approve and send"
            confirmVariant="primary"
            pending={approve.pending}
            pendingLabel="Approving…"
            onConfirm={async () => {
              const answer = await approve.run();
              if (!answer) return false;
              onDecided(transfer, `Transfer approved: it is ${statusWords(answer.status)} and goes to Dfns now.`);
              return true;
            }}
            onOpenChange={() => approve.reset()}
          >
            <p>It is sent to Dfns at once and cannot be called back.</p>
            <ErrorMessage error={approve.error} title="Could not approve the transfer" />
          </Confirm>
          <Confirm
            trigger="Reject"
            triggerLabel={`Reject transfer ${transfer.transfer_id}`}
            triggerVariant="danger"
            title="Reject this transfer?"
            confirmLabel="Reject transfer"
            pending={reject.pending}
            pendingLabel="Rejecting…"
            onConfirm={async () => {
              const problem = rejectionProblem(reason);
              setReasonError(problem);
              if (problem) return false;
              const answer = await reject.run(reason.trim());
              if (!answer) return false;
              onDecided(transfer, 'Transfer rejected: it is never sent, and the person is told why.');
              return true;
            }}
            onOpenChange={() => reject.reset()}
          >
            <FormField label="Reason" error={reasonError} hint="Shown to the person who asked (up to 500 characters)." required>
              {(control) => <textarea {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </FormField>
            <ErrorMessage error={reject.error} title="Could not reject the transfer" />
          </Confirm>
        </div>
      )}
    </article>
  );
}
