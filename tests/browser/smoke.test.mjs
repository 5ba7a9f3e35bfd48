// smoke.test.mjs — the Foundation's browser smoke: the site loads in headless chromium with
// software WebGL, window.playground becomes ready, nothing logs an error, and the canvas shows a
// real diagram (many distinct colours, not a blank or single-colour frame).
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPlayground, stable, repo, assert, assertEq, saveArtifact } from './lib/harness.mjs';
import { decodePng, distinctColours } from './lib/png.mjs';

export const tests = [
  {
    name: 'loads, becomes ready and draws the default pattern',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const s = await page.evaluate(() => window.playground.state());
        assertEq(s.name, 'REST API', 'default pattern');
        assertEq([s.nodeCount, s.edgeCount], [5, 4], 'node/edge count');
        assert(s.built, 'default pattern builds: ' + JSON.stringify(s.diagnostics));
        await stable(page, 'layout');
        const png = await page.screenshot();
        saveArtifact('smoke-1280x800.png', png);
        const img = decodePng(png);
        const colours = distinctColours(img);
        assert(colours > 200, `screenshot looks blank: only ${colours} distinct colours`);
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // layout() answered from node shapes that pointed into the pattern a load had just replaced (a
    // use after free: old ids, garbage, or a C++ exception escaping into JavaScript).
    name: 'layout() right after loadPattern, before any frame, describes the new pattern',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await stable(page, 'layout');
        for (const name of ['fan-out', 'scheduled-task', 'streaming']) {
          const text = fs.readFileSync(path.join(repo, 'patterns', name + '.json'), 'utf8');
          const ids = JSON.parse(text).nodes.map((n) => n.id).sort();
          // One evaluate: no frame runs between the load and the question.
          const got = await page.evaluate((t) => {
            const frame = window.playground.inputState().frames;
            const ok = window.playground.loadPattern(t).ok;
            const nodes = Object.keys(window.playground.layout().nodes).sort();
            return { ok, nodes, sameFrame: window.playground.inputState().frames === frame };
          }, text);
          assert(got.ok && got.sameFrame, `${name} loaded within one frame: ${JSON.stringify(got)}`);
          assertEq(got.nodes, ids, `${name}: layout() nodes`);
        }
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'the API runs the simulation and reports metrics',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const before = await page.evaluate(() => window.playground.metrics());
        const after = await page.evaluate(async () => { await window.playground.runFor(5); return window.playground.metrics(); });
        assert(after.sim_time_s >= 5, 'simulated 5 s, got ' + after.sim_time_s);
        assert(after.nodes['orders-fn'].invocations > before.nodes['orders-fn'].invocations, 'orders-fn was invoked');
        const stats = await page.evaluate(() => window.playground.frameStats());
        assert(stats.frames > 0 && stats.frameMsAvg > 0, 'frame stats: ' + JSON.stringify(stats));
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'a bad pattern is refused with diagnostics and the document is untouched',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const r = await page.evaluate(() => window.playground.loadPattern('{"nodes": [ }'));
        assertEq(r.ok, false, 'ok');
        assert(r.errors.length > 0 && r.errors[0].message, 'errors listed: ' + JSON.stringify(r));
        const s = await page.evaluate(() => window.playground.state());
        assertEq([s.name, s.nodeCount], ['REST API', 5], 'document untouched');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
];
