// embed.test.mjs — embeds (web/embed.js, web/embed.html) and the sample course page
// (web/examples/tutorial.html): two embeds on one page driven through every protocol message,
// replies correlated by id, `event` messages when messages reach the DLQ, bad messages answered with
// errors (never exceptions), URL options (read-only, hidden panels, locked view, theme, highlight),
// no storage writes, and canvas drags in a read-only embed (no edit, no rebuild, no message) and an
// editable one (they edit, undo takes a whole drag back).
import { launch, openPlayground, settle, stable, click, press as pressKey, watchFor, drag, assert, assertEq, saveArtifact } from './lib/harness.mjs';

const AUTOSAVE = 'serverless-playground.autosave.v1';

async function openTutorial(context, url) {
  const page = context.pages()[0] || await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push('console: ' + m.text()); });
  page.on('pageerror', (e) => page.problems.push('pageerror: ' + e.message));
  await page.goto(url + 'examples/tutorial.html');
  await page.waitForFunction(() => window.tutorialLog && ['queue', 'fanout'].every((n) =>
    window.tutorialLog.some((m) => m.from === n && m.type === 'ready')), null, { timeout: 60000 });
  return page;
}
const frameOf = (page, id) => page.frames().find((f) => f.url().includes('id=' + id));
const logFrom = (page, name) => page.evaluate((n) => window.tutorialLog.filter((m) => m.from === n), name);
// Clicks a tutorial button and returns the message that answered it (matched by id).
async function press(page, group, action) {
  const before = (await logFrom(page, group)).length;
  await page.click(`.controls[data-for="${group}"] button[data-action="${action}"]`);
  await page.waitForFunction(([n, k]) => window.tutorialLog.filter((m) => m.from === n).slice(k)
    .some((m) => m.id && /^m\d+$/.test(String(m.id))), [group, before], { timeout: 20000 });
  const fresh = (await logFrom(page, group)).slice(before);
  return fresh.find((m) => m.id && /^m\d+$/.test(String(m.id)));
}

