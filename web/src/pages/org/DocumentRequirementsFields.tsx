import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Progress } from '../../components/Progress';
import type { Requirement } from '../../documents/documents';
import { JSON_TYPE, PERSONAL_DATA_KIND, typeWords } from '../../documents/requirements';
import { useAction, useAsync } from '../../hooks/useAsync';
import { Section, SuccessMessage } from './parts';

/** The plaintext types document-service accepts (`attest.document.uploads.accepted-types`). */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', JSON_TYPE] as const;
/** `attest.document.uploads.max-bytes`, the most any requirement may allow. */
export const PLATFORM_MAX_KIB = 10 * 1024;

export interface RequirementRow {
  kind: string;
  title: string;
  accepted_types: string[];
  /** In KiB, as typed. */
  max_kib: string;
}

export function rowOf(requirement: Requirement): RequirementRow {
  return {
    kind: requirement.kind ?? '',
    title: requirement.title ?? '',
    accepted_types: [...(requirement.accepted_types ?? [])],
    max_kib: String(Math.floor((requirement.max_bytes ?? 0) / 1024)),
  };
}

export type RowErrors = Partial<Record<'kind' | 'title' | 'accepted_types' | 'max_kib', string>>;

/** Each row's problems, checked as document-service checks them; an empty list when all can be sent. */
export function requirementErrors(rows: RequirementRow[]): RowErrors[] {
  const kinds = rows.map((r) => r.kind.trim());
  return rows.map((row, i) => {
    const errors: RowErrors = {};
    const kind = row.kind.trim();
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(kind)) errors.kind = 'Lower-case letters, digits and dashes, e.g. proof-of-address.';
    else if (kinds.indexOf(kind) !== i) errors.kind = 'Another requirement has this kind.';
    if (!row.title.trim()) errors.title = 'Required.';
    else if (row.title.trim().length > 200) errors.title = 'At most 200 characters.';
    if (row.accepted_types.length === 0) errors.accepted_types = 'Choose at least one type.';
    else if (kind === PERSONAL_DATA_KIND && row.accepted_types.some((t) => t !== JSON_TYPE)) {
      errors.accepted_types = 'A personal-data form is sent as a form (JSON) only.';
    } else if (kind !== PERSONAL_DATA_KIND && row.accepted_types.includes(JSON_TYPE)) {
      errors.accepted_types = `A form (JSON) is accepted for the ${PERSONAL_DATA_KIND} kind only.`;
    }
    const kib = Number(row.max_kib);
    if (!/^\d+$/.test(row.max_kib.trim()) || kib < 1 || kib > PLATFORM_MAX_KIB) {
      errors.max_kib = `A whole number of KiB from 1 to ${PLATFORM_MAX_KIB}.`;
    }
    return errors;
  });
}

export function requirementsBody(rows: RequirementRow[]) {
  return {
    requirements: rows.map((r) => ({
      kind: r.kind.trim(),
      title: r.title.trim(),
      accepted_types: r.accepted_types,
      max_bytes: Number(r.max_kib) * 1024,
    })),
  };
}

const NEW_DOCUMENT: RequirementRow = { kind: '', title: '', accepted_types: ['application/pdf'], max_kib: '5120' };
const PERSONAL_DATA: RequirementRow = {
  kind: PERSONAL_DATA_KIND,
  title: 'Personal details',
  accepted_types: [JSON_TYPE],
  max_kib: '64',
};

