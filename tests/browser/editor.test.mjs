// editor.test.mjs — the canvas driven with real mouse and keyboard events: palette drag-to-create,
// port-to-port wiring (accepted and refused), moving, undo/redo, autosave across a reload.
import { launch, openPlayground, settle, stable, until, layoutItem, press, drag, twoNodePattern, assert, assertEq, saveArtifact } from './lib/harness.mjs';

async function fresh(url, size) {
  const b = await launch(size);
  const page = await openPlayground(b.context, url, '?fresh');
  return { b, page };
}

export const tests = [
  {
    name: 'dragging a palette item onto the canvas creates that service',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        const before = await page.evaluate(() => window.playground.state());
        const layout = await stable(page, 'layout');
        const item = layout.palette.lambda;
        assert(item, 'palette lists lambda: ' + Object.keys(layout.palette));
        const from = [(item[0] + item[2]) / 2, (item[1] + item[3]) / 2];
        const c = layout.canvas;
        const to = [c[0] + (c[2] - c[0]) * 0.5, c[1] + (c[3] - c[1]) * 0.8];
        await drag(page, from, to);
        const after = await page.evaluate(() => window.playground.state());
        assertEq(after.nodeCount, before.nodeCount + 1, 'node count');
        const p = await page.evaluate(() => window.playground.getPattern());
        const added = p.nodes[p.nodes.length - 1];
        assertEq(added.type, 'lambda', 'new node type');
        assertEq(after.selection.nodes, [added.id], 'the new node is selected');
        const at = (await page.evaluate(() => window.playground.layout())).nodes[added.id].center;
        assert(Math.abs(at[0] - to[0]) < 4 && Math.abs(at[1] - to[1]) < 4, `dropped at the cursor: ${at} vs ${to}`);
        saveArtifact('palette-drop.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'dragging from an output port to a node connects them',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        const r = await page.evaluate((p) => window.playground.loadPattern(p), twoNodePattern());
        assert(r.ok, JSON.stringify(r));
        const l = await stable(page, 'layout');
        await drag(page, l.nodes.api.outputs.out, l.nodes.fn.input);
        const s = await page.evaluate(() => window.playground.state());
        assertEq(s.edgeCount, 1, 'edge count');
        const p = await page.evaluate(() => window.playground.getPattern());
        assertEq([p.edges[0].from, p.edges[0].port || 'out', p.edges[0].to], ['api', 'out', 'fn'], 'edge');
        assertEq(s.refusals, 0, 'no refusal');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'a wiring AWS does not allow is refused with the reason at the cursor',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        await page.evaluate((p) => window.playground.loadPattern(p), twoNodePattern([{ id: 'web', type: 'client', config: {} }]));
        const l = await stable(page, 'layout');
        // Lambda's output into a client: clients only send.
        await drag(page, l.nodes.fn.outputs.out, l.nodes.web.center);
        const s = await page.evaluate(() => window.playground.state());
        assertEq(s.edgeCount, 0, 'no edge added');
        assertEq(s.refusals, 1, 'one refusal');
        assert(/cannot receive|only a source/i.test(s.lastRefusal), 'reason: ' + s.lastRefusal);
        saveArtifact('refused-connection.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'moving a node is undone with Ctrl+Z and redone with Ctrl+Shift+Z',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        await page.evaluate((p) => window.playground.loadPattern(p), twoNodePattern());
        const pos = async () => (await page.evaluate(() => window.playground.getPattern())).layout.nodes.fn;
        const start = await pos();
        const l = await stable(page, 'layout');
        const c = l.nodes.fn.center;
        await drag(page, c, [c[0] + 80, c[1] + 60]);
        const moved = await pos();
        assert(moved.x > start.x + 40 && moved.y > start.y + 30, `moved: ${JSON.stringify(start)} → ${JSON.stringify(moved)}`);
        await press(page, 'Control+z');
        assertEq(await pos(), start, 'after undo');
        await press(page, 'Control+Shift+z');
        assertEq(await pos(), moved, 'after redo');
        // The API drives the same undo stack.
        await page.evaluate(() => window.playground.undo());
        assertEq(await pos(), start, 'after API undo');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'box-select then Delete removes nodes; Ctrl+D duplicates',
    async run({ url }) {
      const { b, page } = await fresh(url);
      try {
        await page.evaluate((p) => window.playground.loadPattern(p), twoNodePattern());
        const l = await stable(page, 'layout');
        const a = l.nodes.api.rect, f = l.nodes.fn.rect;
        await drag(page, [a[0] - 20, a[1] - 20], [f[2] + 20, f[3] + 20]);
        let s = await page.evaluate(() => window.playground.state());
        assertEq(s.selection.nodes.sort(), ['api', 'fn'], 'box selection');
        await press(page, 'Control+d');
        s = await page.evaluate(() => window.playground.state());
        assertEq(s.nodeCount, 4, 'duplicated');
        await press(page, 'Delete');
        s = await page.evaluate(() => window.playground.state());
        assertEq(s.nodeCount, 2, 'the duplicates were selected and deleted');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'a reload restores the autosaved document',
    async run({ url }) {
      const b = await launch();
      try {
        let page = await openPlayground(b.context, url, '?fresh');
        await page.evaluate((p) => window.playground.loadPattern(p), twoNodePattern());
        const l = await stable(page, 'layout');
        await drag(page, l.nodes.api.outputs.out, l.nodes.fn.input);
        assertEq((await page.evaluate(() => window.playground.state())).edgeCount, 1, 'connected');
        // Autosave runs ~0.8 s after the last edit: wait until the stored document has the edge.
        await page.waitForFunction(() => {
          const t = localStorage.getItem('serverless-playground.autosave.v1');
          return t && JSON.parse(t).edges.length === 1;
        }, null, { timeout: 30000 });
        await page.goto(url + 'index.html');
        await page.evaluate(() => window.playground.ready);
        const s = await page.evaluate(() => window.playground.state());
        assertEq([s.name, s.nodeCount, s.edgeCount], ['Two nodes', 2, 1], 'restored document');
        assertEq(s.canUndo, false, 'restoring is not an undo step');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20, guided forms: a property name is never cut off by its column (long CloudFormation
    // names break between words instead), at 1280×800 and in the phone's Inspector tab.
    name: 'every property name in the inspector is whole, beside its value, at 1280×800 and on a phone',
    async run({ url }) {
      for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844, touch: true }]) {
        const b = await launch(size);
        try {
          const page = await openPlayground(b.context, url, '?fresh');
          for (const id of ['orders-table', 'orders-fn', 'orders-api']) {
            assert(await page.evaluate((n) => window.playground.selectNode(n), id), `${id} selected`);
            if (size.touch) await page.evaluate(() => window.playground.showPanel('inspector'));
            await until(page, () => Object.keys(window.playground.layout().items).some((k) => k.startsWith('inspector.key.')),
              `the inspector lists ${id}'s properties`);
            const items = (await stable(page, 'layout')).items;
            const keys = Object.keys(items).filter((k) => k.startsWith('inspector.key.')).map((k) => k.slice('inspector.key.'.length));
            assert(keys.length >= 3, `${id}: properties listed: ${keys}`);
            for (const k of keys) {
              const name = items['inspector.key.' + k], value = items['inspector.value.' + k];
              if (!value) continue;  // scrolled out of the panel
              assert(name[2] <= value[0] + 0.5, `${size.width}: ${id}.${k}: the name ${name} runs under its value ${value}`);
            }
            if (id === 'orders-table') saveArtifact(`inspector-names-${size.width}.png`, await page.screenshot());
          }
          assertEq(page.problems, [], 'console errors');
        } finally { await b.close(); }
      }
    },
  },
  {
    // Issue 20, guided forms: hovering a property's name says what it means, fetched on first use
    // (tools/help/<type>.json). Lambda's MemorySize is AWS's (up to 10,240 MB, AWS's documented
    // maximum); DurationMs is the simulator's own knob and says so. On a phone a tap shows the same.
    name: "hovering or tapping a property's name tells its AWS meaning, and marks the simulator's own knobs",
    async run({ url }) {
      for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844, touch: true }]) {
        const b = await launch(size);
        try {
          const page = await openPlayground(b.context, url, '?fresh');
          assert(await page.evaluate(() => window.playground.selectNode('orders-fn')), 'orders-fn selected');
          if (size.touch) await page.evaluate(() => window.playground.showPanel('inspector'));
          const cdp = size.touch ? await b.context.newCDPSession(page) : null;
          const finger = async (type, x, y) => {
            await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
            await settle(page);
          };
          const meaning = async (key) => {
            let r = await layoutItem(page, 'inspector.key.' + key);
            // On the phone the inspector is a short tab: one finger scrolls the name into view.
            for (let k = 0; size.touch && r[3] > size.height - 8 && k < 20; ++k) {
              const x = (r[0] + r[2]) / 2, y = size.height - 30;
              await finger('touchStart', x, y);
              for (let d = 15; d <= 150; d += 15) await finger('touchMove', x, y - d);
              await finger('touchEnd');
              r = (await stable(page, 'layout')).items['inspector.key.' + key];
            }
            // On the desktop the wheel over the inspector scrolls it into view.
            for (let k = 0; !size.touch && k < 20; ++k) {
              const l = await stable(page, 'layout');
              r = l.items['inspector.key.' + key];
              if (r[3] <= l.canvas[3] - 4) break;
              await page.mouse.move((r[0] + r[2]) / 2, l.canvas[3] - 60);
              await page.mouse.wheel(0, 120);
              await settle(page);
            }
            const at = [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
            if (size.touch) await page.touchscreen.tap(at[0], at[1]);
            else await page.mouse.move(at[0], at[1], { steps: 4 });
            await until(page, (k) => { const h = window.playground.layout().fieldHelp; return h && h.key === k && h.state !== 'loading'; },
              `${size.width}: the tooltip of ${key} says what it means`, key);
            return (await page.evaluate(() => window.playground.layout().fieldHelp));
          };
          const memory = await meaning('MemorySize');
          assertEq([memory.state, memory.aws], ['ready', true], 'MemorySize is an AWS property');
          assert(/10,?240 MB/.test(memory.text), `MemorySize's meaning gives AWS's range: ${memory.text}`);
          const duration = await meaning('DurationMs');
          assertEq([duration.state, duration.aws], ['ready', false], 'DurationMs is the simulator\'s');
          assert(/simulat/i.test(duration.text), `DurationMs says it is a simulation knob: ${duration.text}`);
          // A field inside an object-valued property (EventInvokeConfig, not set: its defaults) has
          // its own meaning: AWS retries a failed asynchronous invocation 0 to 2 times.
          const retries = await meaning('MaximumRetryAttempts');
          assertEq([retries.state, retries.aws], ['ready', true], 'MaximumRetryAttempts is an AWS property');
          assert(/0[–-]2/.test(retries.text) && /asynchronous/.test(retries.text), `MaximumRetryAttempts' meaning: ${retries.text}`);
          saveArtifact(`field-help-${size.width}.png`, await page.screenshot());
          assertEq(page.problems, [], 'console errors');
        } finally { await b.close(); }
      }
    },
  },
  {
    // Issue 20, guided forms: a table's primary key is a form, not a JSON box. Adding a numeric sort
    // key with the mouse and keyboard writes KeySchema and the AttributeDefinitions AWS requires for
    // it (every key attribute defined, with its type); a function's architecture is a dropdown
    // writing AWS's one-element list.
    name: "a table's primary key and a function's architecture are forms that write AWS's shapes",
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const config = (id) => page.evaluate((n) => window.playground.getPattern().nodes.find((x) => x.id === n).config, id);
        const clickItem = async (name) => {
          const r = await layoutItem(page, name);
          await page.mouse.click((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
          await settle(page);
        };
        assert(await page.evaluate(() => window.playground.selectNode('orders-table')), 'orders-table selected');
        await clickItem('inspector.key-schema.sort');
        await page.keyboard.type('createdAt');
        await press(page, 'Enter');
        await clickItem('inspector.key-schema.sort-type');
        await clickItem('inspector.key-schema.sort-type.N');
        await until(page, () => {
          const c = window.playground.getPattern().nodes.find((x) => x.id === 'orders-table').config;
          return (c.AttributeDefinitions || []).some((d) => d.AttributeName === 'createdAt' && d.AttributeType === 'N');
        }, 'the sort key is defined as a number');
        const table = await config('orders-table');
        assertEq(table.KeySchema, [{ AttributeName: 'orderId', KeyType: 'HASH' }, { AttributeName: 'createdAt', KeyType: 'RANGE' }], 'KeySchema');
        assertEq(table.AttributeDefinitions, [{ AttributeName: 'orderId', AttributeType: 'S' }, { AttributeName: 'createdAt', AttributeType: 'N' }],
          'AttributeDefinitions: both key attributes, nothing else');
        const s = await page.evaluate(() => window.playground.state());
        assertEq(s.diagnostics.filter((d) => d.severity === 'error'), [], 'the new key builds');
        saveArtifact('inspector-key-schema.png', await page.screenshot());

        assert(await page.evaluate(() => window.playground.selectNode('orders-fn')), 'orders-fn selected');
        await clickItem('inspector.value.Architectures');
        await clickItem('inspector.architectures.arm64');
        await until(page, () => JSON.stringify(window.playground.getPattern().nodes.find((x) => x.id === 'orders-fn').config.Architectures) === '["arm64"]',
          'Architectures is ["arm64"]');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20, guided forms: an object-valued property is a small form of the fields the service
    // reads inside it, typed with range and unit, not a JSON box: a provisioned table's
    // ProvisionedThroughput shows ReadCapacityUnits and WriteCapacityUnits as number fields.
    name: 'ProvisionedThroughput is a form of its two capacity fields; typing one writes it inside the object',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const r = await page.evaluate(() => window.playground.loadPattern({
          name: 'Provisioned', nodes: [{ id: 'table', type: 'dynamodb', config: {
            BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } } }], edges: [] }));
        assert(r.ok, JSON.stringify(r));
        assert(await page.evaluate(() => window.playground.selectNode('table')), 'table selected');
        const field = await layoutItem(page, 'inspector.value.ReadCapacityUnits');
        await page.mouse.click((field[0] + field[2]) / 2, (field[1] + field[3]) / 2);
        await settle(page);
        await press(page, 'Control+a');
        await page.keyboard.type('20');
        await press(page, 'Enter');
        await until(page, () => window.playground.getPattern().nodes[0].config.ProvisionedThroughput.ReadCapacityUnits === 20,
          'ReadCapacityUnits typed into the form');
        assertEq((await page.evaluate(() => window.playground.getPattern())).nodes[0].config.ProvisionedThroughput,
          { ReadCapacityUnits: 20, WriteCapacityUnits: 5 }, 'the object keeps its other field');
        assert((await stable(page, 'layout')).items['inspector.value.WriteCapacityUnits'], 'WriteCapacityUnits has its own field');
        saveArtifact('inspector-nested-form.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20, guided forms: an object-valued property that is not set yet is a form too (the
    // service's defaults, greyed); the first edit writes the whole object, the other field at the
    // default the service was using, as AWS wants both capacities together.
    name: 'an unset ProvisionedThroughput is a form of its defaults; typing one capacity writes both',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 1100 });  // the inspector shows the form unscrolled
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const r = await page.evaluate(() => window.playground.loadPattern({
          name: 'Provisioned', nodes: [{ id: 'table', type: 'dynamodb', config: { BillingMode: 'PROVISIONED' } }], edges: [] }));
        assert(r.ok, JSON.stringify(r));
        assert(await page.evaluate(() => window.playground.selectNode('table')), 'table selected');
        const field = await layoutItem(page, 'inspector.value.ReadCapacityUnits');
        assert((await stable(page, 'layout')).items['inspector.value.WriteCapacityUnits'], 'WriteCapacityUnits has its own field');
        await page.mouse.click((field[0] + field[2]) / 2, (field[1] + field[3]) / 2);
        await settle(page);
        await press(page, 'Control+a');
        await page.keyboard.type('7');
        await press(page, 'Enter');
        await until(page, () => (window.playground.getPattern().nodes[0].config.ProvisionedThroughput || {}).ReadCapacityUnits === 7,
          'ReadCapacityUnits typed into the form');
        const pt = (await page.evaluate(() => window.playground.getPattern())).nodes[0].config.ProvisionedThroughput;
        assert(Number.isInteger(pt.WriteCapacityUnits) && pt.WriteCapacityUnits >= 1,
          `WriteCapacityUnits written with it, at the default in use: ${JSON.stringify(pt)}`);
        assertEq(Object.keys(pt).sort(), ['ReadCapacityUnits', 'WriteCapacityUnits'], 'only the two capacities');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
];
