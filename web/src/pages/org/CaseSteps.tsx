import { remainingLine, stepKindLabel, stepStatusWords, type KycSteps } from '../../kyc/steps';
import { formatTime, statusWords } from './format';
import { Facts, StatusBadge, TableScroll } from './parts';

/** A case's verification steps for reviewers: the required ones and what is left, then every step the provider reported. */
export function CaseSteps({ steps }: { steps: KycSteps }) {
  const required = steps.required ?? [];
  const remaining = steps.remaining ?? [];
  const history = steps.history ?? [];
  return (
    <>
      <Facts
        items={[
          [
            'Required',
            required.length === 0
              ? 'none (the organization requires no particular step)'
              : required.map((step, i) => (
                  <span key={step.kind ?? i}>
                    {i > 0 && ', '}
                    {stepKindLabel(step.kind)}: <StatusBadge status={step.status} label={step.done ? 'done' : stepStatusWords(step.status).label} />
                  </span>
                )),
          ],
          ['Remaining', remaining.length === 0 ? 'none' : remaining.map(stepKindLabel).join(', ')],
          ['All required steps done', steps.complete ? 'yes' : 'no'],
        ]}
      />
      {required.length > 0 && <p>{remainingLine(steps)}</p>}
      {history.length === 0 ? (
        <p>The provider has reported no step yet.</p>
      ) : (
        <TableScroll label="Verification steps table">
          <table className="table-compact">
            <caption className="visually-hidden">Steps the provider reported, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Status</th>
                <th scope="col">Provider’s status</th>
                <th scope="col">Time</th>
                <th scope="col">Provider’s step ID</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry, i) => (
                <tr key={`${entry.provider_step_id ?? ''}-${entry.at ?? ''}-${i}`}>
                  <td>{stepKindLabel(entry.kind)}</td>
                  <td>
                    <StatusBadge status={entry.status} label={stepStatusWords(entry.status).label} />
                  </td>
                  <td>{entry.provider_status ? statusWords(entry.provider_status) : '—'}</td>
                  <td className="nowrap">{formatTime(entry.at)}</td>
                  <td>{entry.provider_step_id ? <code>{entry.provider_step_id}</code> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
