import { Button } from '../components/Button';
import { Page } from '../components/Page';
import { useAuth } from './AuthContext';

/** The start page for signed-out visitors. */
export function LandingPage() {
  const { signIn, signUp } = useAuth();
  return (
    <main id="main" className="landing">
      <Page title="Attest console">
        <p>
          Verify your identity, receive your custody wallet and your on-chain identity, and follow every step
          live. Organizations configure their providers, review cases and manage their projects here.
        </p>
        <p className="actions">
          <Button variant="primary" onClick={() => signIn('/')}>
            Sign in
          </Button>
          <Button onClick={() => signUp(new URLSearchParams(window.location.search).get('org'))}>Create an account</Button>
        </p>
      </Page>
    </main>
  );
}
