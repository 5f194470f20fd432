import { FormField } from '../../components/FormField';
import { KYC_PROVIDERS } from '../../kyc/providers';
import type { FieldErrors } from './forms';
import type { ProjectForm } from './projectForms';

/** A project's fields; the environment only when creating (it never changes). */
export function ProjectFields({
  form,
  errors,
  onChange,
  creating,
}: {
  form: ProjectForm;
  errors: FieldErrors<keyof ProjectForm>;
  onChange<K extends keyof ProjectForm>(key: K, value: ProjectForm[K]): void;
  creating: boolean;
}) {
  return (
    <>
      <div className="form-grid">
        <FormField label="Name" error={errors.name} required>
          {(control) => <input {...control} name="name" autoComplete="off" value={form.name} onChange={(e) => onChange('name', e.target.value)} />}
        </FormField>
        {creating && (
          <FormField label="Environment" error={errors.environment} hint="Sandbox keys start ak_test_, production keys ak_live_. It cannot change later.">
            {(control) => (
              <select {...control} value={form.environment} onChange={(e) => onChange('environment', e.target.value as ProjectForm['environment'])}>
                <option value="sandbox">Sandbox</option>
                <option value="production">Production</option>
              </select>
            )}
          </FormField>
        )}
        <FormField label="KYC provider" error={errors.kyc_provider} hint="Who verifies this project’s users.">
          {(control) => (
            <select {...control} value={form.kyc_provider} onChange={(e) => onChange('kyc_provider', e.target.value as ProjectForm['kyc_provider'])}>
              {KYC_PROVIDERS.map(([provider, label]) => (
                <option key={provider} value={provider}>
                  {label}
                </option>
              ))}
              {(creating || form.kyc_provider === '') && <option value="">The platform’s default</option>}
            </select>
          )}
        </FormField>
        <FormField
          label="Fallback provider"
          error={errors.kyc_fallback_provider}
          hint="New cases go to the fallback while the preferred provider is unavailable; cases in flight stay where they are."
        >
          {(control) => (
            <select
              {...control}
              value={form.kyc_fallback_provider}
              onChange={(e) => onChange('kyc_fallback_provider', e.target.value as ProjectForm['kyc_fallback_provider'])}
            >
              <option value="">None</option>
              {KYC_PROVIDERS.filter(([provider]) => provider !== (form.kyc_provider || 'persona') || provider === form.kyc_fallback_provider).map(
                ([provider, label]) => (
                  <option key={provider} value={provider}>
                    {label}
                  </option>
                ),
              )}
            </select>
          )}
        </FormField>
        <FormField label="Wallet network" error={errors.wallet_network} hint="Where this project’s wallets are made, e.g. ethereum-sepolia." required>
          {(control) => (
            <input {...control} name="wallet_network" autoComplete="off" value={form.wallet_network} onChange={(e) => onChange('wallet_network', e.target.value)} />
          )}
        </FormField>
      </div>
      <fieldset>
        <legend>Rate limit</legend>
        <p className="muted">Requests of this project (keys and signed-in users) share a bucket: its size, and how fast it refills. Leave both empty for the platform’s default.</p>
        <div className="form-grid">
          <FormField label="Burst (requests)" error={errors.capacity}>
            {(control) => (
              <input {...control} name="capacity" inputMode="numeric" autoComplete="off" value={form.capacity} onChange={(e) => onChange('capacity', e.target.value)} />
            )}
          </FormField>
          <FormField label="Refill (requests per second)" error={errors.refill_per_second}>
            {(control) => (
              <input
                {...control}
                name="refill_per_second"
                inputMode="decimal"
                autoComplete="off"
                value={form.refill_per_second}
                onChange={(e) => onChange('refill_per_second', e.target.value)}
              />
            )}
          </FormField>
        </div>
      </fieldset>
    </>
  );
}
