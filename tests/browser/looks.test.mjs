// looks.test.mjs — screenshots at two sizes (desktop at DPR 1, a 600 px embed at DPR 2) and both
// themes, checked for real content; the canvas's drawing buffer follows the device pixel ratio.
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPlayground, frames, assert, assertEq, saveArtifact, repo } from './lib/harness.mjs';
import { decodePng, distinctColours } from './lib/png.mjs';

async function shoot(page, name) {
  await frames(page, 4);
  const png = await page.screenshot();
  saveArtifact(name, png);
  return decodePng(png);
}

export const tests = [
  {
    name: 'desktop 1280×800: dark and light themes draw the diagram',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800, dpr: 1 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await page.evaluate(() => window.playground.runFor(3));
        const dark = await shoot(page, 'desktop-dark.png');
        assert(distinctColours(dark) > 200, 'dark screenshot has content');
        await page.evaluate(() => window.playground.setTheme('light'));
        const light = await shoot(page, 'desktop-light.png');
        assert(distinctColours(light) > 200, 'light screenshot has content');
        assertEq((await page.evaluate(() => window.playground.state())).theme, 'light', 'theme');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'a 600 px embed at DPR 2 is crisp and uses the narrow layout',
    async run({ url }) {
      const b = await launch({ width: 600, height: 720, dpr: 2 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const size = await page.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height]; });
        assertEq(size, [1200, 1440], 'canvas drawing buffer in device pixels');
        const img = await shoot(page, 'embed-600-dpr2.png');
        assertEq([img.width, img.height], [1200, 1440], 'screenshot size');
        assert(distinctColours(img) > 200, 'embed screenshot has content');
        const l = await page.evaluate(() => window.playground.layout());
        assert(l.canvas[2] - l.canvas[0] >= 560, 'the canvas takes the width: ' + l.canvas);
        for (const id of ['web-clients', 'orders-fn', 'receipts-bucket']) {
          const r = l.nodes[id].rect;
          assert(r[0] >= l.canvas[0] && r[2] <= l.canvas[2], `${id} is inside the view after fit`);
        }
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // The README's picture is this screenshot: the async-queue pattern mid-run, events in flight and
    // messages already in the DLQ. UPDATE_DOCS=1 copies it to docs/playground.png.
    name: 'the README screenshot: async queue mid-run with messages in the DLQ',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800, dpr: 1 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const text = fs.readFileSync(path.join(repo, 'patterns/async-queue.json'), 'utf8');
        const r = await page.evaluate((t) => window.playground.loadPattern(t), text);
        assert(r.ok, 'async-queue loads: ' + JSON.stringify(r.errors));
        await page.evaluate(() => { window.playground.fit(); window.playground.showPanel('charts'); window.playground.selectNode('order-worker'); });
        await page.evaluate(() => window.playground.runFor(240));
        const m = await page.evaluate(() => window.playground.metrics());
        assert(m.nodes['orders-dlq'].messages_in > 0, 'messages reached the DLQ: ' + m.nodes['orders-dlq'].messages_in);
        await page.evaluate(() => { window.playground.setSpeed(20); window.playground.play(); });
        await frames(page, 30);
        const s = await page.evaluate(() => window.playground.state());
        assert(s.dotsInFlight > 0, 'events are drawn in flight: ' + s.dotsInFlight);
        const png = await page.screenshot();
        saveArtifact('readme-playground.png', png);
        assert(distinctColours(decodePng(png)) > 200, 'screenshot has content');
        if (process.env.UPDATE_DOCS) fs.writeFileSync(path.join(repo, 'docs/playground.png'), png);
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
];
