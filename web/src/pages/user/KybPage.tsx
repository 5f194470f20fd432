import { Link, useNavigate } from 'react-router';
import type { KybCase, StartKybRequest } from '../../api/additions';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { kybStatusWords } from '../../kyb/kyb';
import { KybForm } from '../../kyb/KybForm';
import { keepStarted } from '../../kyb/sessions';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import { StatusTag, When } from './parts';

/** `/kyb`: the person's business verifications, and "Verify a business" for a new one (they represent the business). */
export default function KybPage() {
  const api = useApi();
  const navigate = useNavigate();
  const mine = useAsync((signal) => unwrap(api.compliance.GET('/compliance/kyb/me', { signal })), [api]);
  useNotificationEvents(['kyb.', 'kyc.'], mine.reload);
  const start = useAction(async (body: StartKybRequest): Promise<KybCase> => unwrap(api.compliance.POST('/compliance/kyb', { body })));

  const submit = async (body: StartKybRequest) => {
    const started = await start.run(body);
    if (!started?.business_case_id) return;
    keepStarted(started);
    navigate(`/kyb/${encodeURIComponent(started.business_case_id)}`);
  };

  const cases = mine.data?.items ?? [];
  return (
    <Page title="Business verification">
      <p>
        Verify a business you represent (KYB): its registration, then each owner and director verifies themselves through a link you pass on.
      </p>
      <section aria-labelledby="kyb-mine" className="card">
        <h2 id="kyb-mine">Your businesses</h2>
        {mine.loading && !mine.data && <Progress label="Loading your business verifications" />}
        <ErrorMessage error={mine.error} title="Could not load your business verifications" onRetry={mine.reload} />
        {mine.data && cases.length === 0 && <p>You have not started a business verification yet.</p>}
        {cases.length > 0 && (
          <div className="table-scroll" role="group" aria-label="Your businesses table" tabIndex={0}>
            <table>
              <caption className="visually-hidden">Your business verifications</caption>
              <thead>
                <tr>
                  <th scope="col">Business</th>
                  <th scope="col">Status</th>
                  <th scope="col">Started</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => {
                  const words = kybStatusWords(c.status);
                  return (
                    <tr key={c.business_case_id}>
                      <td>
                        <Link to={`/kyb/${encodeURIComponent(c.business_case_id ?? '')}`}>{c.legal_name || c.business_case_id}</Link>
                      </td>
                      <td>
                        <StatusTag tone={words.tone}>{words.label}</StatusTag>
                      </td>
                      <td className="nowrap"><When at={c.created_at} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="kyb-new">
        <h2 id="kyb-new">Verify a business</h2>
        <KybForm pending={start.pending} error={start.error} onSubmit={submit} />
      </section>
    </Page>
  );
}
