import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useTenant } from '../../tenant/TenantContext';
import { useOrgParam } from '../../tenant/params';
import { formatTime } from './format';
import { hasErrors, isEmail, type FieldErrors } from './forms';
import { mergeErrors, serverFieldErrors } from './load';
import { Confirm, Section, SuccessMessage, TableScroll } from './parts';
import type { Member } from './types';

const ROLES = [
  ['user', 'User (verifies themself, has a wallet)'],
  ['org-admin', 'Admin (manages this organization)'],
] as const;

type Role = (typeof ROLES)[number][0];

interface MemberForm {
  user_id: string;
  email: string;
  role: Role;
}

const EMPTY_MEMBER: MemberForm = { user_id: '', email: '', role: 'user' };

function memberErrors(form: MemberForm): FieldErrors<keyof MemberForm> {
  const errors: FieldErrors<keyof MemberForm> = {};
  const userId = form.user_id.trim();
  if (!userId) errors.user_id = 'Enter the person’s user ID.';
  else if (userId.length > 255) errors.user_id = 'At most 255 characters.';
  const email = form.email.trim();
  if (!email) errors.email = 'Enter their email address.';
  else if (!isEmail(email)) errors.email = 'Enter an email address such as name@example.com.';
  return errors;
}

/** `/org/:org/members`: who belongs to the organization and with which role; whether people may sign up by themselves. */
export default function MembersPage() {
  const org = useOrgParam();
  const api = useApi();
  const { claims } = useAuth();
  const members = useAsync((signal) => unwrap(api.gateway.GET('/orgs/{org}/members', { params: { path: { org } }, signal })), [api, org]);
  const [message, setMessage] = useState<string | null>(null);
  const changeRole = useAction((member: Member, role: Role) =>
    unwrap(api.gateway.PATCH('/orgs/{org}/members/{user}', { params: { path: { org, user: member.user_id ?? '' } }, body: { role } })),
  );
  const remove = useAction(async (member: Member) => {
    await unwrap(api.gateway.DELETE('/orgs/{org}/members/{user}', { params: { path: { org, user: member.user_id ?? '' } } }));
    return true;
  });
  const list = members.data ?? [];

  return (
    <Page title="Members">
      <SelfSignup org={org} />
      <Section title="People">
        <p>Members of the organization and their role. People who sign up through your sign-up link join as users.</p>
        <SuccessMessage>{message}</SuccessMessage>
        <ErrorMessage error={changeRole.error} title="Could not change the role" />
        <ErrorMessage error={remove.error} title="Could not remove the member" />
        <ErrorMessage error={members.error} title="Could not load the members" onRetry={members.reload} />
        {members.loading && !members.data && <Progress label="Loading the members" />}
        {members.data && list.length === 0 && <p>No members yet.</p>}
        {list.length > 0 && (
          <TableScroll label="Members table">
            <table>
              <caption className="visually-hidden">Members</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">User ID</th>
                  <th scope="col">Role</th>
                  <th scope="col">Added</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {list.map((member) => {
                  const me = member.user_id === claims?.sub;
                  const who = member.email ?? member.user_id ?? '';
                  return (
                    <tr key={member.user_id}>
                      <td>
                        {member.email}
                        {me && <strong> (you)</strong>}
                      </td>
                      <td>
                        <code>{member.user_id}</code>
                      </td>
                      <td>
                        {me ? (
                          member.role
                        ) : (
                          <select
                            aria-label={`Role of ${who}`}
                            value={member.role}
                            onChange={async (e) => {
                              setMessage(null);
                              const role = e.target.value as Role;
                              const changed = await changeRole.run(member, role);
                              if (changed) {
                                members.setData((current) => (current ?? []).map((m) => (m.user_id === changed.user_id ? changed : m)));
                                setMessage(`${who} is now ${changed.role === 'org-admin' ? 'an admin' : 'a user'}.`);
                              }
                            }}
                          >
                            {ROLES.map(([value, label]) => (
                              <option key={value} value={value}>
                                {label}
                              </option>
                            ))}
                          </select>
                        )}
                      </td>
                      <td className="nowrap">{formatTime(member.created_at)}</td>
                      <td>
                        {me ? (
                          <span className="muted">Another admin can remove you.</span>
                        ) : (
                          <Confirm
                            trigger="Remove"
                            triggerLabel={`Remove ${who}`}
                            triggerVariant="danger"
                            title={`Remove ${who} from the organization?`}
                            confirmLabel="Remove member"
                            pending={remove.pending}
                            onConfirm={async () => {
                              setMessage(null);
                              if (!(await remove.run(member))) return false;
                              members.setData((current) => (current ?? []).filter((m) => m.user_id !== member.user_id));
                              setMessage(`${who} was removed.`);
                              return true;
                            }}
                          >
                            <p>They lose access to this organization at once. Their KYC case and wallet stay recorded.</p>
                          </Confirm>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
      <AddMember org={org} onAdded={(member) => members.setData((current) => [...(current ?? []).filter((m) => m.user_id !== member.user_id), member])} />
    </Page>
  );
}

function AddMember({ org, onAdded }: { org: string; onAdded(member: Member): void }) {
  const api = useApi();
  const [form, setForm] = useState<MemberForm>(EMPTY_MEMBER);
  const [errors, setErrors] = useState<FieldErrors<keyof MemberForm>>({});
  const [added, setAdded] = useState<string | null>(null);
  const add = useAction(async (body: MemberForm) => (await unwrap(api.gateway.POST('/orgs/{org}/members', { params: { path: { org } }, body }))) as Member);
  const change = <K extends keyof MemberForm>(key: K, value: MemberForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setAdded(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = memberErrors(form);
    setErrors(found);
    if (hasErrors(found)) return;
    const member = await add.run({ user_id: form.user_id.trim(), email: form.email.trim(), role: form.role });
    if (member) {
      onAdded(member);
      setAdded(`${member.email ?? form.email} was added as ${member.role === 'org-admin' ? 'an admin' : 'a user'}.`);
      setForm(EMPTY_MEMBER);
    }
  };
  const shown = mergeErrors(errors, serverFieldErrors(add.error));
  return (
    <Section title="Add a member">
      <form className="org-form" noValidate onSubmit={submit} aria-label="Add a member">
        <div className="form-grid">
          <FormField label="User ID" error={shown.user_id} hint="Their account’s ID at the sign-in provider (the token’s sub)." required>
            {(control) => <input {...control} autoComplete="off" spellCheck={false} value={form.user_id} onChange={(e) => change('user_id', e.target.value)} />}
          </FormField>
          <FormField label="Email" error={shown.email} hint="Admins get alerts at this address." required>
            {(control) => <input {...control} type="email" autoComplete="off" value={form.email} onChange={(e) => change('email', e.target.value)} />}
          </FormField>
          <FormField label="Role" error={shown.role}>
            {(control) => (
              <select {...control} value={form.role} onChange={(e) => change('role', e.target.value as Role)}>
                {ROLES.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <ErrorMessage error={add.error} title="Could not add the member" />
        <SuccessMessage>{added}</SuccessMessage>
        <Button type="submit" variant="primary" pending={add.pending} pendingLabel="Adding…">
          Add member
        </Button>
      </form>
    </Section>
  );
}

function SelfSignup({ org }: { org: string }) {
  const api = useApi();
  const tenant = useTenant();
  const organization = useAsync((signal) => unwrap(api.gateway.GET('/orgs/{org}', { params: { path: { org } }, signal })), [api, org]);
  const [message, setMessage] = useState<string | null>(null);
  const save = useAction((selfSignup: boolean) => unwrap(api.gateway.PATCH('/orgs/{org}', { params: { path: { org } }, body: { self_signup: selfSignup } })));
  const current = organization.data?.self_signup ?? false;
  const link = `${window.location.origin}${import.meta.env.BASE_URL}signup?org=${encodeURIComponent(organization.data?.slug ?? org)}`;
  return (
    <Section title="Sign-up">
      <ErrorMessage error={organization.error} title="Could not load the organization" onRetry={organization.reload} />
      {organization.loading && !organization.data && <Progress label="Loading the organization" />}
      {organization.data && (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={current}
              aria-describedby="self-signup-hint"
              disabled={save.pending}
              onChange={async (e) => {
                setMessage(null);
                const changed = await save.run(e.target.checked);
                if (changed) {
                  organization.setData(changed);
                  tenant.reload();
                  setMessage(changed.self_signup ? 'People can now sign up by themselves and join as users.' : 'Self sign-up is off: only members you add can join.');
                }
              }}
            />
            <span>Let people sign up by themselves and join as users</span>
          </label>
          <p id="self-signup-hint" className="muted">
            {current ? (
              <>
                Sign-up link: <code>{link}</code>
              </>
            ) : (
              'Off: the sign-up link answers that the organization does not exist.'
            )}
          </p>
          <ErrorMessage error={save.error} title="Could not change self sign-up" />
          <SuccessMessage>{message}</SuccessMessage>
        </>
      )}
    </Section>
  );
}
