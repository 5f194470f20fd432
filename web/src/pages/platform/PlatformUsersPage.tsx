import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAsync } from '../../hooks/useAsync';
import { formatTime } from '../org/format';
import { Section, StatusBadge, TableScroll } from '../org/parts';
import {
  MAX_USER_QUERY,
  membershipText,
  parseUserSearch,
  platformCalls,
  userQueryProblem,
  userSearchParams,
  type FoundUser,
  type UserSearch,
} from './admin';
import { SuspensionBadge, SuspensionPanel } from './SuspensionParts';

/** The gateway reads at most this many memberships for one search (`UserDirectory.LIMIT`). */
const MEMBERSHIP_LIMIT = 200;

/** A found user as people know them: their email, else their subject. */
function userLabel(user: FoundUser): string {
  return user.emails?.[0] || user.user_id || 'unknown user';
}

/**
 * `/platform/users` (platform admins): users across organizations by subject or email (`?q=`), their
 * organizations and suspension; `?user=` shows one user's suspension with its history, to suspend or reactivate.
 */
export default function PlatformUsersPage() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const search = parseUserSearch(params);
  // A query from the address goes as it is: the gateway's problem (`invalid-query`) says what it takes.
  const users = useAsync((signal) => (search.q ? platformCalls(api).findUsers(search.q, signal) : Promise.resolve(null)), [api, search.q]);
  const show = (next: UserSearch) => setParams(userSearchParams(next));

  const found = users.error ? null : users.data;
  const selected = search.user ? found?.find((u) => u.user_id === search.user) : undefined;
  const selectedLabel = selected ? userLabel(selected) : search.user;
  const memberships = (found ?? []).reduce((sum, user) => sum + (user.organizations ?? []).length, 0);

  return (
    <Page title="Users" actions={search.q ? <Button onClick={users.reload}>Refresh</Button> : undefined}>
      <p>
        Find people across every organization by their user id (the subject of their sign-in) or a part of their email address, with their
        organizations and roles; suspend or reactivate them. A suspended user is refused on every request, in every organization.
      </p>
      <UserSearchForm q={search.q} pending={users.loading && Boolean(search.q)} onSearch={(q) => show({ q, user: '' })} />
      <ErrorMessage error={users.error} title="Could not search the users" onRetry={users.reload} />
      {users.loading && search.q && <Progress label="Searching the users" />}
      {found && !users.loading && found.length === 0 && <p role="status">No user matches “{search.q}”.</p>}
      {found && found.length > 0 && (
        <>
          <TableScroll label="Users found table">
            <table>
              <caption className="visually-hidden">Users matching “{search.q}”, {found.length} found</caption>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Organizations</th>
                  <th scope="col">State</th>
                  <th scope="col">Suspension</th>
                </tr>
              </thead>
              <tbody>
                {found.map((user) => (
                  <FoundUserRow
                    key={user.user_id}
                    user={user}
                    selected={user.user_id === search.user}
                    onSelect={() => show({ q: search.q, user: user.user_id ?? '' })}
                  />
                ))}
              </tbody>
            </table>
          </TableScroll>
          {memberships >= MEMBERSHIP_LIMIT && (
            <p className="muted">A search reads at most {MEMBERSHIP_LIMIT} memberships: if someone is missing, search for more of their email.</p>
          )}
        </>
      )}
      {search.user && (
        <Section title={`Suspension of ${selectedLabel}`}>
          <p>
            User id <code>{search.user}</code>
          </p>
          <SuspensionPanel key={search.user} kind="user" target={search.user} name={`user ${selectedLabel}`} onChanged={users.reload} />
        </Section>
      )}
    </Page>
  );
}

function FoundUserRow({ user, selected, onSelect }: { user: FoundUser; selected: boolean; onSelect(): void }) {
  const label = userLabel(user);
  const emails = user.emails ?? [];
  const organizations = user.organizations ?? [];
  return (
    <tr aria-current={selected || undefined}>
      <th scope="row">
        {emails.length > 0 ? emails.join(', ') : <span className="muted">no email</span>}
        <br />
        <code>{user.user_id}</code>
      </th>
      <td>
        {organizations.length === 0 ? (
          <span className="muted">no organization</span>
        ) : (
          <ul className="plain-list">
            {organizations.map((m) => (
              <li key={`${m.org_id}:${m.role}`}>
                {membershipText(m)} {m.org_suspended && <StatusBadge status="suspended" label="organization suspended" />}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <SuspensionBadge suspended={user.suspension != null} />
        {user.suspension && (
          <span className="muted">
            {' '}
            since {formatTime(user.suspension.suspended_at)}
            {user.suspension.reason ? `: ${user.suspension.reason}` : ''}
          </span>
        )}
      </td>
      <td>
        <Button onClick={onSelect} aria-label={`Show the suspension of ${label}`}>
          Show the suspension
        </Button>
      </td>
    </tr>
  );
}

/** The query as typed, until Search puts it in the address, which the results follow. */
function UserSearchForm({ q, pending, onSearch }: { q: string; pending: boolean; onSearch(q: string): void }) {
  const [draft, setDraft] = useState(q);
  const [error, setError] = useState<string | null>(null);
  // When the address changes otherwise (Back, a link), the form shows what the results follow.
  const [shown, setShown] = useState(q);
  if (shown !== q) {
    setShown(q);
    setDraft(q);
    setError(null);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = userQueryProblem(draft);
    setError(problem);
    if (!problem) onSearch(draft.trim());
  };
  return (
    <form className="toolbar org-form" noValidate onSubmit={submit} aria-label="Search users" role="search">
      <FormField label="User id or email" hint="The exact user id, or any part of an email address (not case-sensitive)." error={error}>
        {(control) => (
          <input
            {...control}
            type="search"
            spellCheck={false}
            autoComplete="off"
            maxLength={MAX_USER_QUERY + 50}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setError(null);
            }}
          />
        )}
      </FormField>
      <Button type="submit" variant="primary" pending={pending}>
        Search
      </Button>
    </form>
  );
}
