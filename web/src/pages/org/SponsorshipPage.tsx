import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { SponsorshipPolicy, SponsorshipPolicyChange, SponsorshipUsage } from '../../api/additions';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useOrgParam } from '../../tenant/params';
import { ETH_DECIMALS, formatUnitsSafe } from '../user/amounts';
import { formatTime } from './format';
import { mergeErrors } from './load';
import { Facts, Section, SuccessMessage, TableScroll } from './parts';
import { ProjectPicker } from './ProjectPicker';
import {
  budgetUsedPercent,
  checkSponsorship,
  dailySpentSeries,
  MAX_LISTED_ADDRESSES,
  sponsorshipFormFrom,
  sponsorshipRequestBody,
  sponsorshipServerErrors,
  type SponsorshipErrors,
  type SponsorshipForm,
} from './sponsorshipForms';
import { UsageChart } from './UsageChart';
import { describeSeries } from './usageSeries';
import { useProjectParam } from './useProjectParam';

function eth(wei: string | null | undefined): string {
  return `${formatUnitsSafe(wei, ETH_DECIMALS)} ETH`;
}

function addressList(list: string[] | null, any: string): ReactNode {
  if (list === null) return any;
  if (list.length === 0) return 'none';
  return (
    <ul className="plain-list">
      {list.map((address) => (
        <li key={address}>
          <code>{address}</code>
        </li>
      ))}
    </ul>
  );
}

/**
 * `/org/:org/sponsorship`: a project's gas sponsorship (ERC-4337, issue 19): the month's budget use, per day and
 * by user, and the policy (`GET`/`PUT /orgs/{org}/sponsorship/{project_id}`).
 */
export default function SponsorshipPage() {
  const org = useOrgParam();
  const picker = useProjectParam(org);
  const { project } = picker;

  return (
    <Page title="Gas sponsorship">
      <p>
        Your project pays the gas of its users’ transfers: they send from their smart account (ERC-4337) without holding ETH for gas, within the
        budget and the limits you set here. Months and days are UTC.
      </p>
      <ProjectPicker picker={picker} empty="Create a project first: gas sponsorship is set per project." />
      {project?.id && <ProjectSponsorship key={project.id} org={org} projectId={project.id} />}
    </Page>
  );
}

function ProjectSponsorship({ org, projectId }: { org: string; projectId: string }) {
  const api = useApi();
  const path = { org, project_id: projectId };
  const stored = useAsync((signal) => unwrap(api.wallet.GET('/orgs/{org}/sponsorship/{project_id}', { params: { path }, signal })), [api, org, projectId]);
  const save = useAction((body: SponsorshipPolicyChange) => unwrap(api.wallet.PUT('/orgs/{org}/sponsorship/{project_id}', { params: { path }, body: sponsorshipRequestBody(body) })));
  const [form, setForm] = useState<SponsorshipForm | null>(null);
  const [errors, setErrors] = useState<SponsorshipErrors>({});
  const [saved, setSaved] = useState(false);
  if (stored.data && form === null) setForm(sponsorshipFormFrom(stored.data));

  if (stored.loading && !stored.data) return <Progress label="Loading the project’s gas sponsorship" />;
  const policy = stored.data;

  const change = (patch: Partial<SponsorshipForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !(field in patch))));
    setSaved(false);
    if (save.error) save.reset();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setSaved(false);
    const checked = checkSponsorship(form);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    const answer = await save.run(checked.request);
    if (answer) {
      stored.setData(answer);
      setForm(sponsorshipFormFrom(answer));
      setSaved(true);
    }
  };

  return (
    <>
      <ErrorMessage error={stored.error} title="Could not load the gas sponsorship" onRetry={stored.reload} />
      {policy && <UsageSection budget={policy.monthly_budget} usage={policy.usage} />}
      {policy && <CurrentPolicy policy={policy} />}
      {policy && form && (
        <SponsorshipPolicyForm
          form={form}
          apiKeySet={policy.paymaster.api_key_set}
          errors={mergeErrors(errors, sponsorshipServerErrors(save.error))}
          onChange={change}
          onSubmit={submit}
          footer={
            <>
              <ErrorMessage error={save.error} title="Could not save the gas sponsorship" />
              <SuccessMessage>{saved && 'Gas sponsorship saved: it applies to the next sponsored transfer.'}</SuccessMessage>
              <Button type="submit" variant="primary" pending={save.pending} pendingLabel="Saving…">
                Save gas sponsorship
              </Button>
            </>
          }
        />
      )}
    </>
  );
}

