import type { UserManager } from 'oidc-client-ts';
import { StrictMode, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiProvider } from './api/ApiContext';
import { AuthProvider } from './auth/AuthContext';
import type { ConsoleConfig } from './config/config';
import { ConfigContext } from './config/ConfigContext';
import { NotificationsProvider } from './notifications/NotificationsContext';
import { AppRoutes } from './routes';
import { TenantProvider, useTenant } from './tenant/TenantContext';

/** Served under /console/ (vite `base`); the router's paths are relative to it. */
export const BASENAME = import.meta.env.BASE_URL.replace(/\/$/, '');

function LiveNotifications({ children }: { children: ReactNode }) {
  const { access } = useTenant();
  return <NotificationsProvider enabled={access.notifications}>{children}</NotificationsProvider>;
}

export function App({ config, userManager }: { config: ConsoleConfig; userManager: UserManager }) {
  return (
    <StrictMode>
      <ConfigContext.Provider value={config}>
        <AuthProvider manager={userManager}>
          <ApiProvider>
            <TenantProvider>
              <LiveNotifications>
                <BrowserRouter basename={BASENAME}>
                  <AppRoutes />
                </BrowserRouter>
              </LiveNotifications>
            </TenantProvider>
          </ApiProvider>
        </AuthProvider>
      </ConfigContext.Provider>
    </StrictMode>
  );
}
