import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../components/ErrorMessage';
import { Progress } from '../components/Progress';
import { useAuth } from './AuthContext';

/** `/callback`: the identity provider sends the browser back here with the authorization code. */
export function CallbackPage() {
  const { completeSignIn } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    completeSignIn().then(
      (state) => navigate(state.returnTo || '/', { replace: true }),
      (failure: unknown) => setError(failure),
    );
  }, [completeSignIn, navigate]);

  return (
    <main id="main" className="centered">
      {error ? (
        <>
          <h1>Sign-in failed</h1>
          <ErrorMessage error={error} />
          <p>
            <a href={import.meta.env.BASE_URL}>Back to the start page</a>
          </p>
        </>
      ) : (
        <Progress label="Signing you in" />
      )}
    </main>
  );
}
