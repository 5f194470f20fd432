import { useCallback } from 'react';
import type { SumsubSettings, SumsubSettingsChange } from '../../api/additions';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Progress } from '../../components/Progress';
import { SUMSUB_STEP_KINDS } from '../../kyc/steps';
import { SECRET_INPUT } from './DfnsFields';
import { RequiredStepsFields, sourceWords, stepsWords, WebhookSecretsFields } from './KycProviderFields';
import { mergeErrors, orNotFound, serverFieldErrors } from './load';
import { Facts, Section, SuccessMessage } from './parts';
import { credentialReport, DIGEST_ALGS, sumsubErrors, sumsubFormFrom, sumsubRequest, type SumsubForm } from './sumsubForms';
import { TestResult } from './TestResult';
import { useKycSettings } from './useKycSettings';

/** The organization's Sumsub settings beside Persona's: masked secrets, the levels, webhook signing, required steps, Test Connection. */
export function SumsubSection({ org }: { org: string }) {
  const api = useApi();
  const load = useCallback(
    (signal: AbortSignal) => orNotFound(unwrap(api.compliance.GET('/orgs/{org}/integrations/sumsub', { params: { path: { org } }, signal }))),
    [api, org],
  );
  const section = useKycSettings<SumsubSettings | null, SumsubForm, SumsubSettingsChange>({
    provider: 'Sumsub',
    load,
    save: (body: SumsubSettingsChange): Promise<SumsubSettings | null> =>
      unwrap(api.compliance.PUT('/orgs/{org}/integrations/sumsub', { params: { path: { org } }, body })),
    test: async () => credentialReport(await unwrap(api.compliance.POST('/orgs/{org}/integrations/sumsub/test', { params: { path: { org } }, body: {} }))),
    formFrom: sumsubFormFrom,
    validate: (form, stored) => sumsubErrors(form, { app_token: stored?.app_token != null, secret_key: stored?.secret_key != null }),
    request: sumsubRequest,
  });
  const { stored, form, change } = section;
  // Nothing stored and nothing configured (`source: none`) is the same state as no answer.
  const data = stored.data && stored.data.source !== 'none' ? stored.data : stored.data === undefined ? undefined : null;
  const secrets = data?.webhook_secrets ?? [];
  const shown = mergeErrors(section.errors, serverFieldErrors(section.saving.error));
  const storedHint = (value: string | null | undefined, first: string) => (value ? `Stored (${value}). Leave empty to keep it.` : first);
  return (
    <Section title="Sumsub (identity and business verification)">
      <ErrorMessage error={stored.error} title="Could not load the Sumsub settings" onRetry={stored.reload} />
      {stored.loading && data === undefined ? (
        <Progress label="Loading the Sumsub settings" />
      ) : data ? (
        <>
          <h3>Stored settings</h3>
          <p>{sourceWords('Sumsub', data.source)}</p>
          <Facts
            items={[
              ['App token', data.app_token],
              ['Secret key', data.secret_key],
              ['Level', data.level_name && <code>{data.level_name}</code>],
              ['Business (KYB) level', data.kyb_level_name && <code>{data.kyb_level_name}</code>],
              ['Webhook digest', DIGEST_ALGS.find(([alg]) => alg === data.digest_alg)?.[1] ?? data.digest_alg],
              ['Required steps', stepsWords(data.required_steps)],
              ['Current webhook secret', secrets[0]],
              ['Previous webhook secret (rotation)', secrets[1]],
            ]}
          />
        </>
      ) : data === null ? (
        <p>{sourceWords('Sumsub', 'none')} Enter your Sumsub app token and secret key below.</p>
      ) : null}

      <div className="actions">
        <Button onClick={section.runTest} pending={section.testing} pendingLabel="Testing…">
          Test Sumsub connection
        </Button>
      </div>
      <TestResult provider="Sumsub" pending={section.testing} outcome={section.outcome} failure={section.failure} />

      {form && (
        <form className="org-form" noValidate onSubmit={section.submit} aria-label="Sumsub settings">
          <h3>{data ? 'Change the Sumsub settings' : 'Set up Sumsub'}</h3>
          <p className="muted">Secret fields left empty keep what is stored.</p>
          <div className="form-grid">
            <FormField
              label="App token"
              error={shown.app_token}
              hint={storedHint(data?.app_token, 'From Sumsub’s dashboard: Developers, App tokens (sbx:… or prd:…).')}
              required={data?.app_token == null}
            >
              {(control) => (
                <input {...control} {...SECRET_INPUT} name="sumsub_app_token" value={form.app_token} onChange={(e) => change('app_token', e.target.value)} />
              )}
            </FormField>
            <FormField
              label="Secret key"
              error={shown.secret_key}
              hint={storedHint(data?.secret_key, 'Shown once by Sumsub with the app token; it signs every request.')}
              required={data?.secret_key == null}
            >
              {(control) => (
                <input {...control} {...SECRET_INPUT} name="sumsub_secret_key" value={form.secret_key} onChange={(e) => change('secret_key', e.target.value)} />
              )}
            </FormField>
            <FormField label="Level name" error={shown.level_name} hint="The verification level new applicants get, e.g. basic-kyc-level." required>
              {(control) => (
                <input
                  {...control}
                  name="sumsub_level_name"
                  autoComplete="off"
                  spellCheck={false}
                  value={form.level_name}
                  onChange={(e) => change('level_name', e.target.value)}
                />
              )}
            </FormField>
            <FormField label="Business (KYB) level name" error={shown.kyb_level_name} hint="The level for businesses; empty when Sumsub does not verify businesses for you.">
              {(control) => (
                <input
                  {...control}
                  name="sumsub_kyb_level_name"
                  autoComplete="off"
                  spellCheck={false}
                  value={form.kyb_level_name}
                  onChange={(e) => change('kyb_level_name', e.target.value)}
                />
              )}
            </FormField>
            <FormField label="Webhook digest" error={shown.digest_alg} hint="How Sumsub signs its webhooks, as set in its webhook settings.">
              {(control) => (
                <select {...control} name="sumsub_digest_alg" value={form.digest_alg} onChange={(e) => change('digest_alg', e.target.value as SumsubForm['digest_alg'])}>
                  {DIGEST_ALGS.map(([alg, label]) => (
                    <option key={alg} value={alg}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
          <RequiredStepsFields provider="Sumsub" kinds={SUMSUB_STEP_KINDS} form={form} errors={shown} name="sumsub_other_steps" onChange={change} />
          <WebhookSecretsFields provider="Sumsub" stored={secrets} form={form} errors={shown} namePrefix="sumsub" onChange={change} />
          <ErrorMessage error={section.saving.error} title="Could not save the Sumsub settings" />
          <SuccessMessage>{section.saved}</SuccessMessage>
          <Button type="submit" variant="primary" pending={section.saving.pending} pendingLabel="Saving…">
            Save Sumsub settings
          </Button>
        </form>
      )}
    </Section>
  );
}
