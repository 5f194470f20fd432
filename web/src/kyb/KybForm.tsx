import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { problemToWords } from '../api/problem';
import type { StartKybRequest } from '../api/additions';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormField } from '../components/FormField';
import {
  emptyKybForm,
  hasKybErrors,
  KYB_BOUNDS,
  kybErrors,
  kybRequest,
  kybServerErrors,
  newOwner,
  OWNER_ROLES,
  type KybErrors,
  type KybForm as KybFormValues,
  type OwnerForm,
} from './kyb';

type BusinessField = Exclude<keyof KybFormValues, 'owners'>;
type OwnerField = Exclude<keyof OwnerForm, 'row'>;

/** One text input of the business, with its label, hint and error. */
function BusinessInput({
  form,
  name,
  label,
  hint,
  required,
  error,
  type = 'text',
  autoComplete = 'off',
  onChange,
}: {
  form: KybFormValues;
  name: BusinessField;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  error: string | undefined;
  type?: 'text' | 'date' | 'url';
  autoComplete?: string;
  onChange(name: BusinessField, value: string): void;
}) {
  return (
    <FormField label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <input {...control} type={type} name={name} autoComplete={autoComplete} value={form[name]} onChange={(e) => onChange(name, e.target.value)} />
      )}
    </FormField>
  );
}

