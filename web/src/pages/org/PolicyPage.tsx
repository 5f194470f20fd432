import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useOrgParam } from '../../tenant/params';
import { DfnsCredentialFields, PolicyFields } from './DfnsFields';
import { formatTime, formatWei } from './format';
import { dfnsErrors, dfnsFormFrom, dfnsRequest, hasErrors, policyErrors, policyFormFrom, type DfnsForm, type FieldErrors, type PolicyForm } from './forms';
import { mergeErrors, orNotFound, serverFieldErrors } from './load';
import { Facts, Section, SuccessMessage } from './parts';

/**
 * `/org/:org/policy`: the spending policy (per-transfer and daily limits, approval threshold). wallet-service
 * keeps it with the Dfns settings (`PUT /orgs/{org}/integrations/dfns` replaces them all), so saving it
 * needs the Dfns secrets again, which Attest never shows back.
 */
export default function PolicyPage() {
  const org = useOrgParam();
  const api = useApi();
  const stored = useAsync(
    (signal) => orNotFound(unwrap(api.wallet.GET('/orgs/{org}/integrations/dfns', { params: { path: { org } }, signal }))),
    [api, org],
  );
  const [policy, setPolicy] = useState<PolicyForm | null>(null);
  const [secrets, setSecrets] = useState<DfnsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors<keyof PolicyForm | keyof DfnsForm>>({});
  const [saved, setSaved] = useState(false);
  if (stored.data && policy === null) {
    setPolicy(policyFormFrom(stored.data));
    setSecrets(dfnsFormFrom(stored.data));
  }
  const save = useAction((body: ReturnType<typeof dfnsRequest>) => unwrap(api.wallet.PUT('/orgs/{org}/integrations/dfns', { params: { path: { org } }, body })));

  if (stored.loading && stored.data === undefined) return <Progress label="Loading the spending policy" />;
  const integrations = `/org/${encodeURIComponent(org)}/integrations`;
  const data = stored.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!policy || !secrets || !data) return;
    setSaved(false);
    const found = { ...policyErrors(policy), ...dfnsErrors(secrets, data) };
    setErrors(found);
    if (hasErrors(found)) return;
    const answer = await save.run(dfnsRequest(secrets, policy));
    if (answer) {
      stored.setData(answer);
      setPolicy(policyFormFrom(answer));
      setSecrets(dfnsFormFrom(answer));
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
          The policy is stored with the Dfns settings, and this organization has none stored yet. <Link to={integrations}>Set up Dfns first</Link>.
        </p>
      )}
      {data && policy && secrets && (
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
              <PolicyFields
                form={policy}
                errors={shown}
                onChange={(key, value) => {
                  setPolicy((p) => (p ? { ...p, [key]: value } : p));
                  setErrors((e) => ({ ...e, [key]: undefined }));
                  setSaved(false);
                }}
              />
              <fieldset>
                <legend>Dfns secrets (needed to save)</legend>
                <p className="muted">
                  The policy is saved together with the Dfns settings, and Attest never shows stored secrets back: enter the Dfns token, the private
                  key and the webhook secret again. The other Dfns settings stay as on <Link to={integrations}>Integrations</Link>.
                </p>
                <DfnsCredentialFields
                  form={secrets}
                  errors={shown}
                  stored={data}
                  only="secrets"
                  onChange={(key, value) => {
                    setSecrets((s) => (s ? { ...s, [key]: value } : s));
                    setErrors((e) => ({ ...e, [key]: undefined }));
                    setSaved(false);
                  }}
                />
              </fieldset>
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
