import type { ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Progress } from '../../components/Progress';
import { TableScroll } from './parts';

/**
 * A queue of cases (KYC or document): the "Show cases" filter, the loading and error states, the empty
 * message, and the table of cases with one row per item.
 */
export function CaseQueue<T>({
  filter,
  options,
  onFilter,
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
  options: readonly (readonly [string, string])[];
  onFilter(value: string): void;
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
        <FormField label="Show cases">
          {(control) => (
            <select {...control} value={filter} onChange={(e) => onFilter(e.target.value)}>
              {options.map(([value, label]) => (
                <option key={value || 'all'} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <ErrorMessage error={error} title="Could not load the cases" onRetry={onRetry} />
      {loading && <Progress label="Loading the cases" />}
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
