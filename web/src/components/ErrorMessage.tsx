import { ApiError, problemToWords } from '../api/problem';
import { useOptionalAuth } from '../auth/AuthContext';

/** The current page as a console path (without the /console base), to come back to after signing in. */
function currentConsolePath(): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const { pathname, search } = window.location;
  return (pathname.startsWith(base) ? pathname.slice(base.length) : pathname) + search || '/';
}

interface ErrorMessageProps {
  /** Anything caught: an ApiError (problem), a network failure, an Error. Nothing renders when null. */
  error: unknown;
  /** What failed, e.g. "Could not save the Persona settings". */
  title?: string;
  /** Offers "Try again" (e.g. `reload` of useAsync). */
  onRetry?: () => void;
}

/**
 * The one way the console shows a failure: in words (problemToWords), announced to screen readers
 * (role="alert"), with the invalid fields of a validation problem and a reference for support.
 */
export function ErrorMessage({ error, title, onRetry }: ErrorMessageProps) {
  const auth = useOptionalAuth();
  if (error === null || error === undefined) return null;
  const words = problemToWords(error);
  const fields = Object.entries(words.fields);
  const signedOut = auth !== null && error instanceof ApiError && error.status === 401;
  return (
    <div role="alert" className="alert alert-error">
      {title && <p className="alert-title">{title}</p>}
      <p>{words.message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([field, message]) => (
            <li key={field}>
              <code>{field}</code>: {message}
            </li>
          ))}
        </ul>
      )}
      {words.reference && <p className="muted">Reference: {words.reference}</p>}
      {(onRetry || signedOut) && (
        <p className="actions">
          {signedOut ? (
            <button type="button" onClick={() => auth?.signIn(currentConsolePath())}>
              Sign in again
            </button>
          ) : (
            <button type="button" onClick={onRetry}>
              Try again
            </button>
          )}
        </p>
      )}
    </div>
  );
}
