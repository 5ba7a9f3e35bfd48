// newcomer.test.mjs — issue 20's newcomer problems, driven with the real mouse and aimed with
// window.playground.layout(): a refused wiring that stays readable until dismissed (item 9), Play
// that stops at the run length and a skip to the next scheduled event (item 10), and a design built
// from an empty canvas — client → API Gateway → Lambda → DynamoDB — that stores items without a
// line of JSON typed (item 2), and right-click menus on nodes, links and the canvas (item 8).
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPlayground, until, layoutItem, settle, stable, drag, watchFor, twoNodePattern, repo, assert, assertEq, saveArtifact, click }
  from './lib/harness.mjs';

const mid = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
const shipped = (name) => fs.readFileSync(path.join(repo, 'patterns', name + '.json'), 'utf8');

async function fresh(url, size = { width: 1280, height: 800 }) {
  const b = await launch(size);
  const page = await openPlayground(b.context, url, '?fresh');
  return { b, page };
}

// A palette item's rect once it is in the palette's visible part (between the canvas's top and
// bottom), scrolling the palette with the mouse wheel to bring it there.
async function paletteItem(page, type) {
  for (let tries = 0; tries < 20; tries++) {
    const l = await stable(page, 'layout');
    const r = l.palette[type], c = l.canvas;
    assert(r, `the palette lists ${type}`);
    if (r[1] >= c[1] && r[3] <= c[3]) return r;
    await page.mouse.move((r[0] + r[2]) / 2, (c[1] + c[3]) / 2);
    await page.mouse.wheel(0, r[3] > c[3] ? 100 : -100);
    await settle(page);
  }
  throw new Error(`the palette never showed ${type}`);
}

async function clickItem(page, name) {
  const at = mid(await layoutItem(page, name));
  await page.mouse.click(at[0], at[1]);
  await settle(page);
}

