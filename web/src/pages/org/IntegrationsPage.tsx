import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import type { PersonaSettingsChangeWithKyb, PersonaSettingsWithKyb } from '../../api/additions';
import { KNOWN_STEP_KINDS } from '../../kyc/steps';
import { useOrgParam } from '../../tenant/params';
import { describeDfnsCheck, type TestOutcome } from './connectionTest';
import { DfnsCredentialFields, SECRET_INPUT } from './DfnsFields';
import { formatTime } from './format';
import {
  dfnsErrors,
  dfnsFormFrom,
  dfnsRequest,
  dfnsServerErrors,
  hasErrors,
  personaErrors,
  personaFormFrom,
  personaRequest,
  policyFormFrom,
  type DfnsForm,
  type FieldErrors,
  type PersonaForm,
} from './forms';
import { RequiredStepsFields, sourceWords, stepsWords, WebhookSecretsFields } from './KycProviderFields';
import { mergeErrors, orNoDfnsSettings, orNotFound, serverFieldErrors } from './load';
import { Facts, Section, SuccessMessage } from './parts';
import { SumsubSection } from './SumsubSection';
import { TestResult } from './TestResult';
import { useKycSettings } from './useKycSettings';

/**
 * `/org/:org/integrations`: the organization's Dfns and Persona settings: what is stored (secrets
 * masked), a form to change them, and Test Connection saying plainly what is wrong.
 */
export default function IntegrationsPage() {
  const org = useOrgParam();
  return (
    <Page title="Integrations">
      <p>
        Attest signs wallets and transfers with your <strong>Dfns</strong> account and verifies people and businesses with your{' '}
        <strong>Persona</strong> or <strong>Sumsub</strong> account (each project chooses which, and a fallback). Secrets are stored encrypted and
        are never shown again after saving.
      </p>
      <DfnsSection org={org} />
      <PersonaSection org={org} />
      <SumsubSection org={org} />
    </Page>
  );
}

function DfnsSection({ org }: { org: string }) {
  const api = useApi();
  const stored = useAsync(
    (signal) => orNotFound(unwrap(api.wallet.GET('/orgs/{org}/integrations/dfns', { params: { path: { org } }, signal }))),
    [api, org],
  );
  // The form starts from what is stored, so it appears once that is known.
  const [form, setForm] = useState<DfnsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors<keyof DfnsForm>>({});
  const [saved, setSaved] = useState<string | null>(null);
  if (form === null && stored.data !== undefined) setForm(dfnsFormFrom(stored.data));

  // The PUT replaces the native part of the spending policy too (the count and the token limits stay): it
  // is sent as it stands right now, not as this page loaded it, so that a change made meanwhile on the policy
  // page is not undone.
  const save = useAction(async (credentials: DfnsForm) => {
    const policy = await orNoDfnsSettings(unwrap(api.wallet.GET('/orgs/{org}/spending-policy', { params: { path: { org } } })));
    const body = dfnsRequest(credentials, policyFormFrom(policy));
    return unwrap(api.wallet.PUT('/orgs/{org}/integrations/dfns', { params: { path: { org } }, body }));
  });
  const [testing, setTesting] = useState(false);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const change = <K extends keyof DfnsForm>(key: K, value: DfnsForm[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSaved(null);
    if (save.error) save.reset();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!form) return;
    const found = dfnsErrors(form, stored.data);
    setErrors(found);
    if (hasErrors(found)) return;
    const answer = await save.run(form);
    if (answer) {
      stored.setData(answer);
      setForm(dfnsFormFrom(answer));
      setOutcome(null);
      setFailure(null);
      setSaved('Dfns settings saved. Test the connection to check them.');
    }
  };

  const test = async () => {
    setTesting(true);
    setOutcome(null);
    setFailure(null);
    try {
      const check = await unwrap(api.wallet.POST('/orgs/{org}/integrations/dfns/test', { params: { path: { org } } }));
      setOutcome(describeDfnsCheck(check, stored.data?.api_base_url));
    } catch (error) {
      setFailure(error);
    } finally {
      setTesting(false);
    }
  };

  const data = stored.data;
  const shownErrors = mergeErrors(errors, dfnsServerErrors(save.error));
  return (
    <Section title="Dfns (custody wallets)">
      <ErrorMessage error={stored.error} title="Could not load the Dfns settings" onRetry={stored.reload} />
      {stored.loading && data === undefined ? (
        <Progress label="Loading the Dfns settings" />
      ) : data === null ? (
        <p>No Dfns settings are stored for this organization yet. Enter your Dfns service account below.</p>
      ) : data ? (
        <>
          <h3>Stored settings</h3>
          <Facts
            items={[
              ['API base URL', data.api_base_url],
              ['Service account token', data.token],
              ['App ID', data.app_id],
              ['Credential ID', data.credential_id && <code>{data.credential_id}</code>],
              ['Private key', data.private_key],
              ['Default network', data.default_network],
              ['Webhook secret', data.webhook_secret],
              ['Previous webhook secret', data.previous_webhook_secret],
              ['Last saved', formatTime(data.updated_at)],
            ]}
          />
          <p className="muted">
            Limits on transfers are set apart from these settings, with no secret to enter again: see <Link to={`/org/${encodeURIComponent(org)}/policy`}>Spending policy</Link>.
          </p>
        </>
      ) : null}

      <div className="actions">
        <Button onClick={test} pending={testing} pendingLabel="Testing…">
          Test Dfns connection
        </Button>
      </div>
      <TestResult provider="Dfns" pending={testing} outcome={outcome} failure={failure} />

      {form && (
        <form className="org-form" noValidate onSubmit={submit} aria-label="Dfns settings">
          <h3>{data ? 'Change the Dfns settings' : 'Set up Dfns'}</h3>
          <p className="muted">
            Saving replaces every Dfns setting, so the token, the private key and the webhook secret are entered with each save.
          </p>
          <DfnsCredentialFields form={form} errors={shownErrors} onChange={change} stored={data} />
          <ErrorMessage error={save.error} title="Could not save the Dfns settings" />
          <SuccessMessage>{saved}</SuccessMessage>
          <Button type="submit" variant="primary" pending={save.pending} pendingLabel="Saving…">
            Save Dfns settings
          </Button>
        </form>
      )}
    </Section>
  );
}

