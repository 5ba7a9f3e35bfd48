// harness.mjs — shared pieces of the browser tests: a static server for build/web/site, Debian's
// chromium driven by playwright-core (never a downloaded browser), pages that record console
// errors, and small assertion helpers.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../../..');
// The site under test: build/web/site, or SITE_DIR when set (e.g. a build made elsewhere).
export const siteDir = process.env.SITE_DIR ? path.resolve(process.env.SITE_DIR) : path.join(repo, 'build/web/site');
export const artifacts = path.join(repo, 'tests/browser/artifacts');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

// Serves `root` on 127.0.0.1 at a random free port; gzip when the client accepts it (like a real
// static host), so load times are realistic. Returns {url, close, bytesSent()}.
export async function startServer(root = siteDir) {
  let sent = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' };
      if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        body = zlib.gzipSync(body, { level: 6 });
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = body.length;
      sent += body.length;
      res.writeHead(200, headers).end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)), bytesSent: () => sent };
}

const ARGS = ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--ignore-gpu-blocklist',
  '--use-angle=swiftshader'];

// A fresh browser profile (its own temporary user-data-dir) with one viewport and pixel ratio.
// Playwright refuses --user-data-dir in args, so the fresh directory is given to
// launchPersistentContext, which passes it to chromium.
// `touch: true` gives a phone-like context (hasTouch, isMobile) for touch input.
export async function launch({ width = 1280, height = 800, dpr = 1, touch = false } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', headless: true, args: ARGS,
    viewport: { width, height }, deviceScaleFactor: dpr, ...(touch ? { hasTouch: true, isMobile: true } : {}),
  });
  return {
    context,
    async close() { await context.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

// Opens the playground and waits for window.playground.ready. Console errors and page errors are
// collected in page.problems (tests assert it stays empty).
export async function openPlayground(context, baseUrl, query = '') {
  const page = context.pages()[0] && context.pages()[0].url() === 'about:blank' ? context.pages()[0] : await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push('console: ' + m.text()); });
  page.on('pageerror', (e) => page.problems.push('pageerror: ' + e.message));
  const t0 = Date.now();
  await page.goto(baseUrl + 'index.html' + query);
  await page.waitForFunction(() => window.playground && window.playgroundHost, null, { timeout: 30000 });
  await page.evaluate(() => window.playground.ready);
  page.loadMs = Date.now() - t0;
  page.readyAtMs = await page.evaluate(() => window.playgroundHost.readyAt);
  return page;
}

// ---- Waiting for the app, never for a guessed number of frames or milliseconds ----
// Real input reaches ImGui's queue as soon as Playwright's call returns; frames then hand it to the
// UI a few events at a time (a press and its release in separate frames). On a busy machine frames
// are slow and far apart, so a test that waits "3 frames" or "300 ms" races the app.

// Resolves once every input event sent so far has been handed to the UI and at least `frames`
// frames have been drawn since the call (what an API call such as showPanel needs to show).
export async function settle(page, { frames = 1, timeout = 60000 } = {}) {
  const start = await page.evaluate(() => window.playground.inputState().frames);
  await page.waitForFunction(([from, k]) => {
    const s = window.playground.inputState();
    return s.pending === 0 && s.frames >= from + k;
  }, [start, frames], { timeout, polling: 'raf' });
}

// Resolves with window.playground[what]() (its `key` part when given) once it is the same in two
// consecutive frames with no input pending: a layout that has finished moving (windows open over
// two frames, a fit animates, a card sizes itself) before a test clicks what it reports.
export function stable(page, what = 'layout', key = null, timeout = 60000) {
  return page.evaluate(([w, k, ms]) => new Promise((resolve, reject) => {
    let last = null, lastFrame = -1;
    const t0 = performance.now();
    const tick = () => {
      const s = window.playground.inputState();
      if (s.frames !== lastFrame) {
        const v = window.playground[w]();
        const text = JSON.stringify(k ? v[k] : v);
        if (text === last && s.pending === 0) { resolve(k ? v[k] : v); return; }
        last = text;
        lastFrame = s.frames;
      }
      if (performance.now() - t0 > ms) { reject(new Error(`${w}${k ? '.' + k : ''} never settled`)); return; }
      requestAnimationFrame(tick);
    };
    tick();
  }), [what, key, timeout]);
}

