/**
 * Pieces the usage and analytics pages share: the range form above the report, a chart card with its
 * summary, and a table of numbers (one labelled row a thing, numeric columns).
 */
import type { FormEvent, ReactNode } from 'react';
import { Button } from '../../components/Button';
import { FormField } from '../../components/FormField';
import type { Granularity } from './analyticsSeries';
import { Section, TableScroll } from './parts';
import { UsageChart } from './UsageChart';
import { describeSeries } from './usageSeries';

export interface RangeDraft {
  from: string;
  to: string;
}

/**
 * The report's range: From and To dates, optionally the granularity ("Per") and the project, further fields
 * (`children`), and Show. `projects` null or absent leaves the project out (the platform's report); `granularity`
 * absent leaves out "Per".
 */
export function RangeForm({
  label,
  draft,
  onDraft,
  errors,
  granularity,
  projects,
  projectId,
  onProject,
  pending,
  onSubmit,
  children,
}: {
  label: string;
  draft: RangeDraft;
  onDraft: (change: Partial<RangeDraft>) => void;
  errors: { from?: string; to?: string };
  granularity?: { value: Granularity; onChange: (value: Granularity) => void };
  projects?: { id?: string; name?: string }[] | null;
  projectId?: string;
  onProject?: (projectId: string) => void;
  pending: boolean;
  onSubmit: (event: FormEvent) => void;
  children?: ReactNode;
}) {
  return (
    <form className="toolbar org-form" noValidate onSubmit={onSubmit} aria-label={label}>
      <FormField label="From" error={errors.from}>
        {(control) => <input {...control} type="date" value={draft.from} onChange={(e) => onDraft({ from: e.target.value })} />}
      </FormField>
      <FormField label="To" error={errors.to}>
        {(control) => <input {...control} type="date" value={draft.to} onChange={(e) => onDraft({ to: e.target.value })} />}
      </FormField>
      {granularity && (
        <FormField label="Per">
          {(control) => (
            <select {...control} value={granularity.value} onChange={(e) => granularity.onChange(e.target.value as Granularity)}>
              <option value="day">Day</option>
              <option value="hour">Hour</option>
            </select>
          )}
        </FormField>
      )}
      {projects && onProject && (
        <FormField label="Project">
          {(control) => (
            <select {...control} value={projectId ?? ''} onChange={(e) => onProject(e.target.value)}>
              <option value="">All projects</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {children}
      <Button type="submit" variant="primary" pending={pending}>
        Show
      </Button>
    </form>
  );
}

/** One metric as a card: its title, its bar chart and the chart's summary in words under it. */
export function SeriesCard({ label, periods, values, level }: { label: string; periods: string[]; values: number[]; level?: 2 | 3 }) {
  const description = describeSeries(label, periods, values);
  return (
    <Section title={label} className="card" level={level}>
      <UsageChart label={label} days={periods} values={values} description={description} />
      <p className="muted">{description}</p>
    </Section>
  );
}

/** A table row: its key, the row header, and one numeric cell per further column (null: an empty cell). */
export interface NumberRow {
  key: string;
  head: ReactNode;
  cells: ReactNode[];
}

/**
 * A compact table in its scroll box: the first column names the row, the others are numbers. `empty` is the
 * row shown when there are no rows (spanning the columns); `caption` is for screen readers only unless
 * `captionShown`.
 */
export function NumberTable({
  label,
  caption,
  captionShown = false,
  columns,
  rows,
  empty,
}: {
  label: string;
  caption: string;
  captionShown?: boolean;
  columns: string[];
  rows: NumberRow[];
  empty?: string;
}) {
  const [first, ...numeric] = columns;
  return (
    <TableScroll label={label}>
      <table className="table-compact">
        <caption className={captionShown ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {numeric.map((column) => (
              <th key={column} scope="col" className="num">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {empty !== undefined && rows.length === 0 && (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.head}</th>
              {row.cells.map((cell, i) => (cell === null ? <td key={i} /> : <td key={i} className="num">{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
