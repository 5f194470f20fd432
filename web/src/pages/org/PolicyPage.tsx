import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useOrgParam } from '../../tenant/params';
import { PolicyFields } from './DfnsFields';
import { formatTime, formatWei } from './format';
import { hasErrors, policyErrors, type FieldErrors, type PolicyForm } from './forms';
import { mergeErrors, serverFieldErrors } from './load';
import { Facts, Section, SuccessMessage } from './parts';
import type { SpendingPolicy, SpendingPolicyRequest } from './types';


/** The policy is kept with the stored Dfns settings: without them (409 `dfns-not-configured`) there is none yet. */
async function orNoDfnsSettings<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.slug === 'dfns-not-configured') return null;
    throw error;
  }
}

function formFrom(stored: SpendingPolicy): PolicyForm {
  return {
    per_transfer_limit: stored.per_transfer_limit ?? '',
    daily_limit: stored.daily_limit ?? '',
    approval_threshold: stored.approval_threshold ?? '',
  };
}

/** The whole policy: an empty field is no limit (left out of the body). */
function policyRequest(form: PolicyForm): SpendingPolicyRequest {
  const request: SpendingPolicyRequest = {};
  for (const key of ['per_transfer_limit', 'daily_limit', 'approval_threshold'] as const) {
    const value = form[key].trim();
    if (value) request[key] = value;
  }
  return request;
}

/**
 * `/org/:org/policy`: the spending policy (per-transfer and daily limits, approval threshold), read and
 * saved on its own (`GET`/`PUT /orgs/{org}/spending-policy`): no Dfns secret is asked for, and the Dfns
 * settings stay as they are.
 */
export default function PolicyPage() {
  const org = useOrgParam();
  const api = useApi();
  const stored = useAsync(
    (signal) => orNoDfnsSettings(unwrap(api.wallet.GET('/orgs/{org}/spending-policy', { params: { path: { org } }, signal }))),
    [api, org],
  );
  const [policy, setPolicy] = useState<PolicyForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors<keyof PolicyForm>>({});
  const [saved, setSaved] = useState(false);
  if (stored.data && policy === null) setPolicy(formFrom(stored.data));
  const save = useAction((body: SpendingPolicyRequest) =>
    unwrap(api.wallet.PUT('/orgs/{org}/spending-policy', { params: { path: { org } }, body })),
  );

  if (stored.loading && stored.data === undefined) return <Progress label="Loading the spending policy" />;
  const integrations = `/org/${encodeURIComponent(org)}/integrations`;
  const data = stored.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!policy) return;
    setSaved(false);
    const found = policyErrors(policy);
    setErrors(found);
    if (hasErrors(found)) return;
    const answer = await save.run(policyRequest(policy));
    if (answer) {
      stored.setData(answer);
      setPolicy(formFrom(answer));
      setSaved(true);
    }
  };
  const shown = mergeErrors(errors, serverFieldErrors(save.error));

  return (
    <Page title="Spending policy">
      <p>
        Limits on what your users may send from their wallets (native asset only; token transfers are not limited). A transfer over a limit is refused;
        one above the approval threshold waits for an admin on <Link to={`/org/${encodeURIComponent(org)}/approvals`}>Transfer approvals</Link>.
      </p>
      <ErrorMessage error={stored.error} title="Could not load the spending policy" onRetry={stored.reload} />
      {data === null && (
        <p>
          The policy is kept with the Dfns settings, and this organization has none stored yet. <Link to={integrations}>Set up Dfns first</Link>.
        </p>
      )}
      {data && policy && (
        <>
          <Section title="Current policy">
            <Facts
              items={[
                ['Per-transfer limit', data.per_transfer_limit ? formatWei(data.per_transfer_limit) : 'none'],
                ['Daily limit per user', data.daily_limit ? formatWei(data.daily_limit) : 'none'],
                ['Approval threshold', data.approval_threshold ? formatWei(data.approval_threshold) : 'none: no transfer waits for approval'],
                ['Last saved', formatTime(data.updated_at)],
              ]}
            />
          </Section>
          <Section title="Change the policy">
            <form className="org-form" noValidate onSubmit={submit} aria-label="Spending policy">
              <p className="muted">
                Saving changes only the policy: the Dfns settings on <Link to={integrations}>Integrations</Link> stay as they are. An empty field
                means no limit.
              </p>
              <PolicyFields
                form={policy}
                errors={shown}
                onChange={(key, value) => {
                  setPolicy((p) => (p ? { ...p, [key]: value } : p));
                  setErrors((e) => ({ ...e, [key]: undefined }));
                  setSaved(false);
                }}
              />
              <ErrorMessage error={save.error} title="Could not save the spending policy" />
              <SuccessMessage>{saved && 'Spending policy saved: it applies to the next transfer.'}</SuccessMessage>
              <Button type="submit" variant="primary" pending={save.pending} pendingLabel="Saving…">
                Save policy
              </Button>
            </form>
          </Section>
        </>
      )}
    </Page>
  );
}
