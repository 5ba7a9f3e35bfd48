// touch.test.mjs — the page on a phone (390×844, touch) and the input habits of issue 20: taps on
// popup items, menus and gallery cards; one-finger drags; two-finger pan and pinch zoom (CDP
// Input.dispatchTouchEvent); a fast mouse click on a popup item; wheel pans, Ctrl+wheel zooms, and no
// console error per wheel tick. Aimed with window.playground.layout() (`items` names popup entries).
import { launch, openPlayground, until, layoutItem, settle, stable, twoNodePattern, assert, assertEq, saveArtifact } from './lib/harness.mjs';

const PHONE = { width: 390, height: 844, touch: true };
const mid = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
const near = (a, b, tol) => Math.abs(a - b) <= tol;

async function open(url, size = PHONE) {
  const b = await launch(size);
  const page = await openPlayground(b.context, url, '?fresh');
  const cdp = await b.context.newCDPSession(page);
  return { b, page, cdp };
}

async function tap(page, at) {
  await page.touchscreen.tap(at[0], at[1]);
  await settle(page);
}

// Fingers (CSS px) as CDP touch points; every step is handled by the app before the next is sent.
async function touch(page, cdp, type, fingers) {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: fingers.map(([x, y], i) => ({ x, y, id: i + 1 })) });
  await settle(page);
}
async function touchDrag(page, cdp, from, to, steps = 10) {
  const at = (k) => from.map((f, i) => [f[0] + (to[i][0] - f[0]) * k / steps, f[1] + (to[i][1] - f[1]) * k / steps]);
  await touch(page, cdp, 'touchStart', from);
  for (let k = 1; k <= steps; k++) await touch(page, cdp, 'touchMove', at(k));
  await touch(page, cdp, 'touchEnd', []);
}

async function loadTwoNodes(page) {
  const r = await page.evaluate((p) => window.playground.loadPattern(p), twoNodePattern());
  assert(r.ok, JSON.stringify(r));
  await page.evaluate(() => window.playground.fit());
  return stable(page, 'layout');
}

