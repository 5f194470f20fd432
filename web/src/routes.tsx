import { lazy, useEffect } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useAuth } from './auth/AuthContext';
import { CallbackPage } from './auth/CallbackPage';
import { LandingPage } from './auth/LandingPage';
import { RequireAuth } from './auth/RequireAuth';
import { SignUpPage } from './auth/SignUpPage';
import { Layout } from './components/Layout';
import { Page } from './components/Page';
import { useOrgParam } from './tenant/params';
import { useTenant } from './tenant/TenantContext';

// Each page is its own chunk: an end user never downloads the admin pages (nor chart.js).
const OverviewPage = lazy(() => import('./pages/user/OverviewPage'));
const KycPage = lazy(() => import('./pages/user/KycPage'));
const KybPage = lazy(() => import('./pages/user/KybPage'));
const KybCasePage = lazy(() => import('./pages/user/KybCasePage'));
const WalletPage = lazy(() => import('./pages/user/WalletPage'));
const IdentityPage = lazy(() => import('./pages/user/IdentityPage'));
const DocumentsPage = lazy(() => import('./pages/user/DocumentsPage'));
const NotificationsPage = lazy(() => import('./pages/user/NotificationsPage'));
const SharedWithMePage = lazy(() => import('./pages/user/SharedWithMePage'));
const IntegrationsPage = lazy(() => import('./pages/org/IntegrationsPage'));
const ReviewsPage = lazy(() => import('./pages/org/ReviewsPage'));
const ReviewCasePage = lazy(() => import('./pages/org/ReviewCasePage'));
const KybQueuePage = lazy(() => import('./pages/org/KybQueuePage'));
const KybReviewPage = lazy(() => import('./pages/org/KybReviewPage'));
const DocumentReviewsPage = lazy(() => import('./pages/org/DocumentReviewsPage'));
const DocumentCasePage = lazy(() => import('./pages/org/DocumentCasePage'));
const UsersPage = lazy(() => import('./pages/org/UsersPage'));
const WalletsPage = lazy(() => import('./pages/org/WalletsPage'));
const TransactionsPage = lazy(() => import('./pages/org/TransactionsPage'));
const ApprovalsPage = lazy(() => import('./pages/org/ApprovalsPage'));
const PolicyPage = lazy(() => import('./pages/org/PolicyPage'));
const SponsorshipPage = lazy(() => import('./pages/org/SponsorshipPage'));
const ProjectsPage = lazy(() => import('./pages/org/ProjectsPage'));
const ProjectPage = lazy(() => import('./pages/org/ProjectPage'));
const WebhooksPage = lazy(() => import('./pages/org/WebhooksPage'));
const MembersPage = lazy(() => import('./pages/org/MembersPage'));
const UsagePage = lazy(() => import('./pages/org/UsagePage'));
const BillingPage = lazy(() => import('./pages/org/BillingPage'));
const AnalyticsPage = lazy(() => import('./pages/org/AnalyticsPage'));
const PlatformAnalyticsPage = lazy(() => import('./pages/org/AnalyticsPage').then((m) => ({ default: m.PlatformAnalyticsPage })));
const IncidentsPage = lazy(() => import('./pages/org/IncidentsPage'));
const IncidentPage = lazy(() => import('./pages/org/IncidentPage'));
const PlatformIncidentsPage = lazy(() => import('./pages/org/IncidentsPage').then((m) => ({ default: m.PlatformIncidentsPage })));
const PlatformIncidentPage = lazy(() => import('./pages/org/IncidentPage').then((m) => ({ default: m.PlatformIncidentPage })));
const AuditPage = lazy(() => import('./pages/org/AuditPage'));
const PlatformAuditPage = lazy(() => import('./pages/org/AuditPage').then((m) => ({ default: m.PlatformAuditPage })));
const OrganizationsPage = lazy(() => import('./pages/platform/OrganizationsPage'));
const ManageOrganizationPage = lazy(() => import('./pages/platform/ManageOrganizationPage'));
const PlatformUsersPage = lazy(() => import('./pages/platform/PlatformUsersPage'));

function NoAccess() {
  return (
    <Page title="No access">
      <p>Your account cannot open this page. If you think it should, ask your organization&apos;s administrator.</p>
    </Page>
  );
}

