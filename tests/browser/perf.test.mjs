// perf.test.mjs — 200 and 500 nodes with thousands of message dots in flight, in headless chromium with
// software WebGL; reports frame times and load figures. Budgets are asserted loosely by default
// (shared CI machines); PERF_STRICT=1 enforces 60 fps (16.7 ms) at 200 nodes, 30 fps at 500, and a
// 1.5 s first interactive frame.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, openPlayground, settle, assert, assertEq, saveArtifact, siteDir } from './lib/harness.mjs';

const strict = process.env.PERF_STRICT === '1';

// `chains` chains client → API Gateway → Lambda → DynamoDB (50: 200 nodes, 150 links), in `columns`
// columns side by side.
function bigPattern(chains = 50, rps = 100, columns = 1) {
  const perColumn = Math.ceil(chains / columns);
  const p = { format: 'serverless-playground/1', name: 'Load test', seed: 7, nodes: [], edges: [], traffic: [], layout: { nodes: {} } };
  for (let c = 0; c < chains; c++) {
    const ids = ['web', 'api', 'fn', 'db'].map((k) => `${k}-${c}`);
    p.nodes.push({ id: ids[0], type: 'client', config: {} }, { id: ids[1], type: 'apigateway', config: {} },
      { id: ids[2], type: 'lambda', config: { Actions: [{ target: ids[3], operation: 'PutItem', Item: { id: '$.body.id' } }] } },
      { id: ids[3], type: 'dynamodb', config: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] } });
    p.edges.push({ from: ids[0], to: ids[1] }, { from: ids[1], to: ids[2] }, { from: ids[2], to: ids[3] });
    p.traffic.push({ id: `t-${c}`, source: ids[0], profile: { type: 'constant', rps }, request: { method: 'POST', path: '/' }, payload: { id: '{{uuid}}' } });
    ids.forEach((id, k) => { p.layout.nodes[id] = { x: Math.floor(c / perColumn) * 1000 + k * 220, y: (c % perColumn) * 90 }; });
  }
  return p;
}

// Loads `chains` chains at `rps` each, plays at ×1 and reports frame figures over 120 frames once the
// run is past its cold starts; asserts them against the budgets under PERF_STRICT=1, loosely otherwise.
async function playLoadTest(url, { chains, rps, columns = 1, frameMs, cpuMs, minDots }) {
  const b = await launch({ width: 1280, height: 800 });
  try {
    const page = await openPlayground(b.context, url, '?fresh');
    const r = await page.evaluate((p) => window.playground.loadPattern(p), bigPattern(chains, rps, columns));
    assert(r.ok && r.errors.length === 0, JSON.stringify(r.errors.slice(0, 3)));
    await page.evaluate(() => { window.playground.setSpeed(1); window.playground.play(); });
    // frameStats() covers the last 120 frames: measure once the run is past its cold starts with
    // dots at their steady count (4 simulated seconds), over 120 frames drawn after that.
    await page.waitForFunction(() => window.playground.state().simTime >= 4, null, { timeout: 120000 });
    await settle(page, { frames: 120, timeout: 120000 });
    const stats = await page.evaluate(() => window.playground.frameStats());
    const s = await page.evaluate(() => window.playground.state());
    saveArtifact(`perf-${4 * chains}-nodes.png`, await page.screenshot());
    console.log(`        nodes ${s.nodeCount}, dots in flight ${stats.dots} (${stats.dotsDrawn} drawn, the rest under them), ` +
      `frame ${stats.frameMsAvg.toFixed(1)} ms avg / ${stats.frameMsP95.toFixed(1)} p95, cpu ${stats.cpuMsAvg.toFixed(1)} ms avg, ` +
      `${(stats.redrawnAvg * 100).toFixed(0)}% of the screen redrawn per frame, sim t=${s.simTime.toFixed(2)} lagging=${s.lagging}`);
    assertEq(s.nodeCount, 4 * chains, 'nodes');
    assert(stats.dots >= (strict ? minDots : 1000), 'dots in flight: ' + stats.dots);
    // Frame intervals depend on the machine's load (SwiftShader shares the CPU); our own per-frame
    // work (UI + engine slice + draw submission) is what this code controls.
    if (strict) assert(stats.frameMsAvg < frameMs, 'frame interval ' + stats.frameMsAvg);
    assert(stats.cpuMsAvg < (strict ? cpuMs : 33), 'cpu per frame ' + stats.cpuMsAvg);
    assertEq(page.problems, [], 'console errors');
  } finally { await b.close(); }
}

export const tests = [
  {
    name: 'download size and first interactive frame',
    async run({ url }) {
      const site = siteDir;
      let gz = 0;
      const sizes = {};
      for (const f of fs.readdirSync(site)) {
        if (f.endsWith('.md') || fs.statSync(path.join(site, f)).isDirectory()) continue;  // examples/ is not loaded by the page; tools/ only on demand (share test)
        const n = zlib.gzipSync(fs.readFileSync(path.join(site, f)), { level: 9 }).length;
        sizes[f] = n;
        gz += n;
      }
      console.log(`        gzip sizes: ${JSON.stringify(sizes)} total ${(gz / 1024).toFixed(1)} KB`);
      assert(gz <= 800 * 1024, `everything the page loads must be ≤ 800 KB gzip, is ${(gz / 1024).toFixed(1)} KB`);
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        console.log(`        first interactive frame at ${page.readyAtMs.toFixed(0)} ms after navigation start`);
        assert(page.readyAtMs < (strict ? 1500 : 6000), `first interactive frame took ${page.readyAtMs} ms`);
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: '200 nodes and thousands of dots in flight keep frames fast',
    // 60 fps: 16.7 ms between frames.
    run: ({ url }) => playLoadTest(url, { chains: 50, rps: 100, frameMs: 16.7, cpuMs: 12, minDots: 5000 }),
  },
  {
    name: '500 nodes stay interactive',
    // Issue 21: at most 33 ms a frame (30 fps) at 500 nodes; the same 5,000 requests/s in all.
    run: ({ url }) => playLoadTest(url, { chains: 125, rps: 40, columns: 5, frameMs: 33.3, cpuMs: 25, minDots: 3000 }),
  },
];
