// Persona's official JavaScript SDK (npm persona@5.9.0, unmodified) against a running Attest sandbox, in
// headless Chromium: onReady/open, onComplete (completed and failed), onCancel (button and client.cancel),
// onError (session not valid), the inquiry's status, the signed webhooks, and framing by another origin refused.
// Not run by the build. To run it, from any empty folder:
//   cp <repo>/sandbox/src/test/resources/persona-sdk-check.mjs . && npm i persona@5.9.0 puppeteer-core@25
//   SANDBOX_HOST=localhost:8092 CHROME=/usr/bin/chromium node persona-sdk-check.mjs
// SANDBOX_HOST is what the console passes as customHost (the sandbox's Persona port; its main port works too); the check serves its console page on
// http://localhost:$CONSOLE_PORT (15173) and receives the webhooks there. Exit code 0 when every check passed.
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const SANDBOX_HOST = process.env.SANDBOX_HOST ?? 'localhost:8092'; // what the console passes as customHost
const SANDBOX = `http://${SANDBOX_HOST}`;
const CONSOLE_PORT = Number(process.env.CONSOLE_PORT ?? 15173);
const CONSOLE = `http://localhost:${CONSOLE_PORT}`;
const CHROME = process.env.CHROME ?? '/usr/bin/chromium';
const SDK = fs.readFileSync(require.resolve('persona/dist/persona.js'), 'utf8');

// The console's call, exactly: only customHost differs between the sandbox and real Persona.
const CONSOLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>console</title>
<script src="/persona.js"></script></head><body><h1>Attest console (check)</h1>
<script>
  window.calls = [];
  window.startFlow = function ({ inquiryId, sessionToken, customHost }) {
    window.client = new Persona.Client({
      inquiryId,
      sessionToken,
      customHost, // 'localhost:8090' for the sandbox; undefined for real Persona
      onReady: () => { window.calls.push(['ready']); window.client.open(); },
      onComplete: ({ inquiryId, status, fields }) => window.calls.push(['complete', { inquiryId, status, fields }]),
      onCancel: ({ inquiryId, sessionToken }) => window.calls.push(['cancel', { inquiryId, sessionToken }]),
      onError: (error) => window.calls.push(['error', error]),
      onEvent: (name, metadata) => window.calls.push(['event', name, metadata ?? null]),
    });
  };
</script></body></html>`;

const hooks = [];
const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/hooks') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      hooks.push({ signature: req.headers['persona-signature'], body: Buffer.concat(chunks) });
      res.end('ok');
    });
    return;
  }
  if (req.url === '/persona.js') {
    res.setHeader('content-type', 'text/javascript');
    return res.end(SDK);
  }
  res.setHeader('content-type', 'text/html');
  res.end(CONSOLE_PAGE);
});
await new Promise((r) => server.listen(CONSOLE_PORT, '127.0.0.1', r));

const key = 'key_check_' + crypto.randomBytes(6).toString('hex');
const secret = 'wbhsec_' + key;
async function api(method, path, body, auth = true) {
  const response = await fetch(SANDBOX + path, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: 'Bearer ' + key } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
await api('POST', '/persona/_sandbox/organizations', {
  api_key: key, webhook_url: `http://127.0.0.1:${CONSOLE_PORT}/hooks`, webhook_secret: secret,
  scenario: { decision: 'auto-approve' },
}, false);
async function newSession() {
  const created = await api('POST', '/persona/api/v1/inquiries', { data: { attributes: {
    'inquiry-template-id': 'itmpl_check', 'reference-id': crypto.randomUUID(),
    fields: { 'name-first': { type: 'string', value: 'Ada' } } } } });
  return { inquiryId: created.data.id, sessionToken: created.meta['session-token'] };
}

