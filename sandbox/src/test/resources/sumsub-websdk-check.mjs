// Sumsub's official WebSDK (npm @sumsub/websdk@2.9.0, unmodified) against a running Attest sandbox, in headless
// Chromium: the SDK finds the sandbox from the access token alone (its url claim), loads the flow in its iframe, the
// person uploads a document and a selfie, the applicant is submitted (pending) and the SDK's messages arrive as the
// real ones do; a scripted review reaches the SDK as idCheck.onApplicantStatusChanged; an unknown token goes the
// SDK's token-renewal path (updateAccessToken), and an error when the renewal fails; a WebSDK link's hosted page runs
// the same flow; the webhooks arrive with a valid X-Payload-Digest.
// Not run by the build. To run it, from any empty folder:
//   cp <repo>/sandbox/src/test/resources/sumsub-websdk-check.mjs . && npm i @sumsub/websdk@2.9.0 puppeteer-core@25
//   SUMSUB_ORIGIN=http://127.0.0.1:8093 CHROME=/usr/bin/chromium node sumsub-websdk-check.mjs
// SUMSUB_ORIGIN is the sandbox's Sumsub port (the base URL a Sumsub client is given; its scripting is at
// /_sandbox there too). The check serves its console page on http://127.0.0.1:$CONSOLE_PORT (15174) and receives
// the webhooks there. Exit code 0 when every check passed.
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const ORIGIN = (process.env.SUMSUB_ORIGIN ?? 'http://127.0.0.1:8093').replace(/\/$/, '');
const CONSOLE_PORT = Number(process.env.CONSOLE_PORT ?? 15174);
const CONSOLE = `http://127.0.0.1:${CONSOLE_PORT}`;
const CHROME = process.env.CHROME ?? '/usr/bin/chromium';
const SDK = fs.readFileSync(require.resolve('@sumsub/websdk/dist/index.esm.js'), 'utf8');
const LEVEL = 'basic-kyc-level';

// The console's call, as Sumsub documents it: the token and a renewal callback; withBaseUrl only where a check says.
const CONSOLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>console</title></head>
<body><h1>Attest console (check)</h1><div id="sumsub-websdk-container"></div>
<script type="module">
  import snsWebSdk from '/websdk.js';
  window.calls = [];
  window.renewals = 0;
  window.startFlow = function ({ accessToken, baseUrl, renewWith }) {
    let builder = snsWebSdk.init(accessToken, () => {
      window.renewals++;
      return renewWith ? Promise.resolve(renewWith) : Promise.reject(new Error('no new token'));
    });
    if (baseUrl) builder = builder.withBaseUrl(baseUrl);
    window.sdk = builder
      .withConf({ lang: 'en' })
      .withOptions({ addViewportTag: false, adaptIframeHeight: true })
      .on('idCheck.onError', (error) => window.calls.push(['error', error]))
      .onMessage((type, payload) => window.calls.push([type, payload]))
      .build();
    window.sdk.launch('#sumsub-websdk-container');
  };
</script></body></html>`;

const hooks = [];
const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/hooks') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      hooks.push({ digest: req.headers['x-payload-digest'], alg: req.headers['x-payload-digest-alg'], body: Buffer.concat(chunks) });
      res.end('ok');
    });
    return;
  }
  if (req.url === '/websdk.js') {
    res.setHeader('content-type', 'text/javascript');
    return res.end(SDK);
  }
  res.setHeader('content-type', 'text/html');
  res.end(CONSOLE_PAGE);
});
await new Promise((r) => server.listen(CONSOLE_PORT, '127.0.0.1', r));

// An app of the check's own, its webhooks to the server above.
const id = crypto.randomBytes(6).toString('hex');
const app = { token: 'sbx:check_' + id, secret: 'secret_' + id, webhookSecret: 'whsec_' + id };
async function scripting(pathname, body) {
  const response = await fetch(ORIGIN + '/_sandbox' + pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
}
await scripting('/apps', { app_token: app.token, secret_key: app.secret, webhook_secret: app.webhookSecret, webhook_url: `${CONSOLE}/hooks` });

/** A signed request as Sumsub's server SDKs sign it: HMAC-SHA256(secret, ts + METHOD + path + body), hex. */
async function api(method, pathname, body) {
  const text = body ? JSON.stringify(body) : '';
  const ts = Math.floor(Date.now() / 1000).toString();
  const sig = crypto.createHmac('sha256', app.secret).update(ts + method + pathname + text).digest('hex');
  const response = await fetch(ORIGIN + pathname, {
    method,
    headers: { 'content-type': 'application/json', 'X-App-Token': app.token, 'X-App-Access-Ts': ts, 'X-App-Access-Sig': sig },
    body: body ? text : undefined,
  });
  const answer = await response.text();
  if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${answer}`);
  return JSON.parse(answer);
}
const accessToken = async (userId) => (await api('POST', '/resources/accessTokens/sdk', { userId, levelName: LEVEL, ttlInSecs: 600 })).token;

