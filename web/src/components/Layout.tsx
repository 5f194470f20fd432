import { Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { displayName } from '../auth/roles';
import { useNotifications } from '../notifications/NotificationsContext';
import { useTenant } from '../tenant/TenantContext';
import type { Access } from '../auth/roles';
import { ErrorMessage } from './ErrorMessage';
import { OrgProjectSwitcher } from './OrgProjectSwitcher';
import { Progress } from './Progress';

interface NavItem {
  to: string;
  label: ReactNode;
  end?: boolean;
}

function userLinks(access: Access): NavItem[] {
  return [
    { to: '/', label: 'Overview', end: true },
    ...(access.endUser
      ? [
          { to: '/kyc', label: 'Verification' },
          { to: '/kyb', label: 'Business verification' },
          { to: '/wallet', label: 'Wallet' },
          { to: '/identity', label: 'Identity' },
          { to: '/documents', label: 'Documents' },
        ]
      : []),
    // Users and org-admins alike: an auditor is any member of the organization.
    ...(access.notifications ? [{ to: '/shared', label: 'Shared with me' }] : []),
    ...(access.notifications ? [{ to: '/notifications', label: <>Notifications <UnreadBadge /></> }] : []),
  ];
}

function orgLinks(org: string): NavItem[] {
  const base = `/org/${encodeURIComponent(org)}`;
  return [
    ['reviews', 'Review queue'],
    ['kyb', 'Business verifications'],
    ['documents', 'Document reviews'],
    ['users', 'Users'],
    ['wallets', 'Wallets'],
    ['transactions', 'Transactions'],
    ['approvals', 'Transfer approvals'],
    ['policy', 'Spending policy'],
    ['sponsorship', 'Gas sponsorship'],
    ['integrations', 'Integrations'],
    ['projects', 'Projects and API keys'],
    ['webhooks', 'Webhooks'],
    ['members', 'Members'],
    ['usage', 'Usage'],
    ['billing', 'Plan and billing'],
    ['analytics', 'Analytics'],
    ['incidents', 'Incidents'],
    ['audit', 'Audit trail'],
  ].map(([path, label]) => ({ to: `${base}/${path}`, label }));
}

function NavSection({ label, links }: { label: string; links: NavItem[] }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="nav-section">
      <h2 id={id}>{label}</h2>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end ?? false}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

function UnreadBadge() {
  const { unreadCount } = useNotifications();
  if (unreadCount === 0) return null;
  return (
    <span className="badge">
      {unreadCount}
      <span className="visually-hidden"> unread</span>
    </span>
  );
}

/** The signed-in shell: skip link, header (who, organization and project, sign-out), navigation by role, main. */
export function Layout() {
  const { claims, signOut } = useAuth();
  const tenant = useTenant();
  const { access, org } = tenant;
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();

  // After following a link: close the phone menu and move the focus to the new page, as a full page
  // load would (screen readers then read it from its heading).
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    setMenuOpen(false);
    main.current?.focus();
  }, [location.pathname]);

  const orgSlug = org?.slug;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" end>
          Attest <span className="muted">console</span>
        </NavLink>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls={navId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <div className="header-tools">
          {access.notifications && (
            <NavLink to="/notifications" className="header-notifications">
              Notifications <UnreadBadge />
            </NavLink>
          )}
          <OrgProjectSwitcher />
          <span className="user-name">{claims ? displayName(claims) : ''}</span>
          <button type="button" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <nav id={navId} aria-label="Main" className={menuOpen ? 'app-nav open' : 'app-nav'}>
        <NavSection label="You" links={userLinks(access)} />
        {orgSlug && access.adminOf(orgSlug) && (
          <NavSection label={`Organization: ${org?.name ?? orgSlug}`} links={orgLinks(orgSlug)} />
        )}
        {access.platformAdmin && (
          <NavSection
            label="Platform"
            links={[
              { to: '/platform/orgs', label: 'Organizations' },
              { to: '/platform/manage', label: 'Manage an organization' },
              { to: '/platform/users', label: 'Users' },
              { to: '/platform/analytics', label: 'Analytics' },
              { to: '/platform/incidents', label: 'Incidents' },
              { to: '/platform/audit', label: 'Audit trail' },
            ]}
          />
        )}
      </nav>
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        {tenant.status === 'loading' ? (
          <Progress label="Loading your organizations" />
        ) : tenant.status === 'error' ? (
          <ErrorMessage error={tenant.error} title="Could not load your organizations" onRetry={tenant.reload} />
        ) : (
          <Suspense fallback={<Progress label="Loading the page" />}>
            <Outlet />
          </Suspense>
        )}
      </main>
    </div>
  );
}