function PersonaSection({ org }: { org: string }) {
  const api = useApi();
  const load = useCallback(
    (signal: AbortSignal): Promise<PersonaSettingsWithKyb> =>
      unwrap(api.compliance.GET('/orgs/{org}/integrations/persona', { params: { path: { org } }, signal })),
    [api, org],
  );
  const section = useKycSettings<PersonaSettingsWithKyb, PersonaForm, PersonaSettingsChangeWithKyb>({
    provider: 'Persona',
    load,
    save: (body: PersonaSettingsChangeWithKyb): Promise<PersonaSettingsWithKyb> =>
      unwrap(api.compliance.PUT('/orgs/{org}/integrations/persona', { params: { path: { org } }, body })),
    test: () => unwrap(api.compliance.POST('/orgs/{org}/integrations/persona/test', { params: { path: { org } }, body: {} })),
    formFrom: personaFormFrom,
    validate: (form, stored) => personaErrors(form, stored?.api_key != null),
    request: personaRequest,
  });
  const { stored, form, change } = section;
  const data = stored.data;
  const hasStoredKey = data?.api_key != null;
  const secrets = data?.webhook_secrets ?? [];
  const shown = mergeErrors(section.errors, serverFieldErrors(section.saving.error));
  return (
    <Section title="Persona (identity verification)">
      <ErrorMessage error={stored.error} title="Could not load the Persona settings" onRetry={stored.reload} />
      {stored.loading && data === undefined ? (
        <Progress label="Loading the Persona settings" />
      ) : data ? (
        <>
          <h3>Stored settings</h3>
          <p>{sourceWords('Persona', data.source)}</p>
          <Facts
            items={[
              ['API key', data.api_key],
              ['Inquiry template ID', data.inquiry_template_id && <code>{data.inquiry_template_id}</code>],
              ['Business (KYB) template ID', data.kyb_inquiry_template_id && <code>{data.kyb_inquiry_template_id}</code>],
              ['Environment', data.environment],
              ['Required steps', stepsWords(data.required_steps)],
              ['Current webhook secret', secrets[0]],
              ['Previous webhook secret (rotation)', secrets[1]],
            ]}
          />
        </>
      ) : null}

      <div className="actions">
        <Button onClick={section.runTest} pending={section.testing} pendingLabel="Testing…">
          Test Persona connection
        </Button>
      </div>
      <TestResult provider="Persona" pending={section.testing} outcome={section.outcome} failure={section.failure} />

      {form && (
        <form className="org-form" noValidate onSubmit={section.submit} aria-label="Persona settings">
          <h3>Change the Persona settings</h3>
          <p className="muted">Secret fields left empty keep what is stored.</p>
          <div className="form-grid">
            <FormField
              label="API key"
              error={shown.api_key}
              hint={hasStoredKey ? `A key is stored (${data?.api_key}). Leave empty to keep it.` : 'From Persona’s dashboard: API keys.'}
              required={!hasStoredKey}
            >
              {(control) => (
                <input {...control} {...SECRET_INPUT} name="persona_api_key" value={form.api_key} onChange={(e) => change('api_key', e.target.value)} />
              )}
            </FormField>
            <FormField label="Inquiry template ID" error={shown.inquiry_template_id} hint="The template of the verification flow, itmpl_…" required>
              {(control) => (
                <input
                  {...control}
                  name="inquiry_template_id"
                  autoComplete="off"
                  spellCheck={false}
                  value={form.inquiry_template_id}
                  onChange={(e) => change('inquiry_template_id', e.target.value)}
                />
              )}
            </FormField>
            <FormField
              label="Business (KYB) template ID"
              error={shown.kyb_inquiry_template_id}
              hint="The template for verifying businesses, itmpl_…; empty when Persona does not verify businesses for you."
            >
              {(control) => (
                <input
                  {...control}
                  name="kyb_inquiry_template_id"
                  autoComplete="off"
                  spellCheck={false}
                  value={form.kyb_inquiry_template_id}
                  onChange={(e) => change('kyb_inquiry_template_id', e.target.value)}
                />
              )}
            </FormField>
            <FormField label="Environment" error={shown.environment} hint="The Persona environment the key belongs to.">
              {(control) => (
                <select {...control} name="environment" value={form.environment} onChange={(e) => change('environment', e.target.value as PersonaForm['environment'])}>
                  <option value="sandbox">Sandbox</option>
                  <option value="production">Production</option>
                </select>
              )}
            </FormField>
          </div>
          <RequiredStepsFields provider="Persona" kinds={KNOWN_STEP_KINDS} form={form} errors={shown} name="persona_other_steps" onChange={change} />
          <WebhookSecretsFields provider="Persona" stored={secrets} form={form} errors={shown} namePrefix="persona" onChange={change} />
          <ErrorMessage error={section.saving.error} title="Could not save the Persona settings" />
          <SuccessMessage>{section.saved}</SuccessMessage>
          <Button type="submit" variant="primary" pending={section.saving.pending} pendingLabel="Saving…">
            Save Persona settings
          </Button>
        </form>
      )}
    </Section>
  );
}
