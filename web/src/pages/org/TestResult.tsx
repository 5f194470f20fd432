import { ApiError } from '../../api/problem';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Progress } from '../../components/Progress';
import { describeTestError, type ConnectionProvider, type TestOutcome } from './connectionTest';

/** A Test Connection's outcome: the summary, then each part checked with what to do about it. */
export function TestResult({
  provider,
  pending,
  outcome,
  failure,
}: {
  provider: ConnectionProvider;
  pending: boolean;
  outcome: TestOutcome | null;
  /** Why the test could not run at all (a failed call), or null. */
  failure: unknown;
}) {
  if (pending) return <Progress label={`Testing the connection to ${provider}`} />;
  if (failure instanceof ApiError && failure.status === 404) {
    // Nothing to test yet: a state with its own words, not an error of the service.
    return (
      <div role="alert" className="alert alert-error">
        <p className="alert-title">Could not test the {provider} connection</p>
        <p>{describeTestError(provider, failure)}</p>
      </div>
    );
  }
  if (failure != null) return <ErrorMessage error={failure} title={`Could not test the ${provider} connection`} />;
  if (!outcome) return null;
  return (
    <div role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'alert alert-success' : 'alert alert-error'}>
      <p className="alert-title">{outcome.summary}</p>
      <ul className="check-list">
        {outcome.lines.map((line) => (
          <li key={line.label}>
            <strong>
              {line.ok ? '✓' : '✕'} {line.label}: {line.ok ? 'works' : 'failed'}.
            </strong>{' '}
            {line.message}
            {line.result && <span className="check-technical"> (check result: {line.result})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
