import type { ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Progress } from '../../components/Progress';
import { TableScroll } from './parts';

/** A filter of a queue: a labelled choice among `[value, label]` options ('' usually meaning any). */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange(value: string): void;
}) {
  return (
    <FormField label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map(([option, text]) => (
            <option key={option || 'all'} value={option}>
              {text}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/**
 * A queue of cases (KYC, document, security incident): the "Show cases" filter and any further filters, the
 * loading and error states, the empty message, and the table of cases with one row per item.
 */
export function CaseQueue<T>({
  filter,
  filterLabel = 'Show cases',
  options,
  onFilter,
  moreFilters,
  noun = 'cases',
  error,
  loading,
  loaded,
  onRetry,
  empty,
  tableLabel,
  caption,
  columns,
  items,
  row,
}: {
  filter: string;
  filterLabel?: string;
  options: readonly (readonly [string, string])[];
  onFilter(value: string): void;
  /** Fields after the first filter's, in the same toolbar. */
  moreFilters?: ReactNode;
  /** What the queue holds, in the loading and error messages. */
  noun?: string;
  error: unknown;
  loading: boolean;
  /** Whether a page of cases has arrived (the empty message waits for it). */
  loaded: boolean;
  onRetry(): void;
  empty: ReactNode;
  tableLabel: string;
  caption: ReactNode;
  columns: readonly string[];
  items: readonly T[];
  row(item: T): ReactNode;
}) {
  return (
    <>
      <div className="toolbar">
        <FilterSelect label={filterLabel} value={filter} options={options} onChange={onFilter} />
        {moreFilters}
      </div>
      <ErrorMessage error={error} title={`Could not load the ${noun}`} onRetry={onRetry} />
      {loading && <Progress label={`Loading the ${noun}`} />}
      {loaded && items.length === 0 && !loading && <p role="status">{empty}</p>}
      {items.length > 0 && (
        <TableScroll label={tableLabel}>
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{items.map(row)}</tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
