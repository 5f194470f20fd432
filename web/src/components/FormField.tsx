import { useId, type ReactNode } from 'react';

/** Props to spread on the control: they tie it to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  required: boolean | undefined;
}

interface FormFieldProps {
  label: ReactNode;
  /** The field's error (client-side check or the problem's `errors`), or nothing. */
  error?: string | null | undefined;
  /** A short help text under the label. */
  hint?: ReactNode;
  required?: boolean;
  /** The label is for screen readers only: what the field is shows around it (a table's column header). */
  labelHidden?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled form control with its hint and error text:
 *
 *     <FormField label="Amount" hint="In wei" error={errors.amount} required>
 *       {(control) => <input {...control} name="amount" inputMode="numeric" value={amount} onChange={…} />}
 *     </FormField>
 */
export function FormField({ label, error, hint, required, labelHidden, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
