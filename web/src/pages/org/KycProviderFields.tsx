import { FormField } from '../../components/FormField';
import { MAX_REQUIRED_STEPS, stepKindLabel } from '../../kyc/steps';
import { SECRET_INPUT } from './DfnsFields';
import type { FieldErrors, StepsForm, WebhookSecretsForm } from './forms';

/** "Required verification steps": the provider's known kinds as checkboxes, others typed. */
export function RequiredStepsFields({
  provider,
  kinds,
  form,
  errors,
  name,
  onChange,
}: {
  provider: string;
  kinds: readonly (readonly [string, string])[];
  form: StepsForm;
  errors: FieldErrors<keyof StepsForm>;
  /** The typed field's `name`, unique on the page. */
  name: string;
  onChange<K extends keyof StepsForm>(key: K, value: StepsForm[K]): void;
}) {
  return (
    <fieldset>
      <legend>Required verification steps</legend>
      <p className="muted">
        The steps of your {provider} flow a person must pass; they see which are still to do, and reviewers see each step {provider} reports. None
        ticked: no particular step is required. At most {MAX_REQUIRED_STEPS}.
      </p>
      <div className="checkbox-grid">
        {kinds.map(([kind, label]) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              checked={form.required_steps.includes(kind)}
              onChange={(e) =>
                onChange('required_steps', e.target.checked ? [...form.required_steps, kind] : form.required_steps.filter((k) => k !== kind))
              }
            />
            <span>
              {label} (<code>{kind}</code>)
            </span>
          </label>
        ))}
      </div>
      {errors.required_steps && <p className="field-error">{errors.required_steps}</p>}
      <FormField
        label="Other required steps"
        error={errors.other_steps}
        hint="Step kinds not listed above, separated by commas: lower-case letters, digits and dashes (e.g. bank-account)."
      >
        {(control) => (
          <input {...control} name={name} autoComplete="off" spellCheck={false} value={form.other_steps} onChange={(e) => onChange('other_steps', e.target.value)} />
        )}
      </FormField>
    </fieldset>
  );
}

/** "Webhook secrets": the current and the previous one (while rotating), masked as stored. */
export function WebhookSecretsFields({
  provider,
  stored,
  form,
  errors,
  namePrefix,
  onChange,
}: {
  provider: string;
  /** The stored secrets, masked as the service answers them. */
  stored: readonly string[];
  form: WebhookSecretsForm;
  errors: FieldErrors<keyof WebhookSecretsForm>;
  namePrefix: string;
  onChange<K extends keyof WebhookSecretsForm>(key: K, value: string): void;
}) {
  return (
    <fieldset>
      <legend>Webhook secrets</legend>
      <p className="muted">
        To rotate: create a new secret in {provider}, enter it as the current secret and the old one as the previous secret, and save; both are
        accepted meanwhile. Once {provider} signs with the new one, save the new one alone. Leave both empty to keep what is stored.
      </p>
      <div className="form-grid">
        <FormField label="Current webhook secret" error={errors.webhook_secret} hint={stored[0] ? `Stored: ${stored[0]}` : 'None stored.'}>
          {(control) => (
            <input
              {...control}
              {...SECRET_INPUT}
              name={`${namePrefix}_webhook_secret`}
              value={form.webhook_secret}
              onChange={(e) => onChange('webhook_secret', e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label="Previous webhook secret"
          error={errors.previous_webhook_secret}
          hint={stored[1] ? `Stored: ${stored[1]}. Saving a current secret alone ends the rotation.` : 'Only while rotating.'}
        >
          {(control) => (
            <input
              {...control}
              {...SECRET_INPUT}
              name={`${namePrefix}_previous_webhook_secret`}
              value={form.previous_webhook_secret}
              onChange={(e) => onChange('previous_webhook_secret', e.target.value)}
            />
          )}
        </FormField>
      </div>
    </fieldset>
  );
}

/** Where a KYC provider's settings come from, in words. */
export function sourceWords(provider: string, source: string | null | undefined): string {
  switch (source ?? 'none') {
    case 'organization':
      return 'Stored for this organization.';
    case 'configuration':
      return `Nothing is stored for this organization: the platform’s configured ${provider} account is used.`;
    case 'none':
      return `${provider} is not set up for this organization yet.`;
    default:
      return source ?? '';
  }
}

/** The required step kinds in words, or "none". */
export function stepsWords(steps: readonly string[] | null | undefined): string {
  return (steps ?? []).length > 0 ? (steps ?? []).map(stepKindLabel).join(', ') : 'none';
}
