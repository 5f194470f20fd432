import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createUserManager } from './auth/userManager';
import { loadConfig } from './config/config';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

loadConfig().then(
  (config) => root.render(<App config={config} userManager={createUserManager(config.oidc)} />),
  (error: unknown) =>
    root.render(
      <main id="main" className="centered">
        <h1>The console cannot start</h1>
        <p role="alert">
          Its configuration could not be loaded: {error instanceof Error ? error.message : String(error)}. Reload the
          page; if this goes on, the deployment serves no valid /console/config.json.
        </p>
      </main>,
    ),
);
