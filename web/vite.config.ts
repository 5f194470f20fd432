/// <reference types="vitest/config" />
import { readFile } from 'node:fs/promises';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway of the running local stack (`./attest up`). Override with ATTEST_GATEWAY_URL.
const gateway = process.env.ATTEST_GATEWAY_URL ?? 'http://127.0.0.1:8080';

// API paths the dev server forwards to the gateway (same origin in production).
const apiPaths = ['/orgs', '/compliance', '/wallets', '/identities', '/notifications', '/platform', '/documents', '/openapi.json'];

/**
 * Dev server only: `/console/config.json` comes from the gateway when it serves one, else from
 * dev/config.json. Production builds never contain nor read that file.
 */
function devRuntimeConfig(): Plugin {
  return {
    name: 'attest-dev-runtime-config',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/console/config.json', async (_req, res) => {
        let body: string;
        try {
          const answer = await fetch(`${gateway}/console/config.json`);
          if (!answer.ok) throw new Error(String(answer.status));
          body = await answer.text();
        } catch {
          body = await readFile(new URL('./dev/config.json', import.meta.url), 'utf8');
        }
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
      });
    },
  };
}

export default defineConfig({
  base: '/console/',
  plugins: [react(), devRuntimeConfig()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // Routed through the gateway exactly as in production (responses stream, so SSE passes).
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
  build: {
    sourcemap: true,
  },
  test: {
    // Logic tests run in Node; component tests start with `// @vitest-environment jsdom`.
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
    restoreMocks: true,
  },
});