const browser = await puppeteer.launch({
  executablePath: CHROME, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let failures = 0;
function check(what, ok, detail) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : ' :: ' + JSON.stringify(detail)}`);
  if (!ok) failures++;
}
const until = async (fn, ms = 10000) => {
  const end = Date.now() + ms;
  for (;;) { const v = await fn(); if (v || Date.now() > end) return v; await new Promise((r) => setTimeout(r, 100)); }
};

async function run(name, session, act) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`  [${name}] page error: ${e.message}`));
  await page.goto(CONSOLE + '/');
  await page.evaluate((s) => window.startFlow(s), { ...session, customHost: SANDBOX_HOST });
  const calls = () => page.evaluate(() => window.calls);
  const result = await act(page, calls);
  await page.close();
  return result;
}

async function widgetFrame(page) {
  return until(() => page.frames().find((f) => f.url().startsWith(SANDBOX + '/widget')));
}

// 1. complete, with the keyboard
{
  const session = await newSession();
  await run('complete', session, async (page, calls) => {
    await until(async () => (await calls()).some((c) => c[0] === 'ready'));
    const frame = await widgetFrame(page);
    check('iframe src is the sandbox /widget with the SDK parameters', /\/widget\?client-version=5\.9\.0&container-id=persona-widget-[a-z0-9]+&flow-type=embedded&iframe-origin=http%3A%2F%2Flocalhost%3A\d+&inquiry-id=inq_/.test(frame.url()), frame.url());
    await frame.waitForSelector('#complete');
    check('the SDK shows the overlay (isOpen)', await page.evaluate(() => window.client.isOpen), null);
    const focused = await until(() => frame.evaluate(() => document.activeElement && document.activeElement.id), 3000);
    check('open() moves the focus to the first button', focused === 'complete', focused);
    await frame.focus('#complete');
    await page.keyboard.press('Enter');
    const done = await until(async () => (await calls()).find((c) => c[0] === 'complete'));
    check('onComplete({inquiryId, status: completed, fields})', done && done[1].inquiryId === session.inquiryId && done[1].status === 'completed' && done[1].fields['name-first'].value === 'Ada', done);
    check('the SDK closed the overlay', !(await page.evaluate(() => window.client.isOpen)), null);
    const names = (await calls()).filter((c) => c[0] === 'event').map((c) => c[1]);
    check('onEvent saw load, ready, start, complete', JSON.stringify(names) === JSON.stringify(['load', 'ready', 'start', 'complete']), names);
  });
  const inquiry = await api('GET', '/persona/api/v1/inquiries/' + session.inquiryId);
  check('the inquiry is approved (auto-approve scenario)', inquiry.data.attributes.status === 'approved', inquiry.data.attributes.status);
  const mine = await until(() => {
    const list = hooks.map((h) => ({ h, e: JSON.parse(h.body) })).filter((x) => x.e.data.attributes.payload.data.id === session.inquiryId);
    return list.length >= 6 ? list : null;
  });
  const names = (mine ?? []).map((x) => x.e.data.attributes.name).sort();
  check('webhooks: created, started, transitioned ×2, completed, approved', JSON.stringify(names) === JSON.stringify(['inquiry.approved', 'inquiry.completed', 'inquiry.created', 'inquiry.started', 'inquiry.transitioned', 'inquiry.transitioned']), names);
  const signed = (mine ?? []).every(({ h }) => {
    const [t, v1] = h.signature.split(',');
    const ts = t.slice(2);
    const mac = crypto.createHmac('sha256', secret).update(ts + '.' + h.body.toString('utf8')).digest('hex');
    return v1 === 'v1=' + mac;
  });
  check('every webhook is signed with the organization\'s secret', signed && mine.length > 0, null);
}

// 2. fail
{
  const session = await newSession();
  await run('fail', session, async (page, calls) => {
    const frame = await widgetFrame(page);
    await frame.waitForSelector('#fail');
    await frame.click('#fail');
    const done = await until(async () => (await calls()).find((c) => c[0] === 'complete'));
    check('fail → onComplete({status: failed})', done && done[1].status === 'failed' && done[1].inquiryId === session.inquiryId, done);
  });
  const inquiry = await api('GET', '/persona/api/v1/inquiries/' + session.inquiryId);
  check('the inquiry is failed', inquiry.data.attributes.status === 'failed', inquiry.data.attributes.status);
}

// 3. abandon button, then the same session again, then client.cancel()
{
  const session = await newSession();
  await run('abandon', session, async (page, calls) => {
    const frame = await widgetFrame(page);
    await frame.waitForSelector('#abandon');
    await frame.click('#abandon');
    const left = await until(async () => (await calls()).find((c) => c[0] === 'cancel'));
    check('abandon → onCancel({inquiryId, sessionToken})', left && left[1].inquiryId === session.inquiryId && left[1].sessionToken === session.sessionToken, left);
    check('the SDK closed the overlay', !(await page.evaluate(() => window.client.isOpen)), null);
  });
  const inquiry = await api('GET', '/persona/api/v1/inquiries/' + session.inquiryId);
  check('the inquiry stays pending', inquiry.data.attributes.status === 'pending', inquiry.data.attributes.status);
  await run('cancel', session, async (page, calls) => {
    const frame = await widgetFrame(page);
    await frame.waitForSelector('#abandon');
    await page.evaluate(() => window.client.cancel(true));
    const left = await until(async () => (await calls()).find((c) => c[0] === 'cancel'));
    check('client.cancel(true) → onCancel with the same session', left && left[1].sessionToken === session.sessionToken, left);
  });
}

// 4. a session that is not valid
{
  const session = await newSession();
  await run('error', { ...session, sessionToken: 'sess_wrong' }, async (page, calls) => {
    const error = await until(async () => (await calls()).find((c) => c[0] === 'error'));
    check('bad session → onError({status: 409, code: unauthenticated})', error && error[1].status === 409 && error[1].code === 'unauthenticated', error);
  });
}

// 5. another origin may not frame the flow (CSP frame-ancestors names the console only)
{
  const session = await newSession();
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${CONSOLE_PORT}/`); // same server, another origin
  const url = `${SANDBOX}/widget?container-id=x&iframe-origin=${encodeURIComponent(CONSOLE)}&inquiry-id=${session.inquiryId}&session-token=${session.sessionToken}`;
  await page.evaluate((u) => { const f = document.createElement('iframe'); f.src = u; document.body.append(f); }, url);
  await new Promise((r) => setTimeout(r, 1500));
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const content = frame ? await frame.evaluate(() => document.querySelector('#complete') ? 'flow' : 'blocked').catch(() => 'blocked') : 'blocked';
  check('a page of another origin cannot frame the flow', content === 'blocked', content);
  await page.close();
}

await browser.close();
server.close();
console.log(failures === 0 ? 'all checks passed' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