export const tests = [
  {
    name: 'tapping "+ Add service" then "Lambda" adds a Lambda',
    async run({ url }) {
      const { b, page } = await open(url);
      try {
        const before = await page.evaluate(() => window.playground.state().nodeCount);
        await tap(page, mid(await layoutItem(page, 'add-service')));
        const l = await stable(page, 'layout');
        assert(l.palette.lambda, 'the popup lists Lambda: ' + Object.keys(l.palette));
        await tap(page, mid(l.palette.lambda));
        await until(page, (n) => window.playground.state().nodeCount > n, 'a node added by tapping Lambda', before);
        const p = await page.evaluate(() => window.playground.getPattern());
        assertEq(p.nodes.length, before + 1, 'node count');
        assertEq(p.nodes[p.nodes.length - 1].type, 'lambda', 'the added node');
        saveArtifact('touch-add-lambda.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'tapping a gallery card opens its pattern',
    async run({ url }) {
      const { b, page } = await open(url);
      try {
        const before = await page.evaluate(() => window.playground.state().name);
        await page.evaluate(() => window.playground.showPanel('gallery'));
        // Showing the gallery fetches its patterns (all but the one open): wait for them.
        await page.waitForFunction(() => window.playground.state().codeGallery === 'ready', null, { timeout: 30000 });
        const l = await stable(page, 'layout');
        const cards = Object.entries(l.items || {}).filter(([k, r]) => k.startsWith('gallery.') && k !== 'gallery.rest-api' && r[1] >= 0 && r[3] <= 844);
        assert(cards.length > 0, 'a gallery card is on screen: ' + Object.keys(l.items || {}));
        const [name, r] = cards[0];
        const file = name.slice('gallery.'.length);
        // The lower part of the card: its description (the title line may hold "Take the tour").
        await tap(page, [(r[0] + r[2]) / 2, r[3] - 12]);
        await until(page, (was) => window.playground.state().name !== was, `opening ${file} by a tap`, before);
        saveArtifact('touch-gallery-open.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'Menu → Light theme by taps switches the theme',
    async run({ url }) {
      const { b, page } = await open(url);
      try {
        const before = await page.evaluate(() => window.playground.state().theme);
        await tap(page, mid(await layoutItem(page, 'menu')));
        await tap(page, mid(await layoutItem(page, 'menu.theme')));
        await until(page, () => window.playground.state().theme !== 'dark', 'the theme switched by taps');
        assert(before === 'dark', 'starts dark: ' + before);
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'at 390 px the toolbar clock is whole and Step/Reset are in the menu',
    async run({ url }) {
      const { b, page } = await open(url);
      try {
        const l = await stable(page, 'layout');
        const clock = l.toolbar.clock;
        assert(clock && clock[0] >= 0 && clock[2] <= 390, `the clock is inside the 390 px viewport: ${clock}`);
        saveArtifact('touch-phone-toolbar.png', await page.screenshot({ clip: { x: 0, y: 0, width: 390, height: 120 } }));
        await tap(page, mid(await layoutItem(page, 'menu')));
        const n0 = await page.evaluate(() => window.playground.state().events);
        await tap(page, mid(await layoutItem(page, 'menu.step')));
        await until(page, (n) => window.playground.state().events === n + 1, 'a step from the menu runs one event', n0);
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'one finger drags a node by the finger\'s distance',
    async run({ url }) {
      const { b, page, cdp } = await open(url);
      try {
        const l = await loadTwoNodes(page);
        const from = l.nodes.api.center;
        await touchDrag(page, cdp, [from], [[from[0] + 40, from[1] + 90]]);
        const after = (await stable(page, 'layout')).nodes.api.center;
        assert(near(after[0] - from[0], 40, 3) && near(after[1] - from[1], 90, 3),
          `the node follows the finger (40, 90): moved ${after[0] - from[0]}, ${after[1] - from[1]}`);
        assertEq(await page.evaluate(() => window.playground.state().selection.nodes), ['api'], 'the dragged node is selected');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'a long press is a right click, not a tap',
    async run({ url }) {
      const { b, page, cdp } = await open(url);
      try {
        const l = await loadTwoNodes(page);
        await page.evaluate(() => window.playground.selectNode('api'));
        const n0 = await page.evaluate(() => window.playground.inputState().longPresses);
        await touch(page, cdp, 'touchStart', [l.nodes.fn.center]);
        await until(page, (n) => window.playground.inputState().longPresses > n, 'a finger held still counts as a long press', n0);
        await touch(page, cdp, 'touchEnd', []);
        await stable(page, 'state', 'selection');
        assertEq(await page.evaluate(() => window.playground.state().selection.nodes), ['api'], 'no left click: the selection stays');
        // As a right click it opens the node's context menu; a tap outside the menu closes it.
        await until(page, () => !!window.playground.layout().items['ctx.inspect'], 'the long press opened the node menu');
        await tap(page, [l.canvas[0] + 20, l.canvas[3] - 20]);
        await until(page, () => !window.playground.layout().items['ctx.inspect'], 'a tap outside closed the menu');
        await page.evaluate(() => window.playground.selectNode('api'));
        // A tap on the same node does select it.
        await tap(page, l.nodes.fn.center);
        await until(page, () => window.playground.state().selection.nodes[0] === 'fn', 'a tap selects the node');
        assertEq(await page.evaluate(() => window.playground.inputState().longPresses), n0 + 1, 'the tap is no long press');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'two fingers pan the canvas and a pinch zooms about its centre',
    async run({ url }) {
      const { b, page, cdp } = await open(url);
      try {
        const l = await loadTwoNodes(page);
        const c = l.canvas, cx = (c[0] + c[2]) / 2, cy = c[1] + (c[3] - c[1]) * 0.7;  // below the nodes
        // Pan: both fingers move by (30, -50).
        await touchDrag(page, cdp, [[cx - 40, cy], [cx + 40, cy]], [[cx - 10, cy - 50], [cx + 70, cy - 50]]);
        const panned = await stable(page, 'layout');
        const [ax, ay] = l.nodes.api.center, [px, py] = panned.nodes.api.center;
        assert(near(px - ax, 30, 2) && near(py - ay, -50, 2), `panned by (30, -50): ${px - ax}, ${py - ay}`);
        assert(near(panned.zoom, l.zoom, 0.01), `a pan keeps the zoom: ${l.zoom} → ${panned.zoom}`);
        // Pinch: the fingers spread from 80 to 160 px apart about (cx, cy).
        await touchDrag(page, cdp, [[cx - 40, cy], [cx + 40, cy]], [[cx - 80, cy], [cx + 80, cy]]);
        const pinched = await stable(page, 'layout');
        assert(near(pinched.zoom / panned.zoom, 2, 0.03), `zoom doubled: ${panned.zoom} → ${pinched.zoom}`);
        const [qx, qy] = pinched.nodes.api.center;
        assert(near(qx - cx, (px - cx) * 2, 3) && near(qy - cy, (py - cy) * 2, 3),
          `the pinch centre stays put: api at ${[px, py]} → ${[qx, qy]}`);
        assertEq(await page.evaluate(() => window.playground.getPattern().layout.nodes.api), { x: 40, y: 100 }, 'no node moved');
        saveArtifact('touch-pinch.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'a fast mouse click on a popup item that just opened selects it',
    async run({ url }) {
      const { b, page } = await open(url, { width: 700, height: 800 });  // compact toolbar: a Menu popup
      try {
        const menu = mid(await layoutItem(page, 'menu'));
        await page.mouse.click(menu[0], menu[1]);
        await settle(page);
        const theme = mid(await layoutItem(page, 'menu.theme'));
        await page.mouse.click(theme[0], theme[1]);  // move, down and up in one go: no hover first
        await until(page, () => window.playground.state().theme !== 'dark', 'the theme switched by one fast click');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'the wheel pans, Ctrl+wheel zooms at the cursor, and no tick logs a console error',
    async run({ url }) {
      const { b, page } = await open(url, { width: 1280, height: 800 });
      try {
        const l = await loadTwoNodes(page);
        const c = l.canvas, at = [(c[0] + c[2]) / 2, c[1] + (c[3] - c[1]) * 0.75];
        await page.mouse.move(at[0], at[1]);
        await settle(page);
        for (let i = 0; i < 3; i++) {
          await page.mouse.wheel(0, 100);  // one notch down, as Chrome reports a mouse wheel
          await settle(page);
        }
        const panned = await stable(page, 'layout');
        const [ax, ay] = l.nodes.api.center, [px, py] = panned.nodes.api.center;
        assert(near(px, ax, 1) && near(py - ay, -300, 3), `three notches down pan up by 300 px: ${px - ax}, ${py - ay}`);
        assert(near(panned.zoom, l.zoom, 0.001), `a plain wheel keeps the zoom: ${l.zoom} → ${panned.zoom}`);
        await page.keyboard.down('Control');
        await page.mouse.wheel(0, -100);  // Ctrl + one notch up (a trackpad pinch arrives the same way)
        await settle(page);
        await page.keyboard.up('Control');
        const zoomed = await stable(page, 'layout');
        assert(zoomed.zoom > panned.zoom * 1.05, `Ctrl+wheel zooms in: ${panned.zoom} → ${zoomed.zoom}`);
        const k = zoomed.zoom / panned.zoom, [qx, qy] = zoomed.nodes.api.center;
        assert(near(qx - at[0], (px - at[0]) * k, 3) && near(qy - at[1], (py - at[1]) * k, 3),
          `the point under the cursor stays put: api ${[px, py]} → ${[qx, qy]} (×${k})`);
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20: the newcomer's first design with only a finger on a phone — Menu → New, "+ Add
    // service" four times, three one-finger drags from port to port, Play — stores items in the table
    // without a line of JSON typed.
    name: 'on a phone, with taps and one-finger drags only, a newcomer builds client → API → Lambda → DynamoDB and items are stored',
    async run({ url }) {
      const { b, page, cdp } = await open(url);
      try {
        await tap(page, mid(await layoutItem(page, 'menu')));
        await tap(page, mid(await layoutItem(page, 'menu.new')));
        await until(page, () => window.playground.state().nodeCount === 0, 'an empty canvas');
        const types = ['client', 'apigateway', 'lambda', 'dynamodb'];
        for (const t of types) {
          const n = await page.evaluate(() => window.playground.state().nodeCount);
          await tap(page, mid(await layoutItem(page, 'add-service')));
          // Two fingers scroll the list until the service is in its visible part.
          let l = await stable(page, 'layout');
          for (let k = 0; k < 20; ++k) {
            const r = l.palette[t], list = l.items['add-service.list'];
            assert(r && list, `the popup lists ${t}: ${Object.keys(l.palette)}`);
            if (r[1] >= list[1] && r[3] <= list[3]) break;
            const x = (list[0] + list[2]) / 2, y = (list[1] + list[3]) / 2, dy = r[3] > list[3] ? -80 : 80;
            await touchDrag(page, cdp, [[x - 20, y], [x + 20, y]], [[x - 20, y + dy], [x + 20, y + dy]], 4);
            l = await stable(page, 'layout');
          }
          await tap(page, mid(l.palette[t]));
          await until(page, (k) => window.playground.state().nodeCount > k, `${t} added by a tap`, n);
        }
        const p0 = await page.evaluate(() => window.playground.getPattern());
        assertEq(p0.nodes.map((n) => n.type), types, 'four services added');
        const ids = p0.nodes.map((n) => n.id);
        for (let i = 0; i + 1 < ids.length; i++) {
          const l = await stable(page, 'layout');
          const from = l.nodes[ids[i]].outputs.out, to = l.nodes[ids[i + 1]].input;
          const c = l.canvas;
          for (const [x, y] of [from, to]) assert(x > c[0] && x < c[2] && y > c[1] && y < c[3], `ports in view: ${[x, y]} in ${c}`);
          await touchDrag(page, cdp, [from], [to]);
        }
        const s = await page.evaluate(() => window.playground.state());
        assertEq([s.edgeCount, s.refusedEdits.length], [3, 0], 'three links by finger, nothing refused');
        const p = await page.evaluate(() => window.playground.getPattern());
        assertEq(p.nodes.find((n) => n.type === 'lambda').config.Actions, [{ target: ids[3], operation: 'PutItem' }], 'the default action');
        saveArtifact('touch-newcomer-built.png', await page.screenshot());
        await tap(page, mid(await layoutItem(page, 'toolbar.play')));
        await until(page, (t) => (window.playground.metrics().nodes[t] || {}).items > 0, 'items stored in the table', ids[3]);
        await page.evaluate(() => window.playground.pause());
        assertEq((await page.evaluate(() => window.playground.metrics())).nodes[ids[3]].validation_errors, 0, 'every put was valid');
        saveArtifact('touch-newcomer-items-stored.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20: one finger scrolls a list or a panel as in any phone app. Dragged up from a service
    // in the "+ Add service" list, the list follows the finger and nothing is added; dragged up over
    // the Inspector tab, the fields follow it and nothing is edited.
    name: 'on a phone, one finger scrolls the "+ Add service" list and the inspector without pressing what it started on',
    async run({ url }) {
      const { b, page, cdp } = await open(url);
      try {
        const n = await page.evaluate(() => window.playground.state().nodeCount);
        await tap(page, mid(await layoutItem(page, 'add-service')));
        let l = await stable(page, 'layout');
        const list = l.items['add-service.list'], first = Object.keys(l.palette)[0], r0 = l.palette[first];
        assert(list && r0, `the popup lists services: ${Object.keys(l.palette)}`);
        const x = (list[0] + list[2]) / 2, y = Math.min(list[3] - 20, r0[1] + 120);
        await touchDrag(page, cdp, [[x, y]], [[x, y - 100]]);
        l = await stable(page, 'layout');
        const r1 = l.palette[first];
        assert(!r1 || r1[1] < r0[1] - 60, `the list followed the finger up: ${first} at ${r0[1]} → ${r1 && r1[1]}`);
        assert(l.items['add-service.list'], 'the popup is still open');
        assertEq(await page.evaluate(() => window.playground.state().nodeCount), n, 'no service added by the scroll');
        saveArtifact('touch-one-finger-list.png', await page.screenshot());
        await tap(page, [380, 200]);  // away from the popup: it closes

        assert(await page.evaluate(() => window.playground.selectNode('orders-fn')), 'orders-fn selected');
        await page.evaluate(() => window.playground.showPanel('inspector'));
        await until(page, () => Object.keys(window.playground.layout().items).some((k) => k.startsWith('inspector.key.')), 'the inspector lists fields');
        l = await stable(page, 'layout');
        // The lowest property name on screen (names further down are drawn, but scrolled out of view).
        const key = Object.keys(l.items).filter((k) => k.startsWith('inspector.key.') && l.items[k][3] < PHONE.height - 8)
          .sort((a, c) => l.items[c][1] - l.items[a][1])[0];
        const k0 = l.items[key];
        const rev = await page.evaluate(() => window.playground.state().revision);
        await touchDrag(page, cdp, [[mid(k0)[0], k0[1] + 2]], [[mid(k0)[0], k0[1] - 60]]);
        l = await stable(page, 'layout');
        const k1 = l.items[key];
        assert(!k1 || k1[1] < k0[1] - 30, `the inspector followed the finger up: ${key} at ${k0[1]} → ${k1 && k1[1]}`);
        assertEq(await page.evaluate(() => window.playground.state().revision), rev, 'nothing edited by the scroll');
        saveArtifact('touch-one-finger-inspector.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
];