const browser = await puppeteer.launch({
  executablePath: CHROME, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let failures = 0;
function check(what, ok, detail) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : ' :: ' + JSON.stringify(detail)}`);
  if (!ok) failures++;
}
const until = async (fn, ms = 15000) => {
  const end = Date.now() + ms;
  for (;;) { const v = await fn(); if (v || Date.now() > end) return v; await new Promise((r) => setTimeout(r, 100)); }
};
const fakeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sumsub-check-')), 'passport.png');
fs.writeFileSync(fakeFile, crypto.randomBytes(256));

async function consolePage(name) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`  [${name}] page error: ${e.message}`));
  await page.goto(CONSOLE + '/');
  await page.waitForFunction(() => typeof window.startFlow === 'function');
  return page;
}
const calls = (page) => page.evaluate(() => window.calls);
const named = async (page, name) => (await calls(page)).filter((c) => c[0] === name);
async function sdkFrame(page) {
  return until(() => page.frames().find((f) => f.url().startsWith(ORIGIN + '/websdk/websdk.html')));
}

/** The person's part: each step's form, a file, Continue; the flow submits after the last step. */
async function takeSteps(frame, steps) {
  for (const [step, idDocType] of steps) {
    const form = await frame.waitForSelector(`#step[data-step="${step}"]`, { timeout: 15000 });
    await frame.select('#idDocType', idDocType);
    const input = await form.$('#file');
    await input.uploadFile(fakeFile);
    await frame.click('#continue');
  }
  await frame.waitForSelector('#status[data-review-status="pending"]', { timeout: 15000 });
}

// 1. The flow, with the token alone: the SDK takes its base URL from the token's url claim.
const userId = 'check-user-' + id;
{
  const token = await accessToken(userId);
  const page = await consolePage('flow');
  await page.evaluate((s) => window.startFlow(s), { accessToken: token });
  const frame = await sdkFrame(page);
  const expectedSrc = `${ORIGIN}/websdk/websdk.html?_=id_${Buffer.from(token, 'latin1').toString('base64')}`;
  check('iframe src is the sandbox\'s /websdk/websdk.html?_=id_<btoa(token)>, from the token alone', frame && frame.url() === expectedSrc, frame && frame.url());
  await takeSteps(frame, [['IDENTITY', 'PASSPORT'], ['SELFIE', 'SELFIE']]);
  const submitted = await until(async () => (await named(page, 'idCheck.onApplicantStatusChanged')).length > 0);
  const all = await calls(page);
  const types = all.map((c) => c[0]).filter((t) => t !== 'idCheck.onResize');
  const expected = ['idCheck.onReady', 'idCheck.onInitialized', 'idCheck.onApplicantLoaded', 'idCheck.applicantStatus',
    'idCheck.onStepInitiated', 'idCheck.onDocumentAdded', 'idCheck.onStepCompleted',
    'idCheck.onStepInitiated', 'idCheck.onDocumentAdded', 'idCheck.onStepCompleted',
    'idCheck.onApplicantSubmitted', 'idCheck.onApplicantStatusChanged'];
  check('onMessage saw the flow\'s messages in order', submitted && JSON.stringify(types) === JSON.stringify(expected), types);
  const loaded = all.find((c) => c[0] === 'idCheck.onApplicantLoaded');
  const applicantId = loaded && loaded[1].applicantId;
  check('idCheck.onApplicantLoaded {applicantId}', /^[0-9a-f]{24}$/.test(applicantId ?? ''), loaded);
  const steps = all.filter((c) => c[0] === 'idCheck.onStepInitiated').map((c) => c[1]);
  check('idCheck.onStepInitiated {idDocSetType, types}: IDENTITY then SELFIE', steps.length === 2 && steps[0].idDocSetType === 'IDENTITY' && steps[0].types.includes('PASSPORT') && steps[1].idDocSetType === 'SELFIE', steps);
  const changed = all.find((c) => c[0] === 'idCheck.onApplicantStatusChanged');
  check('idCheck.onApplicantStatusChanged {reviewStatus: pending, levelName, creationDate, reprocessing, autoChecked, applicantId}',
    changed && changed[1].reviewStatus === 'pending' && changed[1].levelName === LEVEL && changed[1].reprocessing === false
      && changed[1].autoChecked === false && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(changed[1].creationDate) && changed[1].applicantId === applicantId, changed);
  check('no message carries the SDK\'s internals (method, sessionId, frameId)', all.every((c) => c[1] && !('method' in c[1]) && !('sessionId' in c[1]) && !('frameId' in c[1])), null);
  check('onResize adapted the iframe\'s height', await page.evaluate(() => document.querySelector('#sumsub-websdk-container iframe').style.height !== ''), null);

  const byExternal = await api('GET', `/resources/applicants/-;externalUserId=${userId}/one`);
  check('GET /resources/applicants/-;externalUserId=…/one: the applicant, pending', byExternal.id === applicantId && byExternal.review.reviewStatus === 'pending', byExternal.review);

  await scripting(`/applicants/${applicantId}/review`, { answer: 'GREEN' });
  const reviewed = await until(async () => (await named(page, 'idCheck.onApplicantStatusChanged')).find((c) => c[1].reviewStatus === 'completed'));
  check('a scripted review reaches the SDK: onApplicantStatusChanged {completed, reviewResult: GREEN}', reviewed && reviewed[1].reviewResult.reviewAnswer === 'GREEN', reviewed);
  await page.close();

  const mine = await until(() => {
    const list = hooks.filter((h) => JSON.parse(h.body).applicantId === applicantId);
    return list.length >= 3 ? list : null;
  });
  const names = (mine ?? []).map((h) => JSON.parse(h.body).type);
  check('webhooks: applicantCreated, applicantPending, applicantReviewed', JSON.stringify(names) === JSON.stringify(['applicantCreated', 'applicantPending', 'applicantReviewed']), names);
  const digested = (mine ?? []).every((h) => h.alg === 'HMAC_SHA256_HEX'
    && h.digest === crypto.createHmac('sha256', app.webhookSecret).update(h.body).digest('hex'));
  check('every webhook has X-Payload-Digest = HMAC-SHA256(webhook secret, raw body)', digested && mine.length > 0, null);
}

