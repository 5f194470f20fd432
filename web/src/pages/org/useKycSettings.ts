import { useState, type FormEvent } from 'react';
import { useAction, useAsync } from '../../hooks/useAsync';
import { describeKycReport, type TestOutcome } from './connectionTest';
import { hasErrors, type FieldErrors } from './forms';
import type { PersonaReport } from './types';

/**
 * A KYC provider's settings section (Persona, Sumsub): what is stored, the form started from it, its errors, the
 * save (secrets left empty are kept by the service) and Test Connection in words.
 */
export function useKycSettings<Stored, Form extends object, Body>({
  provider,
  load,
  save,
  test,
  formFrom,
  validate,
  request,
}: {
  provider: 'Persona' | 'Sumsub';
  load(signal: AbortSignal): Promise<Stored>;
  save(body: Body): Promise<Stored>;
  test(): Promise<PersonaReport>;
  formFrom(stored: Stored | null): Form;
  validate(form: Form, stored: Stored | undefined): FieldErrors<keyof Form & string>;
  request(form: Form): Body;
}) {
  const stored = useAsync(load, [load]);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<FieldErrors<keyof Form & string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  if (form === null && stored.data !== undefined) setForm(formFrom(stored.data));

  const saving = useAction(save);
  const [testing, setTesting] = useState(false);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const change = <K extends keyof Form & string>(key: K, value: Form[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSaved(null);
    if (saving.error) saving.reset();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!form) return;
    const found = validate(form, stored.data);
    setErrors(found);
    if (hasErrors(found)) return;
    const answer = await saving.run(request(form));
    if (answer !== undefined) {
      stored.setData(answer);
      setForm(formFrom(answer));
      setOutcome(null);
      setFailure(null);
      setSaved(`${provider} settings saved. Test the connection to check them.`);
    }
  };

  const runTest = async () => {
    setTesting(true);
    setOutcome(null);
    setFailure(null);
    try {
      setOutcome(describeKycReport(provider, await test()));
    } catch (error) {
      setFailure(error);
    } finally {
      setTesting(false);
    }
  };

  return { stored, form, errors, saved, change, submit, saving, testing, outcome, failure, runTest };
}