function NotFound() {
  return (
    <Page title="Page not found">
      <p>There is no page at this address.</p>
    </Page>
  );
}

/** Signed out at the start page: the landing page; anywhere else signed out: sign in first. */
function Shell() {
  const { status } = useAuth();
  const { pathname } = useLocation();
  if (status === 'signed-out' && pathname === '/') return <LandingPage />;
  return (
    <RequireAuth>
      <Layout />
    </RequireAuth>
  );
}

/** `members`: the users and org-admins of an organization (notifications, documents shared with them). */
function RequireArea({ area }: { area: 'user' | 'members' | 'platform' }) {
  const { access } = useTenant();
  const allowed = area === 'user' ? access.endUser : area === 'members' ? access.notifications : access.platformAdmin;
  return allowed ? <Outlet /> : <NoAccess />;
}

/** `/org/:org/…`: the organization's admins (and platform admins); it becomes the switcher's organization. */
function RequireOrgAdmin() {
  const org = useOrgParam();
  const { access, orgs, org: current, selectOrg } = useTenant();
  const known = orgs.some((o) => o.slug === org || o.id === org);
  useEffect(() => {
    if (known && current?.slug !== org && current?.id !== org) selectOrg(org);
  }, [known, current, org, selectOrg]);
  return access.adminOf(org) ? <Outlet /> : <NoAccess />;
}

/** The console's pages (paths under the router's basename, /console). */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="callback" element={<CallbackPage />} />
      <Route path="signup" element={<SignUpPage />} />
      <Route element={<Shell />}>
        <Route index element={<OverviewPage />} />
        <Route element={<RequireArea area="user" />}>
          <Route path="kyc" element={<KycPage />} />
          <Route path="kyb" element={<KybPage />} />
          <Route path="kyb/:caseId" element={<KybCasePage />} />
          <Route path="wallet" element={<WalletPage />} />
          <Route path="identity" element={<IdentityPage />} />
          <Route path="documents" element={<DocumentsPage />} />
        </Route>
        <Route element={<RequireArea area="members" />}>
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="shared" element={<SharedWithMePage />} />
        </Route>
        <Route path="org/:org" element={<RequireOrgAdmin />}>
          <Route index element={<Navigate to="reviews" replace />} />
          <Route path="integrations" element={<IntegrationsPage />} />
          <Route path="reviews" element={<ReviewsPage />} />
          <Route path="reviews/:caseId" element={<ReviewCasePage />} />
          <Route path="kyb" element={<KybQueuePage />} />
          <Route path="kyb/:caseId" element={<KybReviewPage />} />
          <Route path="documents" element={<DocumentReviewsPage />} />
          <Route path="documents/:caseId" element={<DocumentCasePage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="wallets" element={<WalletsPage />} />
          <Route path="transactions" element={<TransactionsPage />} />
          <Route path="approvals" element={<ApprovalsPage />} />
          <Route path="policy" element={<PolicyPage />} />
          <Route path="sponsorship" element={<SponsorshipPage />} />
          <Route path="projects" element={<ProjectsPage />} />
          <Route path="projects/:project" element={<ProjectPage />} />
          <Route path="webhooks" element={<WebhooksPage />} />
          <Route path="members" element={<MembersPage />} />
          <Route path="usage" element={<UsagePage />} />
          <Route path="billing" element={<BillingPage />} />
          <Route path="analytics" element={<AnalyticsPage />} />
          <Route path="incidents" element={<IncidentsPage />} />
          <Route path="incidents/:id" element={<IncidentPage />} />
          <Route path="audit" element={<AuditPage />} />
        </Route>
        <Route path="platform" element={<RequireArea area="platform" />}>
          <Route index element={<Navigate to="orgs" replace />} />
          <Route path="orgs" element={<OrganizationsPage />} />
          <Route path="manage" element={<ManageOrganizationPage />} />
          <Route path="users" element={<PlatformUsersPage />} />
          <Route path="analytics" element={<PlatformAnalyticsPage />} />
          <Route path="incidents" element={<PlatformIncidentsPage />} />
          <Route path="incidents/:id" element={<PlatformIncidentPage />} />
          <Route path="audit" element={<PlatformAuditPage />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