/** A project's required documents (`PUT /documents/projects/{project}/requirements`), on the project page. */
export function DocumentRequirementsFields({ projectId }: { projectId: string }) {
  const api = useApi();
  const path = { project: projectId };
  const stored = useAsync(
    (signal) => unwrap(api.document.GET('/documents/projects/{project}/requirements', { params: { path }, signal })),
    [api, projectId],
  );
  const [rows, setRows] = useState<RequirementRow[]>([]);
  const [errors, setErrors] = useState<RowErrors[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (stored.data) setRows((stored.data.requirements ?? []).map(rowOf));
  }, [stored.data]);
  const save = useAction((body: ReturnType<typeof requirementsBody>) =>
    unwrap(api.document.PUT('/documents/projects/{project}/requirements', { params: { path }, body })),
  );

  const change = (index: number, update: Partial<RequirementRow>) => {
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...update } : row)));
    setErrors((current) => current.map((e, i) => (i === index ? {} : e)));
    setSaved(false);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = requirementErrors(rows);
    setErrors(found);
    if (found.some((e) => Object.keys(e).length > 0)) return;
    const answer = await save.run(requirementsBody(rows));
    if (answer) {
      stored.setData(answer);
      setSaved(true);
    }
  };

  return (
    <Section title="Required documents">
      <p>
        What the project’s users upload besides the identity check. Each document is encrypted in the user’s browser;
        only the user and your organization’s reviewers (admins with a registered key) can open it.
      </p>
      {stored.loading && !stored.data && <Progress label="Loading the required documents" />}
      <ErrorMessage error={stored.error} title="Could not load the required documents" onRetry={stored.reload} />
      {stored.data && (
        <form className="org-form" noValidate onSubmit={submit} aria-label="Required documents">
          {rows.length === 0 && <p>This project requires no documents.</p>}
          {rows.map((row, i) => (
            <fieldset key={i}>
              <legend>Requirement {i + 1}</legend>
              <div className="form-grid">
                <FormField label={`Requirement ${i + 1}: title`} error={errors[i]?.title} hint="What users see." required>
                  {(control) => <input {...control} value={row.title} onChange={(e) => change(i, { title: e.target.value })} />}
                </FormField>
                <FormField
                  label={`Requirement ${i + 1}: kind`}
                  error={errors[i]?.kind}
                  hint={`A stable name; “${PERSONAL_DATA_KIND}” is a form of personal details.`}
                  required
                >
                  {(control) => (
                    <input {...control} autoComplete="off" value={row.kind} onChange={(e) => change(i, { kind: e.target.value })} />
                  )}
                </FormField>
                <FormField label={`Requirement ${i + 1}: size limit (KiB)`} error={errors[i]?.max_kib} required>
                  {(control) => (
                    <input {...control} inputMode="numeric" value={row.max_kib} onChange={(e) => change(i, { max_kib: e.target.value })} />
                  )}
                </FormField>
              </div>
              <fieldset>
                <legend>Requirement {i + 1}: accepted types</legend>
                <div className="checkbox-grid">
                  {DOCUMENT_TYPES.map((type) => (
                    <label key={type} className="checkbox">
                      <input
                        type="checkbox"
                        checked={row.accepted_types.includes(type)}
                        onChange={(e) =>
                          change(i, {
                            accepted_types: e.target.checked ? [...row.accepted_types, type] : row.accepted_types.filter((t) => t !== type),
                          })
                        }
                      />
                      <span>{typeWords(type)}</span>
                    </label>
                  ))}
                </div>
                {errors[i]?.accepted_types && <p className="field-error">{errors[i]?.accepted_types}</p>}
              </fieldset>
              <Button
                variant="danger"
                aria-label={`Remove requirement ${i + 1}`}
                onClick={() => {
                  setRows((current) => current.filter((_, j) => j !== i));
                  setErrors([]);
                  setSaved(false);
                }}
              >
                Remove
              </Button>
            </fieldset>
          ))}
          <div className="actions">
            <Button onClick={() => setRows((r) => [...r, { ...NEW_DOCUMENT }])}>Add a document</Button>
            {!rows.some((r) => r.kind === PERSONAL_DATA_KIND) && (
              <Button onClick={() => setRows((r) => [...r, { ...PERSONAL_DATA }])}>Add a personal-details form</Button>
            )}
          </div>
          <ErrorMessage error={save.error} title="Could not save the required documents" />
          <SuccessMessage>{saved && 'Required documents saved.'}</SuccessMessage>
          <Button type="submit" variant="primary" pending={save.pending} pendingLabel="Saving…">
            Save required documents
          </Button>
        </form>
      )}
    </Section>
  );
}
