// looks.test.mjs — screenshots at two sizes (desktop at DPR 1, a 600 px embed at DPR 2) and both
// themes, checked for real content; the canvas's drawing buffer follows the device pixel ratio.
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPlayground, settle, stable, assert, assertEq, saveArtifact, repo } from './lib/harness.mjs';
import { decodePng, distinctColours } from './lib/png.mjs';

async function shoot(page, name) {
  await page.waitForFunction(() => document.getElementById('loader').hidden);  // the loading card has faded out
  await stable(page, 'layout');
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
        const l = await stable(page, 'layout');
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
        await page.waitForFunction(() => window.playground.state().dotsInFlight > 0, null, { timeout: 30000 }).catch(() => {});
        await settle(page);
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
  {
    // The README's other pictures: a wide desktop and a phone, each with a pattern mid-run. Each is
    // taken once the run has drawn messages in flight, so it shows what the engine produced.
    // UPDATE_DOCS=1 copies them to docs/.
    name: 'the README screenshots at 1920×1080 and on a 390×844 phone',
    async run({ url }) {
      const shots = [
        { size: { width: 1920, height: 1080, dpr: 1 }, pattern: 'fan-out', file: 'playground-1920x1080.png', panel: 'cost' },
        { size: { width: 390, height: 844, dpr: 1, touch: true }, pattern: 'rest-api', file: 'playground-phone.png', panel: 'charts' },
      ];
      for (const shot of shots) {
        const b = await launch(shot.size);
        try {
          const page = await openPlayground(b.context, url, '?fresh');
          const text = fs.readFileSync(path.join(repo, 'patterns', shot.pattern + '.json'), 'utf8');
          assert((await page.evaluate((t) => window.playground.loadPattern(t), text)).ok, shot.pattern + ' loads');
          await page.evaluate((panel) => { window.playground.fit(); window.playground.showPanel(panel); }, shot.panel);
          await page.evaluate(() => window.playground.runFor(60));
          await page.evaluate(() => { window.playground.setSpeed(5); window.playground.play(); });
          await page.waitForFunction(() => window.playground.state().dotsInFlight > 0, null, { timeout: 30000 });
          await page.evaluate(() => window.playground.pause());
          await stable(page, 'layout');
          const png = await page.screenshot();
          saveArtifact('readme-' + shot.file, png);
          assert(distinctColours(decodePng(png)) > 200, `${shot.file} has content`);
          if (process.env.UPDATE_DOCS) fs.writeFileSync(path.join(repo, 'docs', shot.file), png);
          assertEq(page.problems, [], 'console errors');
        } finally { await b.close(); }
      }
    },
  },
  {
    // The renderer redraws only what changed since the last frame (playground/platform/
    // frame_damage.h). An idle page must draw nothing, a running one only part of the screen, and
    // the picture those partial redraws leave must be the very picture a full redraw makes.
    name: 'only what changed is redrawn, and the result equals a full redraw',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800, dpr: 1 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await page.waitForFunction(() => document.getElementById('loader').hidden);
        await stable(page, 'layout');
        await page.evaluate(() => {
          const proto = WebGL2RenderingContext.prototype;
          window.glCalls = { draws: 0, clears: 0 };
          const draw = proto.drawElements, clear = proto.clear;
          proto.drawElements = function (...a) { window.glCalls.draws++; return draw.apply(this, a); };
          proto.clear = function (...a) { window.glCalls.clears++; return clear.apply(this, a); };
        });
        // The first frames after the load still draw; idle starts with the first frame that draws
        // nothing. From there, 20 frames must draw nothing.
        await page.evaluate(() => new Promise((resolve, reject) => {
          let frame = window.playground.inputState().frames, draws = window.glCalls.draws;
          const t0 = performance.now();
          const tick = () => {
            const now = window.playground.inputState().frames;
            if (now !== frame) {
              if (window.glCalls.draws === draws && now === frame + 1) { resolve(); return; }
              frame = now;
              draws = window.glCalls.draws;
            }
            if (performance.now() - t0 > 30000) { reject(new Error('the page never went idle')); return; }
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }));
        await page.evaluate(() => { window.glCalls.draws = 0; window.glCalls.clears = 0; });
        await settle(page, { frames: 20 });
        const idle = await page.evaluate(() => window.glCalls);
        assertEq(idle, { draws: 0, clears: 0 }, 'WebGL calls over 20 idle frames');

        await page.evaluate(() => { window.playground.setSpeed(5); window.playground.play(); });
        await settle(page, { frames: 120 });  // frameStats() covers the last 120 frames: all of them running
        const running = await page.evaluate(() => window.playground.frameStats());
        const calls = await page.evaluate(() => window.glCalls);
        console.log(`        running: ${calls.draws} draw calls, ${(running.redrawnAvg * 100).toFixed(0)}% of the screen redrawn per frame`);
        assert(calls.draws > 0, 'a running simulation is drawn');
        assert(running.redrawnAvg > 0.05 && running.redrawnAvg < 0.7, 'only the changing part is redrawn: ' + running.redrawnAvg);
        await page.evaluate(() => window.playground.pause());
        // Paused, the picture settles (dots land; link rates, measured over 1 s of real time, drop
        // to zero): wait for 1.2 s in which nothing is drawn.
        for (let settled = false, tries = 0; !settled; tries++) {
          assert(tries < 20, 'the paused page never stopped redrawing');
          const before = await page.evaluate(() => window.glCalls.draws);
          await page.waitForTimeout(1200);
          settled = before === await page.evaluate(() => window.glCalls.draws);
        }
        const partialPng = await page.screenshot();
        saveArtifact('redraw-partial.png', partialPng);
        const partial = decodePng(partialPng);

        // A new clear colour forces a full redraw: there and back again.
        await page.evaluate(() => window.playground.setTheme('light'));
        await settle(page, { frames: 2 });  // drawn, and presented
        await page.evaluate(() => window.playground.setTheme('dark'));
        await settle(page, { frames: 2 });
        const fullPng = await page.screenshot();
        saveArtifact('redraw-full.png', fullPng);
        const full = decodePng(fullPng);
        let differ = 0;
        const box = [1e9, 1e9, -1, -1];
        for (let i = 0; i < full.pixels.length; i++) {
          if (full.pixels[i] === partial.pixels[i]) continue;
          differ++;
          const p = Math.floor(i / full.bpp), x = p % full.width, y = Math.floor(p / full.width);
          box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y);
        }
        if (differ) console.log('        differences within', box);
        assertEq(differ, 0, 'bytes that differ between the partly redrawn and the fully redrawn screen');
        assert(distinctColours(full) > 200, 'the screen has content');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20 item 5: node titles at 11 CSS px or more however far Fit zooms out, shortened to the
    // box rather than shrunk (a phone fits most patterns near 37 %, where titles used to vanish).
    name: 'every shipped pattern, fitted at 1280×800 and on a 390×844 phone, shows node titles at ≥ 11 px',
    async run({ url }) {
      const files = fs.readdirSync(path.join(repo, 'patterns')).filter((f) => f.endsWith('.json')).sort();
      for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844, touch: true }]) {
        const b = await launch({ ...size, dpr: 1 });
        try {
          const page = await openPlayground(b.context, url, '?fresh');
          for (const f of files) {
            const text = fs.readFileSync(path.join(repo, 'patterns', f), 'utf8');
            assert((await page.evaluate((t) => window.playground.loadPattern(t), text)).ok, `${f} loads`);
            await page.evaluate(() => window.playground.fit());
            const l = await stable(page, 'layout');
            const c = l.canvas;
            let shown = 0;
            for (const [id, n] of Object.entries(l.nodes)) {
              const r = n.rect;
              if (r[0] < c[0] || r[2] > c[2] || r[1] < c[1] || r[3] > c[3]) continue;  // not fully in view
              const where = `${f} at ${size.width}×${size.height}, zoom ${l.zoom.toFixed(2)}: ${id}`;
              assert(n.title, `${where} has a title drawn`);
              assert(n.title.px >= 11 - 1e-3, `${where} title at ${n.title.px} px`);
              const t = n.title.text;
              assert(t === id || (t.endsWith('…') && id.startsWith(t.slice(0, -1))), `${where} title '${t}'`);
              ++shown;
            }
            assert(shown >= 2, `${f} at ${size.width}: at least two nodes in view after Fit (${shown})`);
            if (size.width === 390 && f === 'fan-out.json') saveArtifact('titles-phone-fan-out.png', await page.screenshot());
            if (size.width === 1280 && f === 'order-workflow.json') saveArtifact('titles-1280-order-workflow.png', await page.screenshot());
          }
          assertEq(page.problems, [], 'console errors');
        } finally { await b.close(); }
      }
    },
  },
  {
    // Issue 20 item 5: at 1280×800 every shipped pattern fits with no node on another, no link
    // running under a node it does not join, and no link label over a node (labels with no free
    // spot are left out, not drawn over titles). layout().links gives each curve sampled at
    // t = 0.1 … 0.9 and the label's rect as the frame drew them.
    name: 'every shipped pattern at 1280×800: no overlapping nodes, no link under a node, no label over one',
    async run({ url }) {
      const files = fs.readdirSync(path.join(repo, 'patterns')).filter((f) => f.endsWith('.json')).sort();
      const b = await launch({ width: 1280, height: 800, dpr: 1 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const inside = (r, p, inset) => p[0] > r[0] + inset && p[0] < r[2] - inset && p[1] > r[1] + inset && p[1] < r[3] - inset;
        const meet = (a, c) => a[0] < c[2] && c[0] < a[2] && a[1] < c[3] && c[1] < a[3];
        let labels = 0;
        for (const f of files) {
          const text = fs.readFileSync(path.join(repo, 'patterns', f), 'utf8');
          assert((await page.evaluate((t) => window.playground.loadPattern(t), text)).ok, `${f} loads`);
          await page.evaluate(() => window.playground.fit());
          const l = await stable(page, 'layout');
          const edges = JSON.parse(text).edges;
          const ids = Object.keys(l.nodes);
          for (let i = 0; i < ids.length; ++i)
            for (let j = i + 1; j < ids.length; ++j)
              assert(!meet(l.nodes[ids[i]].rect, l.nodes[ids[j]].rect), `${f}: ${ids[i]} overlaps ${ids[j]}`);
          assertEq(l.links.length, edges.length, `${f}: every link is laid out`);
          for (const link of l.links) {
            const e = edges[link.edge];
            for (const id of ids) {
              if (id === e.from || id === e.to) continue;
              const under = link.path.find((p) => inside(l.nodes[id].rect, p, 1));
              assert(!under, `${f}: the link ${e.from} → ${e.to} runs under ${id} at ${under}`);
              if (link.label) assert(!meet(link.label, l.nodes[id].rect), `${f}: the label of ${e.from} → ${e.to} covers ${id}`);
            }
            if (link.label) {
              ++labels;
              for (const id of [e.from, e.to]) assert(!meet(link.label, l.nodes[id].rect), `${f}: the label of ${e.from} → ${e.to} covers ${id}`);
            }
          }
          saveArtifact('fit-1280-' + f.replace('.json', '.png'), await page.screenshot());
        }
        assert(labels >= 5, `link labels (routes, ports) are still drawn where they fit: ${labels}`);
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20: gallery texts are not cut mid-sentence — each card shows the whole sentences of its
    // description that fit (all of it on hover), at 1280×800 and on a phone.
    name: 'gallery cards show whole sentences that fit inside the card',
    async run({ url }) {
      for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844, touch: true }]) {
        const b = await launch({ ...size, dpr: 1 });
        try {
          const page = await openPlayground(b.context, url, '?fresh');
          await page.evaluate(() => window.playground.showPanel('gallery'));
          await page.waitForFunction(() => window.playground.state().codeGallery === 'ready', null, { timeout: 30000 });
          const items = (await stable(page, 'layout')).items;
          const files = Object.keys(items).filter((k) => k.startsWith('gallery-text.')).map((k) => k.slice('gallery-text.'.length));
          assert(files.length >= 12, `every card's text is drawn: ${files}`);
          for (const f of files) {
            const text = items['gallery-text.' + f], card = items['gallery.' + f];
            assert(card, `${f} has its card`);
            assert(text[1] >= card[1] && text[3] <= card[3] && text[2] <= card[2] + 0.5,
              `${size.width}: ${f}'s text ${text} stays inside its card ${card}`);
          }
          saveArtifact(`gallery-${size.width}.png`, await page.screenshot());
          assertEq(page.problems, [], 'console errors');
        } finally { await b.close(); }
      }
    },
  },
  {
    // Issue 20: "charts with axes, units and legends". After 4 simulated minutes of async-queue the
    // worker's charts say what they plot: a legend per line, a value axis from 0 with its unit and
    // a time axis from 0:00 to the run's end.
    name: 'charts have a legend, a value axis with units and a time axis to the simulated time',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800, dpr: 1 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const text = fs.readFileSync(path.join(repo, 'patterns/async-queue.json'), 'utf8');
        assert((await page.evaluate((t) => window.playground.loadPattern(t), text)).ok, 'async-queue loads');
        await page.evaluate(() => { window.playground.selectNode('order-worker'); window.playground.showPanel('charts'); });
        await page.evaluate(() => window.playground.runFor(240));
        const charts = await stable(page, 'layout', 'charts');
        assert(Array.isArray(charts) && charts.length === 4, 'four charts: ' + JSON.stringify(charts));
        const by = Object.fromEntries(charts.map((c) => [c.title.split(' ')[0], c]));
        assertEq(by.Traffic.legend, ['requests', 'errors', 'throttles'], 'traffic legend');
        assertEq(by.Work.legend, ['in flight', 'queued'], 'work legend');
        for (const c of charts) {
          assertEq(c.x, ['0:00', '2:00', '4:00'], `${c.title}: the time axis runs to the simulated 4 minutes`);
          assert(c.y.length === 2, `${c.title}: a value axis`);
        }
        assertEq(by.Latency.y[0], '0 ms', 'latency is in ms from 0');
        assert(/ ms$/.test(by.Latency.y[1]) && parseFloat(by.Latency.y[1]) > 0, 'the latency axis top: ' + by.Latency.y[1]);
        assert(/^\$/.test(by.Cost.y[1]), 'cost in dollars: ' + by.Cost.y[1]);
        const m = (await page.evaluate(() => window.playground.metrics())).nodes['order-worker'];
        assert(parseFloat(by.Work.y[1]) <= m.peak_concurrency + m.peak_queue_depth && parseFloat(by.Work.y[1]) >= 1,
          `the work axis top (${by.Work.y[1]}) is a measured peak`);
        saveArtifact('charts-1280.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
];