function UsageSection({ budget, usage }: { budget: string | null; usage: SponsorshipUsage }) {
  const series = useMemo(() => dailySpentSeries(usage), [usage]);
  const percent = budgetUsedPercent(budget, usage);
  const label = 'Gas spent (ETH)';
  const description = describeSeries(label, series.days, series.values);
  return (
    <Section title={`Budget used in ${usage.month}`}>
      <Facts
        items={[
          ['Spent', eth(usage.spent)],
          ['Reserved (approved, not settled yet)', eth(usage.reserved)],
          ['Remaining', usage.remaining == null ? 'no monthly budget' : eth(usage.remaining)],
          ['Monthly budget', budget == null ? 'none' : eth(budget)],
          ['Sponsored operations', usage.operations.toLocaleString()],
        ]}
      />
      {percent !== null && (
        <p>
          <meter min={0} max={100} low={80} high={95} optimum={0} value={percent} aria-label="Monthly budget used" /> {percent}% of the monthly budget
          spent or reserved
        </p>
      )}
      <h3>Gas spent per day</h3>
      {usage.by_day.length === 0 ? (
        <p>No sponsored gas this month yet.</p>
      ) : (
        <>
          <UsageChart label={label} days={series.days} values={series.values} description={description} wholeNumbers={false} />
          <p className="muted">{description}</p>
        </>
      )}
      <h3>Top users this month</h3>
      {usage.by_user.length === 0 ? (
        <p>No user has had gas sponsored this month.</p>
      ) : (
        <TableScroll label="Top users table">
          <table className="table-compact">
            <caption className="visually-hidden">Top users by sponsored gas this month, most first</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col" className="num">
                  Gas spent
                </th>
                <th scope="col" className="num">
                  Operations
                </th>
              </tr>
            </thead>
            <tbody>
              {usage.by_user.map((u) => (
                <tr key={u.user_id}>
                  <td>
                    <code>{u.user_id}</code>
                  </td>
                  <td className="num">{eth(u.spent)}</td>
                  <td className="num">{u.operations.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

function CurrentPolicy({ policy }: { policy: SponsorshipPolicy }) {
  const { paymaster } = policy;
  return (
    <Section title="Current policy">
      <Facts
        items={[
          ['Sponsorship', policy.enabled ? 'on' : 'off'],
          [
            'Paymaster',
            paymaster.kind === 'platform' ? 'the platform’s' : `your own at ${paymaster.url ?? '—'} (API key ${paymaster.api_key_set ? 'set' : 'not set'})`,
          ],
          ['Monthly budget', policy.monthly_budget == null ? 'none' : eth(policy.monthly_budget)],
          ['Daily cap per user', policy.user_daily_cap == null ? 'none' : eth(policy.user_daily_cap)],
          ['Native asset (ETH) transfers', policy.native_allowed ? 'sponsored' : 'not sponsored'],
          ['Tokens', addressList(policy.allowed_tokens, 'any ERC-20 token')],
          ['Recipients', addressList(policy.allowed_recipients, 'any recipient')],
          ['Last saved', policy.updated_at ? `${formatTime(policy.updated_at)}${policy.updated_by ? ` by ${policy.updated_by}` : ''}` : 'never'],
        ]}
      />
    </Section>
  );
}

interface SponsorshipPolicyFormProps {
  form: SponsorshipForm;
  apiKeySet: boolean;
  errors: SponsorshipErrors;
  onChange(patch: Partial<SponsorshipForm>): void;
  onSubmit(event: FormEvent): void;
  footer: ReactNode;
}

function SponsorshipPolicyForm({ form, apiKeySet, errors, onChange, onSubmit, footer }: SponsorshipPolicyFormProps) {
  const external = form.paymaster_kind === 'external';
  const listHint = `One address per line, at most ${MAX_LISTED_ADDRESSES}.`;
  return (
    <Section title="Change the policy">
      <form className="org-form" noValidate onSubmit={onSubmit} aria-label="Gas sponsorship">
        <label className="checkbox">
          <input type="checkbox" checked={form.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} /> Pay the gas of this project’s
          users’ transfers
        </label>
        <fieldset>
          <legend>Paymaster</legend>
          <label className="checkbox">
            <input type="radio" name="paymaster_kind" checked={!external} onChange={() => onChange({ paymaster_kind: 'platform' })} /> The platform’s
            paymaster
          </label>
          <label className="checkbox">
            <input type="radio" name="paymaster_kind" checked={external} onChange={() => onChange({ paymaster_kind: 'external' })} /> Your own paymaster
            (ERC-7677)
          </label>
          {external && (
            <div className="form-grid">
              <FormField label="Paymaster URL" error={errors.paymaster_url} required>
                {(control) => (
                  <input {...control} type="url" autoComplete="off" value={form.paymaster_url} onChange={(e) => onChange({ paymaster_url: e.target.value })} />
                )}
              </FormField>
              <FormField
                label="Paymaster API key"
                error={errors.paymaster_api_key}
                hint={apiKeySet ? 'A key is set: leave this empty to keep it. Attest never shows it.' : 'No key is set.'}
              >
                {(control) => (
                  <input
                    {...control}
                    type="password"
                    autoComplete="off"
                    value={form.paymaster_api_key}
                    disabled={form.clear_api_key}
                    onChange={(e) => onChange({ paymaster_api_key: e.target.value })}
                  />
                )}
              </FormField>
              {apiKeySet && (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.clear_api_key}
                    onChange={(e) => onChange({ clear_api_key: e.target.checked, paymaster_api_key: '' })}
                  />{' '}
                  Remove the stored API key
                </label>
              )}
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>Limits (in ETH)</legend>
          <div className="form-grid">
            <FormField
              label="Monthly budget (ETH)"
              error={errors.monthly_budget}
              required={form.enabled && !external}
              hint="What the project pays at most per UTC month, e.g. 0.5. Required with the platform’s paymaster while sponsorship is on."
            >
              {(control) => (
                <input {...control} inputMode="decimal" autoComplete="off" value={form.monthly_budget} onChange={(e) => onChange({ monthly_budget: e.target.value })} />
              )}
            </FormField>
            <FormField label="Daily cap per user (ETH)" error={errors.user_daily_cap} hint="What the project pays at most for one user per UTC day; empty for no cap.">
              {(control) => (
                <input {...control} inputMode="decimal" autoComplete="off" value={form.user_daily_cap} onChange={(e) => onChange({ user_daily_cap: e.target.value })} />
              )}
            </FormField>
          </div>
        </fieldset>
        <fieldset>
          <legend>What is sponsored</legend>
          <label className="checkbox">
            <input type="checkbox" checked={form.native_allowed} onChange={(e) => onChange({ native_allowed: e.target.checked })} /> Transfers of the
            native asset (ETH)
          </label>
          {/* Switching between "any" and a list also clears the list's error (onChange clears the errors of the fields it names). */}
          <AddressListField
            label="Allowed tokens"
            anyLabel="Any ERC-20 token"
            listedLabel="Only the tokens listed (none when the list is empty)"
            listed={form.tokens_listed}
            value={form.allowed_tokens}
            error={errors.allowed_tokens}
            hint={listHint}
            onListed={(tokens_listed) => onChange({ tokens_listed, allowed_tokens: form.allowed_tokens })}
            onValue={(allowed_tokens) => onChange({ allowed_tokens })}
          />
          <AddressListField
            label="Allowed recipients"
            anyLabel="Any recipient"
            listedLabel="Only the recipients listed"
            listed={form.recipients_listed}
            value={form.allowed_recipients}
            error={errors.allowed_recipients}
            hint={listHint}
            onListed={(recipients_listed) => onChange({ recipients_listed, allowed_recipients: form.allowed_recipients })}
            onValue={(allowed_recipients) => onChange({ allowed_recipients })}
          />
        </fieldset>
        {footer}
      </form>
    </Section>
  );
}

/** "Any" or a list of addresses (one per line). */
function AddressListField(props: {
  label: string;
  anyLabel: string;
  listedLabel: string;
  listed: boolean;
  value: string;
  error: string | undefined;
  hint: string;
  onListed(listed: boolean): void;
  onValue(value: string): void;
}) {
  return (
    <fieldset>
      <legend>{props.label}</legend>
      <label className="checkbox">
        <input type="radio" name={props.label} checked={!props.listed} onChange={() => props.onListed(false)} /> {props.anyLabel}
      </label>
      <label className="checkbox">
        <input type="radio" name={props.label} checked={props.listed} onChange={() => props.onListed(true)} /> {props.listedLabel}
      </label>
      {props.listed ? (
        <FormField label={`${props.label}: addresses`} error={props.error} hint={props.hint}>
          {(control) => <textarea {...control} rows={4} spellCheck={false} value={props.value} onChange={(e) => props.onValue(e.target.value)} />}
        </FormField>
      ) : (
        props.error && <p className="field-error">{props.error}</p>
      )}
    </fieldset>
  );
}
