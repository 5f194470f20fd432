import { useEffect } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { Progress } from '../components/Progress';
import { useAuth } from './AuthContext';

/** `/signup?org=<slug>`: a link customers share; opens the registration page, then joins that organization. */
export function SignUpPage() {
  const { status, signUp } = useAuth();
  const [params] = useSearchParams();
  const org = params.get('org');
  useEffect(() => {
    if (status === 'signed-out') void signUp(org);
  }, [status, signUp, org]);
  if (status === 'signed-in') return <Navigate to="/" replace />;
  return (
    <main id="main" className="centered">
      <Progress label="Opening the registration page" />
    </main>
  );
}
