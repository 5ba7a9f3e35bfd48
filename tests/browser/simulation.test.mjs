// simulation.test.mjs — the API and the engine together: every gallery pattern loads with its
// node/edge counts, firing an event changes the metrics, time controls move the clock.
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPlayground, settle, watchFor, repo, assert, assertEq } from './lib/harness.mjs';

export const tests = [
  {
    name: 'every pattern in patterns/ loads through the API with its node and edge counts',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const dir = path.join(repo, 'patterns');
        const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
        assert(files.length > 0, 'patterns exist');
        for (const f of files) {
          const text = fs.readFileSync(path.join(dir, f), 'utf8');
          const json = JSON.parse(text);
          const r = await page.evaluate((t) => window.playground.loadPattern(t), text);
          assert(r.ok, `${f}: ${JSON.stringify(r.errors)}`);
          await settle(page);  // a frame rebuilds the simulation from the loaded document
          const s = await page.evaluate(() => window.playground.state());
          assertEq([s.nodeCount, s.edgeCount], [json.nodes.length, (json.edges || []).length], `${f} counts`);
          assert(s.built, `${f} builds: ${JSON.stringify(s.diagnostics.filter((d) => d.severity === 'error'))}`);
        }
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'firing an event into a node changes its metrics',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const before = await page.evaluate(() => window.playground.metrics().nodes['orders-fn'].invocations);
        const r = await page.evaluate(() => window.playground.fire('orders-fn', { body: { orderId: 'manual-1', total: 3 } }));
        assertEq(r, { ok: true, error: '' }, 'fire result');
        await page.evaluate(() => window.playground.runFor(1));
        const after = await page.evaluate(() => window.playground.metrics().nodes['orders-fn'].invocations);
        assert(after > before, `invocations ${before} → ${after}`);
        const bad = await page.evaluate(() => window.playground.fire('nope', {}));
        assertEq(bad, { ok: false, error: "no node has id 'nope'" }, 'unknown node');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'play, pause, step and speed drive the clock',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await page.evaluate(() => { window.playground.setSpeed(100); window.playground.play(); });
        await page.waitForFunction(() => window.playground.state().simTime > 5, null, { timeout: 30000 }).catch(() => {});
        let s = await page.evaluate(() => window.playground.state());
        assert(s.running && s.simTime > 5, 'running at ×100: t = ' + s.simTime);
        await page.evaluate(() => window.playground.pause());
        const t = (await page.evaluate(() => window.playground.state())).simTime;
        await watchFor(page, 100, 5);  // five frames (and 0.1 s) in which the clock must not move
        s = await page.evaluate(() => window.playground.state());
        assertEq([s.running, s.simTime], [false, t], 'paused clock stays');
        const events = s.events;
        assert(await page.evaluate(() => window.playground.step()), 'step processes an event');
        s = await page.evaluate(() => window.playground.state());
        assertEq(s.events, events + 1, 'one event');
        assert(s.dotsInFlight >= 0, 'dots reported');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
];
