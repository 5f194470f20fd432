import { FormField } from '../../components/FormField';
import { DFNS_NETWORKS, type DfnsForm, type FieldErrors, type PolicyForm } from './forms';
import { toUnits } from './format';
import type { DfnsSettings } from './types';

type Change<F> = <K extends keyof F>(key: K, value: F[K]) => void;

/** Props for a secret input: never filled by the browser, never kept by it. */
export const SECRET_INPUT = { type: 'password', autoComplete: 'off', spellCheck: false } as const;

function storedHint(stored: string | null | undefined, what: string) {
  return stored
    ? `A ${what} is stored (${stored}). Attest never shows it back: enter it again with every save.`
    : `No ${what} is stored yet.`;
}

/** The Dfns credentials' fields. */
export function DfnsCredentialFields({
  form,
  errors,
  onChange,
  stored,
}: {
  form: DfnsForm;
  errors: FieldErrors<keyof DfnsForm>;
  onChange: Change<DfnsForm>;
  stored: DfnsSettings | null | undefined;
}) {
  const networksId = 'dfns-networks';
  return (
    <div className="form-grid">
      <FormField
        label="API base URL"
        error={errors.api_base_url}
        hint="e.g. https://api.dfns.io. Attest calls public addresses only, unless the platform’s operator allowed another network."
        required
      >
        {(control) => (
          <input
            {...control}
            name="api_base_url"
            type="url"
            inputMode="url"
            autoComplete="off"
            value={form.api_base_url}
            onChange={(e) => onChange('api_base_url', e.target.value)}
          />
        )}
      </FormField>
      <FormField label="Service account token" error={errors.token} hint={storedHint(stored?.token, 'token')} required>
        {(control) => (
          <input {...control} {...SECRET_INPUT} name="dfns_token" value={form.token} onChange={(e) => onChange('token', e.target.value)} />
        )}
      </FormField>
      <FormField label="App ID" error={errors.app_id} hint="Optional: only for Dfns accounts that still use application IDs.">
        {(control) => (
          <input {...control} name="app_id" autoComplete="off" value={form.app_id} onChange={(e) => onChange('app_id', e.target.value)} />
        )}
      </FormField>
      <FormField label="Credential ID" error={errors.credential_id} hint="The ID of the signing key registered for the token." required>
        {(control) => (
          <input
            {...control}
            name="credential_id"
            autoComplete="off"
            spellCheck={false}
            value={form.credential_id}
            onChange={(e) => onChange('credential_id', e.target.value)}
          />
        )}
      </FormField>
      <FormField label="Default network" error={errors.default_network} hint="The Dfns network new wallets are made on, e.g. EthereumSepolia." required>
        {(control) => (
          <>
            <input
              {...control}
              name="default_network"
              list={networksId}
              autoComplete="off"
              value={form.default_network}
              onChange={(e) => onChange('default_network', e.target.value)}
            />
            <datalist id={networksId}>
              {DFNS_NETWORKS.map((network) => (
                <option key={network} value={network} />
              ))}
            </datalist>
          </>
        )}
      </FormField>
      <div className="field-wide">
        <FormField
          label="Private key (PEM)"
          error={errors.private_key}
          hint={`${storedHint(stored?.private_key, 'private key')} Ed25519, P-256 or RSA, from -----BEGIN PRIVATE KEY-----.`}
          required
        >
          {(control) => (
            <textarea
              {...control}
              name="private_key"
              rows={5}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
              value={form.private_key}
              onChange={(e) => onChange('private_key', e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField
        label="Webhook secret"
        error={errors.webhook_secret}
        hint={
          stored?.webhook_secret
            ? `A secret is stored (${stored.webhook_secret}). Enter it again (or a new one) with every save.`
            : 'The secret of your Dfns webhook, to verify what Dfns sends. Optional.'
        }
      >
        {(control) => (
          <input
            {...control}
            {...SECRET_INPUT}
            name="dfns_webhook_secret"
            value={form.webhook_secret}
            onChange={(e) => onChange('webhook_secret', e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label="Previous webhook secret"
        error={errors.previous_webhook_secret}
        hint={
          stored?.previous_webhook_secret
            ? 'A rotation is under way: leave empty to end it (only the current secret is then accepted).'
            : 'Only while rotating: the old secret stays accepted until you save without it.'
        }
      >
        {(control) => (
          <input
            {...control}
            {...SECRET_INPUT}
            name="dfns_previous_webhook_secret"
            value={form.previous_webhook_secret}
            onChange={(e) => onChange('previous_webhook_secret', e.target.value)}
          />
        )}
      </FormField>
    </div>
  );
}

function unitsHint(value: string, what: string): string {
  const units = toUnits(value.trim());
  const base = `${what} In the native asset's smallest unit (wei for ETH); empty for none.`;
  return units && value.trim() !== '' ? `${base} Now: ${units} ETH.` : base;
}

export function PolicyFields({
  form,
  errors,
  onChange,
}: {
  form: PolicyForm;
  errors: FieldErrors<keyof PolicyForm>;
  onChange: Change<PolicyForm>;
}) {
  const fields: [keyof PolicyForm, string, string][] = [
    ['per_transfer_limit', 'Per-transfer limit', 'The largest single transfer; larger ones are refused.'],
    ['daily_limit', 'Daily limit per user', 'The most one user may send per UTC day; more is refused.'],
    ['approval_threshold', 'Approval threshold', 'Transfers above it wait for an admin’s approval.'],
  ];
  return (
    <div className="form-grid">
      {fields.map(([key, label, what]) => (
        <FormField key={key} label={`${label} (wei)`} error={errors[key]} hint={unitsHint(form[key], what)}>
          {(control) => (
            <input
              {...control}
              name={key}
              inputMode="numeric"
              autoComplete="off"
              value={form[key]}
              onChange={(e) => onChange(key, e.target.value)}
            />
          )}
        </FormField>
      ))}
    </div>
  );
}
