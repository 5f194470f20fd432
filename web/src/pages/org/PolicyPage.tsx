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
import { useOrgParam } from '../../tenant/params';
import { PolicyFields } from './DfnsFields';
import { formatTime, formatTokenAmount, formatWei } from './format';
import {
  checksumSuspects,
  hasPolicyErrors,
  newTokenLimit,
  POLICY_BOUNDS,
  policyServerErrors,
  spendingPolicyErrors,
  spendingPolicyFormFrom,
  spendingPolicyRequest,
  type SpendingPolicyErrors,
  type SpendingPolicyForm,
  type TokenLimitForm,
} from './forms';
import { mergeErrors, orNoDfnsSettings } from './load';
import { Facts, Section, SuccessMessage, TableScroll } from './parts';
import { TokenLimitFields } from './TokenLimitFields';
import type { SpendingPolicy, SpendingPolicyRequest } from './types';

const NO_ERRORS: SpendingPolicyErrors = { fields: {}, tokens: {} };

/** The stored token limits, in the smallest unit and in whole tokens. */
function StoredTokenLimits({ tokens }: { tokens: NonNullable<SpendingPolicy['token_limits']> }) {
  if (tokens.length === 0) return <p>No token has limits of its own: token transfers are held only to the daily count.</p>;
  return (
    <TableScroll label="Token limits">
      <table>
        <caption className="visually-hidden">Token limits</caption>
        <thead>
          <tr>
            <th scope="col">Contract</th>
            <th scope="col" className="num">
              Decimals
            </th>
            <th scope="col">Per-transfer limit</th>
            <th scope="col">Daily limit per user</th>
            <th scope="col">Approval threshold</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.contract}>
              <td>
                <code>{token.contract}</code>
              </td>
              <td className="num">{token.decimals}</td>
              <td>{token.per_transfer_limit ? formatTokenAmount(token.per_transfer_limit, token.decimals) : 'none'}</td>
              <td>{token.daily_limit ? formatTokenAmount(token.daily_limit, token.decimals) : 'none'}</td>
              <td>{token.approval_threshold ? formatTokenAmount(token.approval_threshold, token.decimals) : 'none'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * `/org/:org/policy`: the spending policy (the native per-transfer and daily limits and approval threshold,
 * the daily transfer count, and each listed token's limits), read and saved on its own
 * (`GET`/`PUT /orgs/{org}/spending-policy`): no Dfns secret is asked for, and the Dfns settings stay as they
 * are. The PUT replaces the whole policy, so the form holds all of it and sends all of it.
 */
export default function PolicyPage() {
  const org = useOrgParam();
  const api = useApi();
  const stored = useAsync(
    (signal) => orNoDfnsSettings(unwrap(api.wallet.GET('/orgs/{org}/spending-policy', { params: { path: { org } }, signal }))),
    [api, org],
  );
  const [policy, setPolicy] = useState<SpendingPolicyForm | null>(null);
  const [errors, setErrors] = useState<SpendingPolicyErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [addedRow, setAddedRow] = useState<number | null>(null);
  if (stored.data && policy === null) setPolicy(spendingPolicyFormFrom(stored.data));
  const save = useAction((body: SpendingPolicyRequest) =>
    unwrap(api.wallet.PUT('/orgs/{org}/spending-policy', { params: { path: { org } }, body })),
  );

  if (stored.loading && stored.data === undefined) return <Progress label="Loading the spending policy" />;
  const integrations = `/org/${encodeURIComponent(org)}/integrations`;
  const data = stored.data;

  /** Every edit: the form changes, that field's error and an earlier save's outcome go. */
  const edited = (update: (form: SpendingPolicyForm) => SpendingPolicyForm, clear: (errors: SpendingPolicyErrors) => SpendingPolicyErrors) => {
    setPolicy((p) => (p ? update(p) : p));
    setErrors(clear);
    setSaved(false);
    if (save.error) save.reset();
  };
  const changeToken = (row: number, key: keyof Omit<TokenLimitForm, 'row'>, value: string) =>
    edited(
      (p) => ({ ...p, token_limits: p.token_limits.map((t) => (t.row === row ? { ...t, [key]: value } : t)) }),
      (e) => ({ ...e, tokens: { ...e.tokens, [row]: { ...e.tokens[row], [key]: undefined } } }),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!policy) return;
    setSaved(false);
    const found = spendingPolicyErrors(policy);
    setErrors(found);
    if (hasPolicyErrors(found)) return;
    const answer = await save.run(spendingPolicyRequest(policy));
    if (answer) {
      stored.setData(answer);
      setPolicy(spendingPolicyFormFrom(answer));
      setErrors(NO_ERRORS);
      setAddedRow(null);
      setSaved(true);
    }
  };
  const shown = mergeErrors(errors.fields, policyServerErrors(save.error));
  const tokenErrors = policy ? { ...checksumSuspects(policy, save.error), ...errors.tokens } : errors.tokens;

  return (
    <Page title="Spending policy">
      <p>
        Limits on what your users may send from their wallets: how many transfers a day, and how much of the native asset and of each token you list. A
        transfer over a limit is refused; one above its asset’s approval threshold waits for an admin on{' '}
        <Link to={`/org/${encodeURIComponent(org)}/approvals`}>Transfer approvals</Link>. Days are UTC days.
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
                ['Approval threshold', data.approval_threshold ? formatWei(data.approval_threshold) : 'none: no native transfer waits for approval'],
                ['Transfers per user per day', data.daily_count_limit == null ? 'no limit' : `${data.daily_count_limit.toLocaleString()} (any asset)`],
                ['Last saved', formatTime(data.updated_at)],
              ]}
            />
            <h3>Token limits</h3>
            <StoredTokenLimits tokens={data.token_limits ?? []} />
          </Section>
          <Section title="Change the policy">
            <form className="org-form" noValidate onSubmit={submit} aria-label="Spending policy">
              <p className="muted">
                Saving replaces the whole policy below and nothing else: the Dfns settings on <Link to={integrations}>Integrations</Link> stay as they
                are. An empty field means no limit.
              </p>
              <fieldset>
                <legend>Every asset</legend>
                <div className="form-grid">
                  <FormField
                    label="Transfers per user per day"
                    error={shown.daily_count_limit}
                    hint={`How many transfers (native and tokens together) one user may ask for per UTC day; one more is refused. 1 to ${POLICY_BOUNDS.maxDailyCount.toLocaleString('en')}, empty for no limit.`}
                  >
                    {(control) => (
                      <input
                        {...control}
                        name="daily_count_limit"
                        inputMode="numeric"
                        autoComplete="off"
                        value={policy.daily_count_limit}
                        onChange={(e) => {
                          const value = e.target.value;
                          edited((p) => ({ ...p, daily_count_limit: value }), (x) => ({ ...x, fields: { ...x.fields, daily_count_limit: undefined } }));
                        }}
                      />
                    )}
                  </FormField>
                </div>
              </fieldset>
              <fieldset>
                <legend>Native asset</legend>
                <PolicyFields
                  form={policy}
                  errors={shown}
                  onChange={(key, value) => edited((p) => ({ ...p, [key]: value }), (x) => ({ ...x, fields: { ...x.fields, [key]: undefined } }))}
                />
              </fieldset>
              <TokenLimitFields
                tokens={policy.token_limits}
                errors={tokenErrors}
                listError={shown.token_limits}
                focusRow={addedRow}
                onChange={changeToken}
                onAdd={() => {
                  const token = newTokenLimit();
                  setAddedRow(token.row);
                  edited((p) => ({ ...p, token_limits: [...p.token_limits, token] }), (x) => x);
                }}
                onRemove={(row) =>
                  edited(
                    (p) => ({ ...p, token_limits: p.token_limits.filter((t) => t.row !== row) }),
                    (x) => ({ ...x, fields: { ...x.fields, token_limits: undefined }, tokens: { ...x.tokens, [row]: {} } }),
                  )
                }
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
