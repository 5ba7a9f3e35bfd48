// keyboard.test.mjs — the page's own keyboard layer (playground/platform/keyboard_input.cpp): typing
// into an ImGui text field (spaces, editing keys, a character from a dead key or a non-US layout),
// Tab between fields, Ctrl+Z / Ctrl+Y once the field is left, copy and paste, the mouse cursor, and
// which keys keep the browser's action.
import { launch, openPlayground, settle, stable, press, twoNodePattern, assert, assertEq, until, saveArtifact } from './lib/harness.mjs';

const pattern = (page) => page.evaluate(() => window.playground.getPattern());

// A key as a French (AZERTY) keyboard sends it: key "é" on the 2 key, with the character to type.
// Playwright's keyboard only knows the US layout (it would insert the text without key events).
async function typeLayoutKey(page, cdp, key, code, windowsVirtualKeyCode) {
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, windowsVirtualKeyCode, text: key, unmodifiedText: key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode });
  await settle(page);
}

// Dispatches keydown + keyup on the window as the browser would and reports whether the page
// stopped the keydown's default action. (Synthetic events: the browser itself never acts on them.)
function defaultsStopped(page, keys) {
  return page.evaluate((list) => Object.fromEntries(list.map(([name, init]) => {
    const down = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    window.dispatchEvent(down);
    window.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, cancelable: true, key: init.key, code: init.code }));
    return [name, down.defaultPrevented];
  })), keys);
}