export const tests = [
  {
    name: 'a refused wiring stays in a banner until dismissed and is listed under Problems',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        const p = twoNodePattern([{ id: 'web', type: 'client', config: {} }]);
        p.layout.nodes.fn = { x: 560, y: 100 };  // beside the inspector: the old message was clipped there
        assert((await page.evaluate((x) => window.playground.loadPattern(x), p)).ok, 'loads');
        const l = await stable(page, 'layout');
        // Lambda's output into a client: clients only send.
        await drag(page, l.nodes.fn.outputs.out, l.nodes.web.center);
        let s = await page.evaluate(() => window.playground.state());
        assertEq(s.edgeCount, 0, 'no edge added');
        assert(s.notice && /cannot receive|only a source/i.test(s.notice.text), 'the banner says why: ' + JSON.stringify(s.notice));
        // The pointer moves on and time passes (the old message faded after 4 s): the reason stays.
        await page.mouse.move(l.canvas[0] + 20, l.canvas[3] - 20);
        await watchFor(page, 4500, 5);
        s = await page.evaluate(() => window.playground.state());
        assert(s.notice && /cannot receive|only a source/i.test(s.notice.text), 'still shown after the pointer moved: ' + JSON.stringify(s.notice));
        const banner = await layoutItem(page, 'notice');
        const c = (await stable(page, 'layout')).canvas;
        assert(banner[0] >= c[0] && banner[2] <= c[2] && banner[1] >= c[1] && banner[3] <= c[3],
          `the banner lies inside the canvas, clear of the inspector: ${banner} in ${c}`);
        saveArtifact('newcomer-refusal-banner-1280.png', await page.screenshot());
        // It is logged under Problems.
        assertEq(s.refusedEdits.length, 1, 'one refused edit logged');
        await page.evaluate(() => window.playground.showPanel('problems'));
        await until(page, () => !!window.playground.layout().items['problems.refused.0'], 'the Problems tab lists it');
        // The close button dismisses it; the log keeps it.
        await clickItem(page, 'notice.close');
        await until(page, () => window.playground.state().notice === null, 'the banner closed');
        s = await page.evaluate(() => window.playground.state());
        assertEq(s.refusedEdits.length, 1, 'the log keeps the refused edit');
        assert(!(await stable(page, 'layout')).items.notice, 'no banner drawn once dismissed');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'the refusal banner fits a phone screen',
    async run({ url }) {
      const { b, page } = await fresh(url, { width: 390, height: 844 });
      try {
        const p = twoNodePattern([{ id: 'web', type: 'client', config: {} }]);
        p.layout.nodes = { api: { x: 10, y: 10 }, fn: { x: 10, y: 120 }, web: { x: 200, y: 120 } };
        assert((await page.evaluate((x) => window.playground.loadPattern(x), p)).ok, 'loads');
        const l = await stable(page, 'layout');
        await drag(page, l.nodes.fn.outputs.out, l.nodes.web.center);
        const banner = await layoutItem(page, 'notice');
        assert(banner[0] >= 0 && banner[2] <= 390, `the banner is inside the 390 px screen: ${banner}`);
        saveArtifact('newcomer-refusal-banner-390.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'Play stops at the run length; pressing it again says it goes past',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        assert((await page.evaluate((t) => window.playground.loadPattern(t), shipped('rest-api'))).ok, 'rest-api loads');
        const runLength = 600;  // rest-api.json: "duration": "10m"
        await page.evaluate(() => window.playground.setSpeed(10000));
        await clickItem(page, 'toolbar.play');
        await until(page, () => !window.playground.state().running, 'the run stopped by itself', null, 60000);
        let s = await page.evaluate(() => window.playground.state());
        assertEq([s.simTime, s.runLength, s.runEnded, s.overtime], [runLength, runLength, true, false], 'stopped at the run length');
        const m = await page.evaluate(() => window.playground.metrics());
        assertEq([m.sim_time_s, m.stop_reason], [runLength, 'time_limit'], 'the report agrees');
        await watchFor(page, 300, 5);
        assertEq((await page.evaluate(() => window.playground.state())).simTime, runLength, 'the clock stays at the run length');
        await layoutItem(page, 'toolbar.run-status');  // the toolbar says the run ended
        saveArtifact('newcomer-run-ended-1280.png', await page.screenshot({ clip: { x: 0, y: 0, width: 1280, height: 60 } }));
        // Play again: deliberately past the run length, and the toolbar says so.
        await clickItem(page, 'toolbar.play');
        await until(page, (n) => window.playground.state().simTime > n, 'time runs past the run length', runLength);
        s = await page.evaluate(() => window.playground.state());
        assertEq([s.running, s.overtime, s.runEnded], [true, true, false], 'overtime');
        await layoutItem(page, 'toolbar.run-status');
        await page.evaluate(() => window.playground.pause());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'Skip to schedule lands just before the nightly cron fires, and Play shows it fire',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        assert((await page.evaluate((t) => window.playground.loadPattern(t), shipped('scheduled-task'))).ok, 'loads');
        // cron(0 0 * * ? *) from startTime 2026-01-01T00:00:00Z: EventBridge fires every day at
        // 00:00 UTC, the first time after the rule exists at 2026-01-02T00:00:00Z, t = 86,400 s.
        const fireAt = 86400;
        let s = await page.evaluate(() => window.playground.state());
        assertEq([s.nextSchedule.at, s.nextSchedule.utc], [fireAt, '2026-01-02T00:00:00Z'], 'the next fire');
        await clickItem(page, 'toolbar.skip-schedule');
        await until(page, () => { const x = window.playground.state(); return !x.busy && x.simTime > 0; }, 'the skip finished');
        s = await page.evaluate(() => window.playground.state());
        assert(s.simTime < fireAt && s.simTime >= fireAt - 5, `just before the fire: t = ${s.simTime}`);
        assertEq((await page.evaluate(() => window.playground.metrics())).nodes['cleanup-fn'].invocations, 0, 'nothing ran yet');
        await page.evaluate(() => window.playground.setSpeed(1));
        await clickItem(page, 'toolbar.play');
        await until(page, () => window.playground.metrics().nodes['cleanup-fn'].invocations >= 1, 'the cleanup function ran');
        s = await page.evaluate(() => window.playground.state());
        assert(s.simTime >= fireAt && s.simTime < fireAt + 5, `it ran at the fire time: t = ${s.simTime}`);
        assertEq(s.nextSchedule.utc, '2026-01-03T00:00:00Z', 'then the next night');
        await page.evaluate(() => window.playground.pause());
        saveArtifact('newcomer-skip-schedule-1280.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'the phone menu offers Skip to next scheduled event',
    async run({ url }) {
      const { b, page } = await fresh(url, { width: 390, height: 844 });
      try {
        assert((await page.evaluate((t) => window.playground.loadPattern(t), shipped('scheduled-task'))).ok, 'loads');
        await clickItem(page, 'menu');
        await clickItem(page, 'menu.skip-schedule');
        await until(page, () => { const x = window.playground.state(); return !x.busy && x.simTime > 0; }, 'the skip finished');
        const s = await page.evaluate(() => window.playground.state());
        assert(s.simTime < 86400 && s.simTime >= 86395, `just before the fire: t = ${s.simTime}`);
        saveArtifact('newcomer-skip-schedule-390.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'a newcomer builds client → API → Lambda → DynamoDB with the mouse and items are stored',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        await clickItem(page, 'toolbar.new');
        await until(page, () => window.playground.state().nodeCount === 0, 'an empty canvas');
        const types = ['client', 'apigateway', 'lambda', 'dynamodb'];
        const spots = [[0.14, 0.3], [0.38, 0.62], [0.62, 0.3], [0.86, 0.62]];
        for (let i = 0; i < types.length; i++) {
          const from = mid(await paletteItem(page, types[i])), c = (await stable(page, 'layout')).canvas;
          await drag(page, from, [c[0] + (c[2] - c[0]) * spots[i][0], c[1] + (c[3] - c[1]) * spots[i][1]]);
        }
        const p0 = await page.evaluate(() => window.playground.getPattern());
        assertEq(p0.nodes.map((n) => n.type), types, 'four services added');
        const ids = p0.nodes.map((n) => n.id);
        for (let i = 0; i + 1 < ids.length; i++) {
          const l = await stable(page, 'layout');
          await drag(page, l.nodes[ids[i]].outputs.out, l.nodes[ids[i + 1]].input);
        }
        let s = await page.evaluate(() => window.playground.state());
        assertEq([s.edgeCount, s.refusedEdits.length], [3, 0], 'three links, nothing refused');
        const p = await page.evaluate(() => window.playground.getPattern());
        const fn = p.nodes.find((n) => n.type === 'lambda');
        // The example: a function wired to a table puts each event into it.
        assertEq(fn.config.Actions, [{ target: ids[3], operation: 'PutItem' }], 'the default action');
        assertEq(p.traffic.length, 1, 'the client sends traffic');
        assertEq(s.unusedLinks, [], 'no unused link');
        // The link and its action are one undo step.
        await page.keyboard.press('Control+z');
        await settle(page);
        const undone = await page.evaluate(() => window.playground.getPattern());
        assertEq([undone.edges.length, (undone.nodes.find((n) => n.type === 'lambda').config.Actions || []).length], [2, 0],
          'undo removes the link and its action together');
        await page.keyboard.press('Control+Shift+z');
        await settle(page);
        saveArtifact('newcomer-built-1280.png', await page.screenshot());
        await clickItem(page, 'toolbar.play');
        await until(page, (t) => (window.playground.metrics().nodes[t] || {}).items > 0, 'items stored in the table', ids[3]);
        const m = await page.evaluate(() => window.playground.metrics());
        assertEq(m.nodes[ids[3]].validation_errors, 0, 'every put was valid');
        await page.evaluate(() => window.playground.pause());
        saveArtifact('newcomer-items-stored-1280.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'a link its Lambda never uses is marked on the canvas',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        const p = twoNodePattern([{ id: 'table', type: 'dynamodb', config: {} }]);
        p.edges = [{ from: 'api', to: 'fn' }, { from: 'fn', to: 'table' }];
        assert((await page.evaluate((x) => window.playground.loadPattern(x), p)).ok, 'loads');
        let s = await stable(page, 'state', 'unusedLinks');
        assertEq(s, [1], 'fn → table is unused');
        const d = (await page.evaluate(() => window.playground.state())).diagnostics;
        assert(d.some((x) => /no action uses it/.test(x.message)), 'the engine says so too: ' + JSON.stringify(d));
        saveArtifact('newcomer-unused-link-1280.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Any node whose port makes SDK calls (a function, an EC2 or Fargate application) gets the
    // default action when wired with the mouse, and its unused links are marked the same way.
    name: 'wiring an EC2 application to a table gives it a default PutItem action too',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        const p = twoNodePattern([{ id: 'web', type: 'ec2', config: {} }, { id: 'table', type: 'dynamodb', config: {} }]);
        p.layout.nodes.web = { x: 40, y: 320 };
        p.layout.nodes.table = { x: 400, y: 320 };
        assert((await page.evaluate((x) => window.playground.loadPattern(x), p)).ok, 'loads');
        const l = await stable(page, 'layout');
        await drag(page, l.nodes.web.outputs.out, l.nodes.table.center);
        await until(page, () => window.playground.state().edgeCount === 1, 'the link was made');
        const web = (await page.evaluate(() => window.playground.getPattern())).nodes.find((n) => n.id === 'web');
        assertEq(web.config.Actions, [{ target: 'table', operation: 'PutItem' }], 'the default action');
        assertEq(await stable(page, 'state', 'unusedLinks'), [], 'the link is used');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'right-click menus: a node\'s Duplicate and Delete, a link\'s Delete, the canvas\'s Add service',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        const p = twoNodePattern();
        p.edges = [{ from: 'api', to: 'fn' }];
        assert((await page.evaluate((x) => window.playground.loadPattern(x), p)).ok, 'loads');
        const rightClick = async (at) => { await page.mouse.click(at[0], at[1], { button: 'right' }); await settle(page); };
        const count = () => page.evaluate(() => window.playground.state().nodeCount);
        let l = await stable(page, 'layout');
        // A node: Duplicate, then Delete (of the copy, which is selected).
        await rightClick(l.nodes.fn.center);
        await until(page, () => !!window.playground.layout().items['ctx.duplicate'], 'the node menu opened');
        saveArtifact('newcomer-context-node-1280.png', await page.screenshot());
        await clickItem(page, 'ctx.duplicate');
        await until(page, () => window.playground.state().nodeCount === 3, 'duplicated from the menu');
        const copy = (await page.evaluate(() => window.playground.getPattern())).nodes[2].id;
        l = await stable(page, 'layout');
        await rightClick(l.nodes[copy].center);
        await clickItem(page, 'ctx.delete');
        await until(page, () => window.playground.state().nodeCount === 2, 'deleted from the menu');
        // A link: right-click its middle.
        l = await stable(page, 'layout');
        const a = l.nodes.api.outputs.out, f = l.nodes.fn.input;
        await rightClick([(a[0] + f[0]) / 2, (a[1] + f[1]) / 2]);
        await clickItem(page, 'ctx.delete-link');
        await until(page, () => window.playground.state().edgeCount === 0, 'link deleted from the menu');
        // The canvas: Add service… → SQS, at the click.
        const c = l.canvas, at = [c[0] + (c[2] - c[0]) * 0.5, c[1] + (c[3] - c[1]) * 0.8];
        await rightClick(at);
        const add = mid(await layoutItem(page, 'ctx.add'));
        await page.mouse.move(add[0], add[1]);
        await settle(page);
        await until(page, () => !!window.playground.layout().items['ctx.add.sqs'], 'the Add service submenu opened');
        saveArtifact('newcomer-context-canvas-1280.png', await page.screenshot());
        await clickItem(page, 'ctx.add.sqs');
        await until(page, () => window.playground.state().nodeCount === 3, 'a service added from the menu');
        const added = (await page.evaluate(() => window.playground.getPattern())).nodes[2];
        assertEq(added.type, 'sqs', 'the added type');
        const centre = (await stable(page, 'layout')).nodes[added.id].center;
        assert(Math.abs(centre[0] - at[0]) < 4, `added where the menu was opened: ${centre} vs ${at}`);
        assertEq(await count(), 3, 'node count');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'the Fire dialog\'s sample fits a fresh design, stores an item, and says the clock runs on',
    async run({ url }) {
      // Issue 20 item 7: a table keyed on something other than the sample's orderId, a function
      // putting each event into it, and nothing typed: the sample must carry the table's key.
      const { b, page } = await fresh(url);
      try {
        const p = twoNodePattern([{ id: 'orders', type: 'dynamodb', config: {
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] } }]);
        p.nodes[1].config = { Actions: [{ target: 'orders', operation: 'PutItem' }] };
        p.edges = [{ from: 'fn', to: 'orders' }];
        assert((await page.evaluate((x) => window.playground.loadPattern(x), p)).ok, 'loads');
        let l = await stable(page, 'layout');
        await click(page, ...l.nodes.fn.center);
        assertEq((await page.evaluate(() => window.playground.state())).selection.nodes, ['fn'], 'fn selected');
        await clickItem(page, 'toolbar.fire');
        await until(page, () => window.playground.state().fire.open, 'the Fire dialog opened');
        let s = await page.evaluate(() => window.playground.state());
        assertEq(s.fire.node, 'fn', 'it fires into the selected node');
        const sample = JSON.parse(s.fire.event);
        assert(JSON.stringify(sample).includes('"pk"'), 'the sample carries the table\'s key: ' + s.fire.event);
        assertEq(s.simTime, 0, 'paused at 0');
        saveArtifact('newcomer-fire-dialog-1280.png', await page.screenshot());
        await clickItem(page, 'fire.send');
        // Paused, so Fire runs the clock 2 s to deliver it, and the dialog says so.
        await until(page, () => /^sent to fn at 0\.0 s; the clock runs on to 2\.0 s/.test(window.playground.state().fire.result),
          'the dialog says where the clock is going');
        await until(page, () => window.playground.state().simTime >= 2 && !window.playground.state().running,
          'the clock ran 2 s and stopped');
        const m = await page.evaluate(() => window.playground.metrics());
        assertEq([m.nodes.fn.invocations, m.nodes.fn.errors, m.nodes.orders.items], [1, 0, 1], 'one invocation, no error, one item stored');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20 item 5: a service added by clicking its palette item goes to the free spot nearest the
    // view's centre, never onto a node already there, and stays in view while there is room.
    name: 'clicking palette items places each new node clear of the others, in view',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        await clickItem(page, 'toolbar.new');
        await until(page, () => window.playground.state().nodeCount === 0, 'an empty canvas');
        for (const t of ['client', 'apigateway', 'lambda', 'lambda', 'dynamodb']) {
          const n = await page.evaluate(() => window.playground.state().nodeCount);
          const at = mid(await paletteItem(page, t));
          await page.mouse.click(at[0], at[1]);
          await until(page, (k) => window.playground.state().nodeCount > k, `${t} added by a click`, n);
        }
        const l = await stable(page, 'layout');
        const ids = Object.keys(l.nodes), c = l.canvas;
        assertEq(ids.length, 5, 'five nodes');
        for (let i = 0; i < ids.length; ++i) {
          const a = l.nodes[ids[i]].rect;
          assert(a[0] >= c[0] && a[1] >= c[1] && a[2] <= c[2] && a[3] <= c[3], `${ids[i]} is in view: ${a} in ${c}`);
          for (let j = i + 1; j < ids.length; ++j) {
            const o = l.nodes[ids[j]].rect;
            assert(a[2] <= o[0] || o[2] <= a[0] || a[3] <= o[1] || o[3] <= a[1], `${ids[i]} ${a} and ${ids[j]} ${o} do not overlap`);
          }
        }
        saveArtifact('newcomer-click-placed-1280.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20: "a first-visit hint that says what to do (press Play; drag a service)". It sits on
    // the canvas clear of the diagram's controls, says both, goes at the first Play, and a returning
    // visitor (an autosave restored) never sees it.
    name: 'a first visit shows what to do until Play; a returning visitor does not see it',
    async run({ url }) {
      for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844, touch: true }]) {
        const { b, page } = await fresh(url, size);
        try {
          const l = await stable(page, 'layout');
          const hint = l.items.hint, c = l.canvas;
          assert(hint, `${size.width}: the hint is drawn: ${Object.keys(l.items)}`);
          assert(hint[0] >= c[0] && hint[2] <= c[2] && hint[1] >= c[1] && hint[3] <= c[3], `${size.width}: inside the canvas`);
          assert((await page.evaluate(() => window.playground.state())).firstHint, 'state().firstHint');
          saveArtifact(`newcomer-first-hint-${size.width}.png`, await page.screenshot());
          const play = mid(await layoutItem(page, 'toolbar.play'));
          if (size.touch) await page.touchscreen.tap(play[0], play[1]);
          else await page.mouse.click(play[0], play[1]);
          await until(page, () => !window.playground.layout().items.hint, 'the hint goes at Play');
          assertEq((await page.evaluate(() => window.playground.state())).firstHint, false, 'and stays gone');
          // Coming back: the autosave (written after an edit) is restored, with no hint.
          await page.evaluate(() => window.playground.pause());
          await page.evaluate(() => window.playground.loadPattern(window.playground.getPattern()));
          await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes('autosave')), null, { timeout: 10000 });
          const again = await openPlayground(b.context, url);
          assertEq((await again.evaluate(() => window.playground.state())).firstHint, false, 'no hint for a returning visitor');
          assertEq(page.problems, [], 'console errors');
        } finally { await b.close(); }
      }
    },
  },
];