// 2. An unknown token: the SDK's renewal path (updateAccessToken), and the flow goes on with the new token.
{
  const page = await consolePage('renewed');
  await page.evaluate((s) => window.startFlow(s), { accessToken: '_act-sbx-not-a-token', baseUrl: ORIGIN, renewWith: await accessToken('check-renewed-' + id) });
  const loaded = await until(async () => (await named(page, 'idCheck.onApplicantLoaded')).length > 0);
  check('unknown token (withBaseUrl): the SDK asked for a new token once and the flow loaded with it', loaded && await page.evaluate(() => window.renewals) === 1, await calls(page));
  check('the invalid-token error went to the renewal, not to onError', (await named(page, 'error')).length === 0, await calls(page));
  await page.close();
}

// 3. An unknown token and a renewal that fails: the SDK's on('idCheck.onError').
{
  const page = await consolePage('refused');
  await page.evaluate((s) => window.startFlow(s), { accessToken: '_act-sbx-not-a-token', baseUrl: ORIGIN });
  const errors = await until(async () => { const e = await named(page, 'error'); return e.length ? e : null; });
  // The SDK hands the frame the renewal's rejection as the error; the frame gives it back with its code.
  check('renewal refused: on(idCheck.onError) {code: unauthorized, error: the renewal\'s reason}', errors && errors[0][1].code === 'unauthorized' && errors[0][1].error === 'no new token', errors);
  check('…after one call of updateAccessToken', await page.evaluate(() => window.renewals) === 1, null);
  const frame = await sdkFrame(page);
  check('the frame shows the error', frame && (await frame.$eval('#error', (e) => e.textContent)) === 'no new token', null);
  await page.close();
}

// 4. A WebSDK link: the hosted page runs the same flow for its applicant, no SDK around it.
{
  const linkUser = 'check-link-' + id;
  const { url } = await api('POST', '/resources/sdkIntegrations/levels/-/websdkLink', { levelName: LEVEL, userId: linkUser, ttlInSecs: 1800 });
  check('websdkLink {url} at the sandbox\'s Sumsub origin', url.startsWith(ORIGIN + '/websdk/p/sbx_'), url);
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`  [link] page error: ${e.message}`));
  await page.goto(url);
  await takeSteps(page.mainFrame(), [['IDENTITY', 'ID_CARD'], ['SELFIE', 'SELFIE']]);
  const applicant = await api('GET', `/resources/applicants/-;externalUserId=${linkUser}/one`);
  check('the link\'s applicant is pending', applicant.review.reviewStatus === 'pending', applicant.review);
  await page.close();
}

await browser.close();
server.close();
console.log(failures === 0 ? 'all checks passed' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