// A key press (e.g. 'Control+d') or click (CSS px) with the real keyboard/mouse, resolved once the
// app has handled it.
export async function press(page, keys) {
  await page.keyboard.press(keys);
  await settle(page);
}
export async function click(page, x, y) {
  await page.mouse.click(x, y);
  await settle(page);
}

// For claims that something does NOT happen (no redraw, no autosave, no message): watch for at
// least `ms` of real time and at least `frames` frames, whichever ends later. Only for negatives.
export async function watchFor(page, ms, frames = 2) {
  const start = await page.evaluate(() => window.playground.inputState().frames);
  const t0 = Date.now();
  await page.waitForFunction(([from, k]) => window.playground.inputState().frames >= from + k, [start, frames],
    { timeout: 60000, polling: 'raf' });
  if (Date.now() - t0 < ms) await page.waitForTimeout(ms - (Date.now() - t0));
}

// Resolves once `done(arg)` holds in the page (checked every frame); on timeout, fails with the state.
export async function until(page, done, what, arg = null, timeout = 30000) {
  try {
    await page.waitForFunction(done, arg, { timeout, polling: 'raf' });
  } catch {
    throw new Error(`${what}: never happened (state ${JSON.stringify(await page.evaluate(() => window.playground.state()))})`);
  }
}

// The rect of a marked UI item (layout().items[name]) once it is drawn and the layout is stable.
// An item may appear a frame or two after the request that shows it (ImGui selects a requested tab
// on the next frame), so this waits for the item first, then for the layout to settle.
export async function layoutItem(page, name, timeout = 30000) {
  try {
    await page.waitForFunction((n) => !!(window.playground.layout().items || {})[n], name, { timeout, polling: 'raf' });
  } catch { /* reported below with the items that are drawn */ }
  const l = await stable(page, 'layout');
  const r = l.items && l.items[name];
  assert(r, `layout().items has ${name}: ${Object.keys(l.items || {})}`);
  return r;
}

export function assert(cond, message) { if (!cond) throw new Error(message); }
// JSON with object keys sorted, so equality does not depend on key order.
const canonical = (v) => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.keys(x).sort().map((key) => [key, x[key]])) : x));
export function assertEq(actual, expected, what) {
  if (canonical(actual) !== canonical(expected))
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function saveArtifact(name, buf) {
  fs.mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, name);
  fs.writeFileSync(file, buf);
  return file;
}

// A real mouse drag (CSS px); every step is handled by the app before the next one is sent, so
// the app sees each movement (queued moves would merge into one). `app` is the page or frame running
// the playground when it differs from `page` (an embed's iframe; its coordinates are then the page's).
// `midway(app)` runs with the button still down, after half of the steps.
export async function drag(page, from, to, { steps = 12, button = 'left', app = page, midway = null } = {}) {
  await page.mouse.move(from[0], from[1]);
  await settle(app);
  await page.mouse.down({ button });
  await settle(app);
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from[0] + (to[0] - from[0]) * i / steps, from[1] + (to[1] - from[1]) * i / steps);
    await settle(app);
    if (midway && i === Math.ceil(steps / 2)) await midway(app);
  }
  await page.mouse.up({ button });
  await settle(app);
}

export const api = (page, fn, arg) => page.evaluate(fn, arg);

// A small pattern with a fixed layout, for interaction tests.
export function twoNodePattern(extraNodes = []) {
  return {
    format: 'serverless-playground/1', name: 'Two nodes', seed: 1,
    nodes: [{ id: 'api', type: 'apigateway', config: {} }, { id: 'fn', type: 'lambda', config: {} }, ...extraNodes],
    edges: [], traffic: [],
    layout: { nodes: { api: { x: 40, y: 100 }, fn: { x: 360, y: 100 },
      ...Object.fromEntries(extraNodes.map((n, i) => [n.id, { x: 200, y: 300 + i * 120 }])) } },
  };
}
