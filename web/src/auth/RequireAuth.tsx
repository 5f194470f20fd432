import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Progress } from '../components/Progress';
import { useAuth } from './AuthContext';

/**
 * Signed-out visitors of a console page go to the identity provider and come back to the same page
 * (with a running session there, at once and without a prompt).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, signIn } = useAuth();
  const location = useLocation();
  const signedOut = status === 'signed-out';
  useEffect(() => {
    if (signedOut) void signIn(location.pathname + location.search);
  }, [signedOut, signIn, location.pathname, location.search]);
  if (status !== 'signed-in') {
    return (
      <main id="main" className="centered">
        <Progress label={signedOut ? 'Redirecting to sign-in' : 'Loading'} />
      </main>
    );
  }
  return children;
}