export const tests = [
  {
    name: 'typing, editing keys, a layout\'s é, Tab, then Ctrl+Z and Ctrl+Y',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const r = await page.evaluate((p) => window.playground.loadPattern(p), twoNodePattern());
        assert(r.ok, JSON.stringify(r));
        await until(page, () => !!(window.playground.layout().inspector || {}).name, 'the pattern inspector shows its name field');
        const field = (await stable(page, 'layout')).inspector.name;
        await page.mouse.click((field[0] + field[2]) / 2, (field[1] + field[3]) / 2);
        await settle(page);
        await until(page, () => document.getElementById('canvas').style.cursor === 'text', 'an I-beam over the field');

        await press(page, 'Control+a');  // ImGui's select-all in the field
        await page.keyboard.type('Orders v2');
        await settle(page);
        assertEq((await pattern(page)).name, 'Orders v2', 'typed name (with a space)');
        await press(page, 'Backspace');
        await press(page, 'Home');
        await page.keyboard.type('My ');
        await settle(page);
        await press(page, 'End');
        const cdp = await page.context().newCDPSession(page);
        await typeLayoutKey(page, cdp, 'é', 'Digit2', 50);
        assertEq((await pattern(page)).name, 'My Orders vé', 'Backspace, Home, End and é');

        await press(page, 'Tab');  // to the description field
        await page.keyboard.type('Hi');
        await settle(page);
        let p = await pattern(page);
        assertEq([p.name, p.description], ['My Orders vé', 'Hi'], 'Tab moved to the description');
        await press(page, 'Shift+Tab');  // back to the name, then Enter leaves the field
        await press(page, 'Enter');
        assertEq((await pattern(page)).name, 'My Orders vé', 'Shift+Tab and Enter change nothing');

        // Out of the field, Ctrl+Z undoes the edits (a field's edit is one step or a few).
        for (let i = 0; i < 6 && (await pattern(page)).name !== 'Two nodes'; i++) await press(page, 'Control+z');
        p = await pattern(page);
        assertEq([p.name, p.description || ''], ['Two nodes', ''], 'Ctrl+Z took the typing back');
        await press(page, 'Control+y');
        assert((await pattern(page)).name !== 'Two nodes', 'Ctrl+Y redid the rename');
        await cdp.detach();
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'Ctrl+C and Ctrl+V in a text field copy and paste through the page\'s clipboard',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await page.evaluate((p) => window.playground.loadPattern(p), twoNodePattern());
        await until(page, () => !!(window.playground.layout().inspector || {}).name, 'the pattern inspector shows its name field');
        const field = (await stable(page, 'layout')).inspector.name;
        await page.mouse.click((field[0] + field[2]) / 2, (field[1] + field[3]) / 2);
        await settle(page);
        await press(page, 'Control+a');
        await press(page, 'Control+c');
        assertEq(await page.evaluate(() => window.playgroundHost.clipboard), 'Two nodes', 'copied text');
        await page.keyboard.type('Other');
        await settle(page);
        assertEq((await pattern(page)).name, 'Other', 'typed over the selection');
        await press(page, 'Control+a');
        await press(page, 'Control+v');
        assertEq((await pattern(page)).name, 'Two nodes', 'pasted text');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'the browser keeps its own keys (F5, Ctrl+R, Ctrl+L, F12, Alt+Left); the app stops the ones it uses',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await page.evaluate((p) => window.playground.loadPattern(p), twoNodePattern());
        await settle(page);
        const stopped = await defaultsStopped(page, [
          ['F5', { key: 'F5', code: 'F5' }],
          ['Ctrl+R', { key: 'r', code: 'KeyR', ctrlKey: true }],
          ['Ctrl+L', { key: 'l', code: 'KeyL', ctrlKey: true }],
          ['Ctrl+T', { key: 't', code: 'KeyT', ctrlKey: true }],
          ['F12', { key: 'F12', code: 'F12' }],
          ['Ctrl+Shift+I', { key: 'I', code: 'KeyI', ctrlKey: true, shiftKey: true }],
          ['Alt+Left', { key: 'ArrowLeft', code: 'ArrowLeft', altKey: true }],
          ['Ctrl+V', { key: 'v', code: 'KeyV', ctrlKey: true }],
          ['Backspace', { key: 'Backspace', code: 'Backspace' }],
          ['Ctrl+D', { key: 'd', code: 'KeyD', ctrlKey: true }],
          ['Cmd+A', { key: 'a', code: 'KeyA', metaKey: true }],
          ['Tab', { key: 'Tab', code: 'Tab' }],
        ]);
        await settle(page);
        assertEq(stopped, {
          'F5': false, 'Ctrl+R': false, 'Ctrl+L': false, 'Ctrl+T': false, 'F12': false, 'Ctrl+Shift+I': false,
          'Alt+Left': false, 'Ctrl+V': false, 'Backspace': true, 'Ctrl+D': true, 'Cmd+A': true,
          'Tab': false,  // outside a text field Tab moves the focus on, to the accessible outline (a11y tests)
        }, 'default actions stopped');
        // Backspace and Ctrl+D came before Cmd+A selected the nodes: nothing to delete or duplicate.
        assertEq((await page.evaluate(() => window.playground.state())).nodeCount, 2, 'node count');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20, a keyboard path for every action: the settings of a service selected from the
    // outline are edited without a mouse. I puts the keyboard in the inspector, Tab walks its fields
    // (the highlight shows where), typing changes one, Esc leaves, and Tab leaves the canvas again.
    name: 'I puts the keyboard in the inspector: Tab to MemorySize, type 1024, Esc, then Tab leaves for the outline',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        assert(await page.evaluate(() => window.playground.selectNode('orders-fn')), 'orders-fn selected');
        await page.focus('#canvas');
        await press(page, 'i');
        await until(page, () => window.playground.state().keyboardFocus.startsWith('inspector.'), 'I moves the keyboard into the inspector');
        const visited = [];
        for (let i = 0; i < 40; ++i) {
          const at = (await page.evaluate(() => window.playground.state())).keyboardFocus;
          if (at === 'inspector.value.MemorySize') break;
          visited.push(at);
          await page.keyboard.press('Tab');
          await until(page, (was) => window.playground.state().keyboardFocus !== was, 'Tab moves to the next field', at);
        }
        assertEq((await page.evaluate(() => window.playground.state())).keyboardFocus, 'inspector.value.MemorySize',
          `Tab reaches MemorySize (went through ${visited.join(', ')})`);
        assert(await page.evaluate(() => document.activeElement.id === 'canvas'), 'Tab stayed in the canvas while walking fields');
        await press(page, 'Control+a');
        await page.keyboard.type('1024');
        await press(page, 'Enter');
        await until(page, () => (window.playground.getPattern().nodes.find((n) => n.id === 'orders-fn').config || {}).MemorySize === 1024,
          'typing 1024 sets MemorySize (it was 512)');
        saveArtifact('keyboard-inspector.png', await page.screenshot());
        await press(page, 'Escape');
        await until(page, () => window.playground.state().keyboardFocus === '', 'Esc takes the keyboard out of the inspector');
        await page.keyboard.press('Tab');
        await until(page, () => !!document.activeElement.closest('#pg-outline'), 'Tab then leaves the canvas for the outline');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20, a keyboard path for every action: adding services. A focuses the palette's filter,
    // typing narrows it, Enter adds the first match (selected, at a free spot); on a phone the same
    // keys open the "+ Add service" list.
    name: 'A, type "lamb", Enter adds a Lambda; A, "dyn", Enter a DynamoDB table (desktop and phone)',
    async run({ url }) {
      for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
        const b = await launch(size);
        try {
          const page = await openPlayground(b.context, url, '?fresh');
          await page.evaluate(() => window.playground.newPattern());
          await until(page, () => window.playground.state().nodeCount === 0, 'an empty canvas');
          await page.focus('#canvas');
          for (const [typed, type] of [['lamb', 'lambda'], ['dyn', 'dynamodb']]) {
            const n = await page.evaluate(() => window.playground.state().nodeCount);
            await press(page, 'a');
            await until(page, () => window.playground.state().keyboardFocus === 'palette.filter', `${size.width}: A puts the keyboard in the filter`);
            await page.keyboard.type(typed);
            await press(page, 'Enter');
            await until(page, (k) => window.playground.state().nodeCount > k, `${size.width}: Enter adds a service`, n);
            const p = await page.evaluate(() => window.playground.getPattern());
            const added = p.nodes[p.nodes.length - 1];
            assertEq(added.type, type, `${size.width}: "${typed}" adds ${type}`);
            assertEq((await page.evaluate(() => window.playground.state())).selection.nodes, [added.id], 'the new service is selected');
          }
          saveArtifact(`keyboard-add-${size.width}.png`, await page.screenshot());
          assertEq(page.problems, [], 'console errors');
        } finally { await b.close(); }
      }
    },
  },
  {
    // Issue 20, a keyboard path for every action: wiring. The inspector lists, per output port, the
    // services AWS lets it reach; I, Tab to "link to", Space, Enter links them — with the same
    // default action a drag between ports gives (the function puts each event into the table).
    name: 'I, Tab to "link to", Space, Enter links a Lambda to a table, with its default action',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await page.evaluate(() => window.playground.newPattern());
        await until(page, () => window.playground.state().nodeCount === 0, 'an empty canvas');
        await page.focus('#canvas');
        for (const typed of ['lamb', 'dyn']) {
          await press(page, 'a');
          await page.keyboard.type(typed);
          await press(page, 'Enter');
        }
        await until(page, () => window.playground.state().nodeCount === 2, 'two services');
        const [fn, table] = (await page.evaluate(() => window.playground.getPattern())).nodes.map((n) => n.id);
        assert(await page.evaluate((id) => window.playground.selectNode(id), fn), 'the function selected');
        await press(page, 'i');
        await until(page, () => window.playground.state().keyboardFocus.startsWith('inspector.'), 'I moves the keyboard into the inspector');
        for (let i = 0; i < 60; ++i) {
          const at = (await page.evaluate(() => window.playground.state())).keyboardFocus;
          if (at === 'inspector.link.out') break;
          await page.keyboard.press('Tab');
          await until(page, (was) => window.playground.state().keyboardFocus !== was, 'Tab moves on', at);
        }
        assertEq((await page.evaluate(() => window.playground.state())).keyboardFocus, 'inspector.link.out', 'Tab reaches "link to"');
        await press(page, 'Space');
        await until(page, (t) => window.playground.state().keyboardFocus === 'inspector.link.out.' + t, 'the list opens on the table', table);
        saveArtifact('keyboard-link-list.png', await page.screenshot());
        await press(page, 'Enter');
        await until(page, () => window.playground.state().edgeCount === 1, 'Enter links them');
        const p = await page.evaluate(() => window.playground.getPattern());
        assertEq([p.edges[0].from, p.edges[0].port || 'out', p.edges[0].to], [fn, 'out', table], 'the link (out: the default port)');
        assertEq(p.nodes[0].config.Actions, [{ target: table, operation: 'PutItem' }], 'the default action a drag would give');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20, a keyboard path for every action: the tab area. B puts the keyboard on its tabs
    // (arrows between them, Space shows one); Tab walks what the tab shows — gallery cards, lessons,
    // a problem list (Space goes in, arrows walk its rows) — and Space acts as a click would.
    name: 'B, then Tab and Space open a gallery card, start a tour from Learn and select a problem\'s service',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const focus = () => page.evaluate(() => window.playground.state().keyboardFocus);
        const tabTo = async (want, key = 'Tab') => {
          for (let i = 0; i < 40 && !(await focus()).startsWith(want); ++i) {
            const was = await focus();
            await page.keyboard.press(key);
            await until(page, (w) => window.playground.state().keyboardFocus !== w, `${key} moves on from ${was}`, was);
          }
          assert((await focus()).startsWith(want), `${key} reaches ${want}`);
          return focus();
        };
        await page.focus('#canvas');
        await press(page, 'b');
        await until(page, () => window.playground.state().keyboardFocus === 'tab.gallery', 'B puts the keyboard on the Gallery tab');
        const card = await tabTo('gallery.fan');  // a card (not its tour button)
        saveArtifact('keyboard-gallery.png', await page.screenshot());
        await press(page, 'Space');
        await until(page, () => window.playground.getPattern().name === 'Fan-out', `Space on ${card} opens Fan-out`);

        await press(page, 'b');
        await until(page, () => window.playground.state().keyboardFocus.startsWith('tab.'), 'B again: the tabs');
        await tabTo('tab.learn', 'ArrowRight');
        await press(page, 'Space');
        await tabTo('learn.tour-');
        const tour = (await focus()).slice('learn.tour-'.length);
        await press(page, 'Space');
        await until(page, (t) => { const l = window.playground.learnState(); return l.mode === 'tour' && l.tour.name === t; },
          `Space starts the ${tour} tour`, tour);
        await page.evaluate(() => window.playground.closeLearn());

        const r = await page.evaluate(() => window.playground.loadPattern({ format: 'serverless-playground/1', name: 'x',
          nodes: [{ id: 'fn', type: 'lambda' }, { id: 'q', type: 'sqs', config: { VisibilityTimeout: -5 } }], edges: [] }));
        assertEq(r.errors.length, 1, 'one problem: ' + JSON.stringify(r.errors));
        await press(page, 'b');
        await until(page, () => window.playground.state().keyboardFocus.startsWith('tab.'), 'B: the tabs');
        await tabTo('tab.problems', 'ArrowRight');
        await press(page, 'Space');
        await tabTo('problems.list');
        await press(page, 'Space');  // into the list
        await tabTo('problems.item.0', 'ArrowDown');
        await press(page, 'Space');
        await until(page, () => window.playground.state().selection.nodes.join() === 'q', 'Space on the problem selects q');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    // Issue 20, a keyboard path for every action: arranging the canvas. N / Shift+N walk the
    // services in flow order (columns left to right) and pan each into view; the arrows move the
    // selection a grid square (Shift: five); a held arrow is one undo step.
    name: 'N selects services in flow order, arrows move them by grid squares, Ctrl+Z undoes a held arrow at once',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const r = await page.evaluate((p) => window.playground.loadPattern(p), twoNodePattern());
        assert(r.ok, JSON.stringify(r));
        const p0 = await pattern(page);
        const byColumn = [...p0.nodes].sort((a, b) => p0.layout.nodes[a.id].x - p0.layout.nodes[b.id].x).map((n) => n.id);
        const selected = () => page.evaluate(() => window.playground.state().selection.nodes.join());
        const at = (id) => page.evaluate((n) => window.playground.getPattern().layout.nodes[n], id);
        await page.focus('#canvas');
        await press(page, 'n');
        await until(page, (id) => window.playground.state().selection.nodes.join() === id, 'N selects the leftmost service', byColumn[0]);
        await press(page, 'n');
        assertEq(await selected(), byColumn[1], 'N again: the next column');
        await press(page, 'Shift+n');
        assertEq(await selected(), byColumn[0], 'Shift+N: back');
        const id = byColumn[0];
        const start = await at(id);
        await press(page, 'ArrowRight');
        assertEq(await at(id), { x: start.x + 24, y: start.y }, 'Right: one grid square');
        await press(page, 'Shift+ArrowDown');
        assertEq(await at(id), { x: start.x + 24, y: start.y + 120 }, 'Shift+Down: five');
        await page.keyboard.down('ArrowLeft');  // held: the key repeats
        await until(page, ([n, x]) => window.playground.getPattern().layout.nodes[n].x <= x - 72, 'a held Left repeats', [id, start.x + 24]);
        await page.keyboard.up('ArrowLeft');
        await settle(page);
        await press(page, 'Control+z');
        assertEq(await at(id), { x: start.x + 24, y: start.y + 120 }, 'one Ctrl+Z takes the whole held move back');
        await press(page, 'Control+z');
        await press(page, 'Control+z');
        assertEq(await at(id), start, 'two more: where it started');
        saveArtifact('keyboard-move.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
];