// A host page (served beside the site, so same origin) with one borderless embed at its top-left
// corner: the embed's CSS px are the page's, so layout() aims the page's real mouse. Every message
// the embed posts is kept in window.hostLog. Returns {page, app} (app: the embed's frame).
async function openHost(context, url, query) {
  const page = context.pages()[0] || await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push('console: ' + m.text()); });
  page.on('pageerror', (e) => page.problems.push('pageerror: ' + e.message));
  const hostUrl = url + 'test-host.html';
  await page.route(hostUrl, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html>
<html><body style="margin:0"><iframe id="pg" src="embed.html?${query}" style="border:0;display:block;width:100%;height:100vh"></iframe>
<script>window.hostLog = []; addEventListener('message', (e) => {
  if (e.source === document.getElementById('pg').contentWindow) window.hostLog.push(e.data); });</script></body></html>` }));
  await page.goto(hostUrl);
  await page.waitForFunction(() => window.hostLog.some((m) => m.type === 'ready'), null, { timeout: 60000 });
  const app = page.frames().find((f) => f.url().includes('embed=1'));
  await app.evaluate(() => window.playground.ready);
  return { page, app };
}
const stateOf = (app) => app.evaluate(() => window.playground.state());
const patternOf = (app) => app.evaluate(() => window.playground.getPattern());
// Runs the lesson to past `t` sim seconds, then pauses it, so its clock can be compared exactly.
async function runTo(app, t) {
  await app.waitForFunction((x) => window.playground.state().simTime > x, t, { timeout: 60000 });
  await app.evaluate(() => window.playground.pause());
  await app.waitForFunction(() => !window.playground.state().running, null, { timeout: 60000 });
}
const gestureOf = async (app) => (await stateOf(app)).canvasGesture;
// fan-out: email-fn (Lambda) is not linked to analytics-bucket (S3); a Lambda may write to S3.
const FANOUT = 'pattern=fan-out&autoplay=1&speed=50&t=60&hide=palette';

export const tests = [
  {
    name: 'a read-only embed ignores port and node drags: no edit, no rebuild, no "changed" message',
    async run({ url }) {
      const b = await launch({ width: 1100, height: 700 });
      try {
        const { page, app } = await openHost(b.context, url, FANOUT + '&readonly=1');
        await runTo(app, 70);
        const before = await stateOf(app);
        const pattern = await patternOf(app);
        const l = await stable(app, 'layout');
        const node = l.nodes['inventory-fn'].center;
        const during = [];
        await drag(page, l.nodes['email-fn'].outputs.out, l.nodes['analytics-bucket'].center,
          { app, midway: async (a) => during.push(await gestureOf(a)) });
        await drag(page, node, [node[0] + 90, node[1] + 60], { app, midway: async (a) => during.push(await gestureOf(a)) });
        // Selecting is allowed; the keys that delete or duplicate the selection are not.
        await page.mouse.click(node[0], node[1]);
        await app.waitForFunction(() => window.playground.state().selection.nodes.includes('inventory-fn'));
        await page.keyboard.press('Delete');
        await page.keyboard.press('Control+D');
        await page.keyboard.press('Backspace');
        // The inspector shows the node's settings but does not take typing.
        const id = (await app.evaluate(() => window.playground.layout())).inspector.id;
        assert(id, 'the inspector shows the selected node\'s id field');
        await page.mouse.click((id[0] + id[2]) / 2, (id[1] + id[3]) / 2);
        await page.keyboard.type('renamed');
        await page.keyboard.press('Enter');
        const after = await stateOf(app);
        assertEq([after.builds, after.revision, after.simTime, after.edgeCount],
          [before.builds, before.revision, before.simTime, before.edgeCount], 'no rebuild, no edit, clock kept');
        assertEq(await patternOf(app), pattern, 'pattern unchanged');
        assertEq((await app.evaluate(() => window.playground.layout())).nodes['inventory-fn'].center, node, 'the node did not move');
        await watchFor(app, 800);  // embed.js compares revisions every 250 ms
        assertEq(await page.evaluate(() => window.hostLog.filter((m) => m.type === 'changed')), [], '"changed" messages');
        assertEq(during, ['none', 'none'], 'no rubber-band link and no node drag while the button is down');
        saveArtifact('embed-readonly-drags.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'in an editable embed the same drags connect and move; one undo takes a whole drag back',
    async run({ url }) {
      const b = await launch({ width: 1100, height: 700 });
      try {
        const { page, app } = await openHost(b.context, url, FANOUT);
        await runTo(app, 70);
        const before = await stateOf(app);
        const l = await stable(app, 'layout');
        const during = [];
        await drag(page, l.nodes['email-fn'].outputs.out, l.nodes['analytics-bucket'].center,
          { app, midway: async (a) => during.push(await gestureOf(a)) });
        let s = await stateOf(app);
        assertEq(s.edgeCount, before.edgeCount + 1, 'connected');
        assert((await patternOf(app)).edges.some((e) => e.from === 'email-fn' && e.to === 'analytics-bucket'), 'the new edge');
        await page.waitForFunction((n) => window.hostLog.some((m) => m.type === 'changed' && m.edgeCount === n),
          before.edgeCount + 1, { timeout: 30000 });

        const pos = async () => (await patternOf(app)).layout.nodes['inventory-fn'];
        const start = await pos();
        const node = l.nodes['inventory-fn'].center;
        await drag(page, node, [node[0] + 90, node[1] + 60], { app, midway: async (a) => during.push(await gestureOf(a)) });
        assertEq(during, ['wire', 'move'], 'a port drag draws a link, a node drag moves');
        const moved = await pos();
        assert(moved.x > start.x + 30 && moved.y > start.y + 20, `moved: ${JSON.stringify(start)} → ${JSON.stringify(moved)}`);
        await page.keyboard.press('Control+z');
        await settle(app);
        assertEq(await pos(), start, 'one undo takes the whole drag back');
        assertEq((await stateOf(app)).edgeCount, before.edgeCount + 1, 'the link is a step of its own');
        await page.keyboard.press('Control+z');
        await settle(app);
        s = await stateOf(app);
        assertEq(s.edgeCount, before.edgeCount, 'the second undo removes the link');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'the tutorial page drives an embed through every protocol message',
    async run({ url }) {
      const b = await launch({ width: 1100, height: 900 });
      try {
        const page = await openTutorial(b.context, url);
        const ready = (await logFrom(page, 'queue')).find((m) => m.type === 'ready');
        assertEq([ready.version, ready.embed, ready.name], [1, 'queue', 'Async queue'], 'ready message');

        let r = await press(page, 'queue', 'pattern');
        assertEq([r.type, r.pattern.name, r.pattern.nodes.length], ['pattern', 'Async queue', 6], 'getPattern');
        r = await press(page, 'queue', 'select');
        assertEq([r.type, r.request, r.ok], ['result', 'select', true], 'select');
        assertEq((await frameOf(page, 'queue').evaluate(() => window.playground.state())).selection.nodes, ['orders-dlq'], 'selected in the embed');
        r = await press(page, 'queue', 'play');
        assertEq([r.type, r.request], ['result', 'play'], 'play');
        r = await press(page, 'queue', 'fire');
        assertEq([r.type, r.request], ['result', 'fire'], 'fire');
        // The queue pattern fails a quarter of its batches: dead letters arrive as `event` messages.
        await page.waitForFunction(() => window.tutorialLog.some((m) => m.from === 'queue' && m.type === 'event' && m.kind === 'dead-letter'),
          null, { timeout: 60000 });
        const dl = (await logFrom(page, 'queue')).find((m) => m.type === 'event' && m.kind === 'dead-letter');
        // dead_lettered counts on the source queue: its messages moved to the DLQ.
        assertEq([dl.node, dl.count > 0, dl.total >= dl.count], ['orders-queue', true, true], 'dead-letter event');
        r = await press(page, 'queue', 'pause');
        assertEq(r.request, 'pause', 'pause');
        assertEq((await frameOf(page, 'queue').evaluate(() => window.playground.state())).running, false, 'paused');
        r = await press(page, 'queue', 'metrics');
        assertEq(r.type, 'metrics', 'getMetrics');
        assert(r.metrics.nodes['orders-queue'].dead_lettered >= dl.total && r.metrics.nodes['orders-dlq'].messages_in > 0, 'metrics carry the dead letters');
        // getMetrics with `every`: more `metrics` messages with the same id until every: 0.
        const periodic = await page.evaluate(async () => {
          const p = window.tutorialEmbeds.queue;
          const first = await p.send('getMetrics', { every: 0.3 });
          const count = () => window.tutorialLog.filter((m) => m.type === 'metrics' && m.id === first.id).length;
          for (const t0 = performance.now(); count() < 3 && performance.now() - t0 < 30000;)
            await new Promise((res) => requestAnimationFrame(res));
          await p.send('getMetrics', { every: 0 });
          const n = count();
          // Nothing may follow the stop: watch for more than two periods (0.3 s each).
          await new Promise((res) => setTimeout(res, 1000));
          return [n, count()];
        });
        assert(periodic[0] >= 3, 'periodic metrics messages: ' + periodic[0]);
        assertEq(periodic[1], periodic[0], 'every: 0 stops them');
        r = await press(page, 'queue', 'reset');
        assertEq(r.request, 'reset', 'reset');
        assertEq((await frameOf(page, 'queue').evaluate(() => window.playground.state())).simTime, 0, 'reset to t = 0');
        r = await press(page, 'queue', 'load');
        assertEq([r.type, r.request, r.ok], ['result', 'load', true], 'load');
        await page.waitForFunction(() => window.tutorialLog.some((m) => m.from === 'queue' && m.type === 'changed' && m.name === 'Tiny queue'));
        const changed = (await logFrom(page, 'queue')).find((m) => m.type === 'changed' && m.name === 'Tiny queue');
        assertEq(changed.nodeCount, 3, 'changed message');

        // The second embed is independent: its own pattern, read-only, light theme, highlight.
        const fan = frameOf(page, 'fanout');
        const s = await fan.evaluate(() => window.playground.state());
        assertEq([s.name, s.theme, s.selection.nodes], ['Fan-out', 'light', ['orders-topic']], 'second embed options');
        r = await press(page, 'fanout', 'play');
        assertEq(r.request, 'play', 'fan-out play');
        r = await press(page, 'fanout', 'metrics');
        assertEq([r.type, r.metrics.pattern], ['metrics', 'Fan-out'], 'each embed answers for itself');
        await settle(fan);
        saveArtifact('embed-tutorial.png', await page.screenshot({ fullPage: true }));

        // The embeds never wrote storage (they share the tutorial's origin here).
        assertEq(await page.evaluate(() => Object.keys(localStorage)), [], 'no storage writes');
        // Every message carried the protocol fields.
        for (const m of await page.evaluate(() => window.tutorialLog))
          assert(m.version === 1 && typeof m.type === 'string' && 'id' in m || m.type === 'changed' || m.type === 'event', 'message fields: ' + JSON.stringify(m).slice(0, 120));
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'bad protocol messages get error replies, never exceptions',
    async run({ url }) {
      const b = await launch({ width: 1100, height: 900 });
      try {
        const page = await openTutorial(b.context, url);
        const replies = await page.evaluate(async () => {
          const frame = document.getElementById('queue').contentWindow;
          const got = [];
          const listener = (e) => { if (e.source === frame && e.data && String(e.data.id).startsWith('bad')) got.push(e.data); };
          window.addEventListener('message', listener);
          const send = (m) => frame.postMessage(m, '*');
          send({ type: 'explode', version: 1, id: 'bad1' });
          send({ type: 'play', version: 2, id: 'bad2' });
          send({ type: 'play', version: 1 });                               // no id: error with id null
          send({ type: 'select', version: 1, id: 'bad3', node: 'nope' });
          send({ type: 'fire', version: 1, id: 'bad4' });
          send({ type: 'load', version: 1, id: 'bad5', pattern: '{"nodes": [' });
          send({ type: 'load', version: 1, id: 'bad6', link: '#v1.%%%' });
          send({ type: 'load', version: 1, id: 'bad7', pattern: { nodes: [{ id: '<b>x</b>', type: 'lambda' }] } });
          send({ type: 42, version: 1, id: 'bad8' });
          send('just a string');
          send(null);
          send([1, 2, 3]);
          send({ type: 'toString', version: 1, id: 'bad9' });
          send({ type: '__proto__', version: 1, id: 'bad10' });
          const deep = {}; let at = deep; for (let i = 0; i < 1000; i++) { at.a = {}; at = at.a; }
          send({ type: 'load', version: 1, id: 'bad11', pattern: deep });
          for (const t0 = performance.now(); got.length < 11 && performance.now() - t0 < 30000;)
            await new Promise((r) => requestAnimationFrame(r));
          window.removeEventListener('message', listener);
          return got;
        });
        const byId = Object.fromEntries(replies.map((m) => [m.id, m]));
        for (const id of ['bad1', 'bad2', 'bad3', 'bad4', 'bad5', 'bad6', 'bad7', 'bad8', 'bad9', 'bad10', 'bad11'])
          assert(byId[id] && byId[id].type === 'error' && byId[id].version === 1, `${id}: error reply, got ${JSON.stringify(byId[id])}`);
        assert(/unknown message type "explode"/.test(byId.bad1.error), byId.bad1.error);
        assert(/protocol version 2 is not supported/.test(byId.bad2.error), byId.bad2.error);
        assert(/no node has id "nope"/.test(byId.bad3.error), byId.bad3.error);
        assert(/fire needs "node"/.test(byId.bad4.error), byId.bad4.error);
        assert(/JSON|parse|syntax/i.test(byId.bad5.error), byId.bad5.error);
        assert(/not allowed in a share link/.test(byId.bad6.error), byId.bad6.error);
        assert(/id must be/.test(byId.bad7.error), byId.bad7.error);
        assert(/nest|depth|could not be read/.test(byId.bad11.error), byId.bad11.error);
        const q = frameOf(page, 'queue');
        assertEq((await q.evaluate(() => window.playground.state())).name, 'Async queue', 'embed document intact');
        assertEq(page.problems, [], 'console errors (host page and embeds)');
      } finally { await b.close(); }
    },
  },
  {
    name: 'embed options: read-only refuses edits, locked view stays put, hidden panels, no autosave',
    async run({ url }) {
      const b = await launch({ width: 900, height: 560 });
      try {
        // A normal page first, so there is an autosave the embed must neither read nor write.
        const full = await openPlayground(b.context, url, '?fresh&pattern=rest-api');
        await full.waitForFunction(() => window.playgroundHost.shareReady);
        await click(full, 450, 60);  // empty canvas: clears the selection, so select after it
        await full.evaluate(() => window.playground.selectNode('orders-fn'));
        await pressKey(full, 'Control+d');
        assertEq((await full.evaluate(() => window.playground.state())).nodeCount, 6, 'duplicated on the full page');
        await full.waitForFunction((k) => (JSON.parse(localStorage.getItem(k) || '{"nodes": []}').nodes || []).length === 6,
          AUTOSAVE, { timeout: 30000 });
        const saved = await full.evaluate((k) => localStorage.getItem(k), AUTOSAVE);
        await full.close();

        const page = await b.context.newPage();
        page.problems = [];
        page.on('pageerror', (e) => page.problems.push('pageerror: ' + e.message));
        page.on('console', (m) => { if (m.type() === 'error') page.problems.push('console: ' + m.text()); });
        await page.goto(url + 'embed.html?pattern=async-queue&readonly=1&lock=1&hide=palette,inspector,bottom&highlight=order-worker&speed=1000&t=30&autoplay=0');
        await page.waitForFunction(() => window.playgroundHost && window.playgroundHost.shareReady, null, { timeout: 30000 });
        assert(page.url().includes('index.html?embed=1&pattern=async-queue'), 'embed.html forwards: ' + page.url());
        const s = await page.evaluate(() => window.playground.state());
        assertEq([s.name, s.selection.nodes, s.speed, s.running], ['Async queue', ['order-worker'], 1000, false], 'options applied');
        assert(Math.abs(s.simTime - 30) < 1e-6, 'started at t = 30 s, got ' + s.simTime);
        const lay = await page.evaluate(() => window.playground.layout());
        assert(lay.canvas[0] < 4, 'palette hidden: the canvas starts at the left edge, x = ' + lay.canvas[0]);
        assert(lay.canvas[2] - lay.canvas[0] > 860, 'canvas spans the width (inspector hidden)');
        assert(lay.canvas[3] > 500, 'canvas reaches the bottom (tabs hidden)');
        const node = lay.nodes['order-worker'].center;
        const before = await page.evaluate(() => window.playground.getPattern());
        await drag(page, node, [node[0] + 120, node[1] + 80]);
        await pressKey(page, 'Delete');
        // Pan with a right-button drag on empty canvas (a wheel would zoom; Chromium logs a
        // passive-listener console error for wheel events on this page, unrelated to embeds).
        await drag(page, [60, 480], [300, 380], { button: 'right' });
        assertEq(await page.evaluate(() => window.playground.getPattern()), before, 'read-only: nothing changed');
        const lay2 = await page.evaluate(() => window.playground.layout());
        assertEq([lay2.zoom, lay2.nodes['order-worker'].center], [lay.zoom, node], 'locked view: no zoom or move');
        const link = await page.evaluate(() => document.querySelector('.pg-open-full').href);
        assert(/\/index\.html#v1\./.test(link) && !link.includes('embed'), 'open-in-playground link: ' + link);
        saveArtifact('embed-readonly.png', await page.screenshot());
        await watchFor(page, 1500);  // longer than the autosave delay (0.8 s)
        assertEq(await page.evaluate((k) => localStorage.getItem(k), AUTOSAVE), saved, 'embed did not touch the autosave');
        assertEq(page.problems, [], 'console errors');

        // autoplay + speed.
        const auto = await b.context.newPage();
        await auto.goto(url + 'embed.html?pattern=rest-api&autoplay=1&speed=10&hide=bottom');
        await auto.waitForFunction(() => window.playgroundHost && window.playgroundHost.shareReady, null, { timeout: 30000 });
        await auto.waitForFunction(() => window.playground.state().simTime > 1, null, { timeout: 10000 });
        const st = await auto.evaluate(() => window.playground.state());
        assertEq([st.running, st.speed], [true, 10], 'autoplay at speed 10');
      } finally { await b.close(); }
    },
  },
];
