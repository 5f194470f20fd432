// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveAccess } from '../auth/roles';
import { Layout } from './Layout';

const holder = vi.hoisted(() => ({ myRoles: [] as string[], realmRoles: [] as string[] }));
vi.mock('../auth/AuthContext', () => ({
  useAuth: () => ({ claims: { sub: 'person-1', preferred_username: 'person' }, signOut: async () => undefined }),
  useOptionalAuth: () => null,
}));
vi.mock('../notifications/NotificationsContext', () => ({ useNotifications: () => ({ unreadCount: 0 }) }));
vi.mock('./OrgProjectSwitcher', () => ({ OrgProjectSwitcher: () => null }));
vi.mock('../tenant/TenantContext', () => ({
  useTenant: () => {
    const org = { id: 'org-1', slug: 'demo', name: 'Demo', my_roles: holder.myRoles };
    return {
      status: 'ready',
      error: null,
      orgs: [org],
      org,
      selectOrg: () => undefined,
      access: deriveAccess({ sub: 'person-1', realm_access: { roles: holder.realmRoles } } as never, [org] as never),
      joinError: null,
      reload: () => undefined,
    };
  },
}));

afterEach(cleanup);

function sectionLinks(section: string, myRoles: string[], realmRoles: string[] = []) {
  holder.myRoles = myRoles;
  holder.realmRoles = realmRoles;
  render(
    <MemoryRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<p>home</p>} />
        </Route>
      </Routes>
    </MemoryRouter>,
  );
  return within(screen.getByRole('region', { name: section }))
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);
}

function youLinks(myRoles: string[], realmRoles: string[] = []) {
  return sectionLinks('You', myRoles, realmRoles);
}

describe('the navigation', () => {
  it('offers “Shared with me” to users and to org-admins who are not users, in the “You” section', () => {
    expect(youLinks(['user'])).toContainEqual(['Shared with me', '/shared']);
    cleanup();
    const admin = youLinks(['org-admin']);
    expect(admin).toContainEqual(['Shared with me', '/shared']);
    expect(admin.map(([label]) => label)).not.toContain('Documents');
  });

  it('offers “Business verification” to end users only', () => {
    expect(youLinks(['user'])).toContainEqual(['Business verification', '/kyb']);
    cleanup();
    expect(youLinks(['org-admin']).map(([label]) => label)).not.toContain('Business verification');
  });

  it('does not offer it to a platform admin who is no member of the organization', () => {
    expect(youLinks(['org-admin', 'platform-admin'], ['platform-admin']).map(([label]) => label)).not.toContain('Shared with me');
  });

  it('offers the security incidents to an organization’s admins and to platform admins', () => {
    expect(sectionLinks('Organization: Demo', ['org-admin'])).toContainEqual(['Incidents', '/org/demo/incidents']);
    cleanup();
    expect(sectionLinks('Platform', ['org-admin', 'platform-admin'], ['platform-admin'])).toContainEqual(['Incidents', '/platform/incidents']);
  });

  it('offers the audit trail to an organization’s admins and to platform admins', () => {
    expect(sectionLinks('Organization: Demo', ['org-admin'])).toContainEqual(['Audit trail', '/org/demo/audit']);
    cleanup();
    expect(sectionLinks('Platform', ['org-admin', 'platform-admin'], ['platform-admin'])).toContainEqual(['Audit trail', '/platform/audit']);
  });

  it('offers plan and billing to an organization’s admins, and users and organization management to platform admins only', () => {
    expect(sectionLinks('Organization: Demo', ['org-admin'])).toContainEqual(['Plan and billing', '/org/demo/billing']);
    cleanup();
    const platform = sectionLinks('Platform', ['org-admin', 'platform-admin'], ['platform-admin']);
    expect(platform).toContainEqual(['Manage an organization', '/platform/manage']);
    expect(platform).toContainEqual(['Users', '/platform/users']);
    cleanup();
    holder.myRoles = ['org-admin'];
    holder.realmRoles = [];
    render(
      <MemoryRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<p>home</p>} />
          </Route>
        </Routes>
      </MemoryRouter>,
    );
    expect(screen.queryByRole('region', { name: 'Platform' })).toBeNull();
  });
});