/** One owner: role, share, names and the optional contact data, with "Remove". */
function OwnerFields({
  owner,
  index,
  errors,
  removable,
  onChange,
  onRemove,
}: {
  owner: OwnerForm;
  index: number;
  errors: Partial<Record<OwnerField, string>>;
  removable: boolean;
  onChange(row: number, key: OwnerField, value: string): void;
  onRemove(row: number): void;
}) {
  const input = (key: Exclude<OwnerField, 'role'>, label: string, props: { type?: string; autoComplete?: string; inputMode?: 'decimal'; hint?: string; required?: boolean } = {}) => (
    <FormField label={label} hint={props.hint} error={errors[key]} required={props.required}>
      {(control) => (
        <input
          {...control}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
          value={owner[key]}
          onChange={(e) => onChange(owner.row, key, e.target.value)}
        />
      )}
    </FormField>
  );
  return (
    <fieldset>
      <legend>Owner {index + 1}</legend>
      <div className="kyb-grid">
        <FormField label="Role" error={errors.role} required>
          {(control) => (
            <select {...control} value={owner.role} onChange={(e) => onChange(owner.row, 'role', e.target.value)}>
              {OWNER_ROLES.map(([role, label]) => (
                <option key={role} value={role}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {input('ownership_percent', 'Share (%)', { inputMode: 'decimal', hint: 'From 0 to 100; required for a beneficial owner.' })}
        {input('first_name', 'First name', { required: true })}
        {input('last_name', 'Last name', { required: true })}
        {input('email', 'Email', { type: 'email', hint: 'Optional: where to send their verification link.' })}
        {input('birthdate', 'Date of birth', { type: 'date' })}
      </div>
      {removable && (
        <Button onClick={() => onRemove(owner.row)} aria-label={`Remove owner ${index + 1}`}>
          Remove
        </Button>
      )}
    </fieldset>
  );
}

/**
 * "Verify a business": the company's data, its optional address, and its owners as rows (added and removed,
 * 1 to 10, at least one beneficial owner, shares up to 100 % in all), checked as compliance-service checks
 * them before anything is sent; the service's own field errors come back at their fields.
 */
export function KybForm({ pending, error, onSubmit }: { pending: boolean; error: unknown; onSubmit(request: StartKybRequest): void }) {
  const [form, setForm] = useState<KybFormValues>(emptyKybForm);
  const [errors, setErrors] = useState<KybErrors>({ fields: {}, owners: {} });
  const served = kybServerErrors(form, problemToWords(error).fields);
  const fieldError = (name: BusinessField | 'owners') => errors.fields[name] ?? served.fields[name];
  const addButton = useRef<HTMLButtonElement>(null);

  const change = (name: BusinessField, value: string) => {
    setForm((f) => ({ ...f, [name]: value }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, [name]: undefined } }));
  };
  const changeOwner = (row: number, key: OwnerField, value: string) => {
    setForm((f) => ({ ...f, owners: f.owners.map((o) => (o.row === row ? { ...o, [key]: value } : o)) }));
    setErrors((e) => ({ fields: { ...e.fields, owners: undefined }, owners: { ...e.owners, [row]: { ...e.owners[row], [key]: undefined } } }));
  };
  const removeOwner = (row: number) => {
    setForm((f) => ({ ...f, owners: f.owners.filter((o) => o.row !== row) }));
    addButton.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = kybErrors(form);
    setErrors(found);
    if (hasKybErrors(found)) return;
    onSubmit(kybRequest(form));
  };

  const business = (name: BusinessField, label: string, extra: Partial<Parameters<typeof BusinessInput>[0]> = {}) => (
    <BusinessInput form={form} name={name} label={label} error={fieldError(name)} onChange={change} {...extra} />
  );

  return (
    <form onSubmit={submit} noValidate className="kyb-form" aria-label="Verify a business">
      <fieldset>
        <legend>The business</legend>
        <div className="kyb-grid">
          {business('legal_name', 'Legal name', { required: true, autoComplete: 'organization' })}
          {business('registration_number', 'Registration number', { required: true, hint: 'As in the company register.' })}
          {business('country_code', 'Country of registration', { required: true, hint: 'Two letters (ISO 3166-1), e.g. GB.' })}
          {business('tax_id', 'Tax ID')}
          {business('incorporation_date', 'Date of incorporation', { type: 'date' })}
          {business('website', 'Website', { type: 'url', hint: 'https://…' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Registered address (optional)</legend>
        <div className="kyb-grid">
          {business('street_1', 'Street', { autoComplete: 'address-line1' })}
          {business('street_2', 'Street (continued)', { autoComplete: 'address-line2' })}
          {business('city', 'City', { autoComplete: 'address-level2' })}
          {business('subdivision', 'Region', { autoComplete: 'address-level1' })}
          {business('postal_code', 'Postal code', { autoComplete: 'postal-code' })}
          {business('address_country_code', 'Country', { hint: 'Two letters, e.g. GB.', autoComplete: 'country' })}
        </div>
      </fieldset>
      <fieldset aria-describedby={fieldError('owners') ? 'kyb-owners-error' : undefined}>
        <legend>Owners and directors</legend>
        <p className="muted">
          Everyone who owns or runs the business: at least one beneficial owner, at most {KYB_BOUNDS.maxOwners} people, shares up to 100 % in all. Each
          gets a link to verify themselves.
        </p>
        {form.owners.map((owner, index) => (
          <OwnerFields
            key={owner.row}
            owner={owner}
            index={index}
            errors={{ ...served.owners[owner.row], ...Object.fromEntries(Object.entries(errors.owners[owner.row] ?? {}).filter(([, m]) => m)) }}
            removable={form.owners.length > 1}
            onChange={changeOwner}
            onRemove={removeOwner}
          />
        ))}
        {fieldError('owners') && (
          <p id="kyb-owners-error" className="field-error">
            {fieldError('owners')}
          </p>
        )}
        {/* A plain button: it takes the focus back when a row is removed. */}
        <button
          ref={addButton}
          type="button"
          className="button button-secondary"
          onClick={() => setForm((f) => ({ ...f, owners: [...f.owners, newOwner(f.owners.length === 0 ? 'beneficial_owner' : 'director')] }))}
          disabled={form.owners.length >= KYB_BOUNDS.maxOwners}
        >
          Add an owner
        </button>
      </fieldset>
      <ErrorMessage error={error} title="Could not start the business verification" />
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Starting…">
        Start business verification
      </Button>
    </form>
  );
}
