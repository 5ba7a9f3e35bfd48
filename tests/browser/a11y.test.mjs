// a11y.test.mjs — the page's accessible outline (web/outline.js) read through the browser's own
// accessibility tree (CDP Accessibility.getFullAXTree): the run state in a live region, every
// service with its kind and live figures, links and problems; and the keyboard path into it (Tab
// from the canvas reaches the services, Enter selects one).
import { launch, openPlayground, until, settle, assert, assertEq, saveArtifact } from './lib/harness.mjs';

// The accessibility tree as [{role, name}] for the nodes Chromium exposes; a node without a name of
// its own (a list item, a status) is named by the text it contains, as a screen reader reads it.
async function axNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const text = (n) => n.role && n.role.value === 'StaticText' ? n.name.value
    : (n.childIds || []).map((c) => byId.get(c)).filter(Boolean).map(text).join('');
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role && n.role.value, name: (n.name && n.name.value) || text(n) }));
}

// Waits until the accessibility tree has a node of `role` whose name matches `re`; returns its name.
async function axFind(page, role, re, what) {
  for (let i = 0; i < 60; ++i) {
    const hit = (await axNodes(page)).find((n) => n.role === role && re.test(n.name));
    if (hit) return hit.name;
    await page.waitForTimeout(250);
  }
  throw new Error(`${what}: no ${role} matching ${re} in the accessibility tree`);
}

export const tests = [
  {
    name: 'the accessibility tree holds the diagram: services with kind and live figures, links, problems, run state',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const p = await page.evaluate(() => window.playground.getPattern());
        assert(p.nodes.some((n) => n.id === 'orders-fn'), 'the first visit shows the REST API pattern');
        await axFind(page, 'heading', /^Diagram: /, 'the outline heading');
        await axFind(page, 'button', /^orders-fn, Lambda: 0 requests$/, 'the function before the run');
        await axFind(page, 'listitem', /^orders-api to orders-fn, POST \/orders/, 'the routed link');
        await axFind(page, 'status', /^Paused\.$/, 'the run state');

        // Run: the figures in the tree are the engine's (compared with metrics()).
        await page.evaluate(() => window.playground.runFor(20));
        const m = (await page.evaluate(() => window.playground.metrics())).nodes['orders-fn'];
        assert(m.invocations > 0, 'the function ran');
        const fmt = (v) => v.toLocaleString('en-US');
        const name = await axFind(page, 'button', new RegExp(`^orders-fn, Lambda: ${fmt(m.invocations)} requests`), 'live figures');
        if (m.cold_starts > 0) assert(name.includes(`${fmt(m.cold_starts)} cold start`), `cold starts in '${name}'`);
        await page.evaluate(() => window.playground.play());
        await axFind(page, 'status', /^Running at ×1\.$/, 'the run state after Play');
        await page.evaluate(() => window.playground.pause());

        // A problem the engine reports is in the tree too.
        await page.evaluate(() => window.playground.loadPattern({
          name: 'lonely', nodes: [{ id: 'api', type: 'apigateway' }], edges: [] }));
        await axFind(page, 'listitem', /^Warning: 'api' has no integration/, 'the problem');
        await axFind(page, 'status', /1 problem\.$/, 'the problem count in the live region');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'Tab from the canvas reaches the outline, which shows itself; Enter on a service selects it',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await until(page, () => !!document.querySelector('#pg-outline button'), 'the outline lists services');
        await page.focus('#canvas');
        let inOutline = false;
        for (let i = 0; i < 5 && !inOutline; ++i) {
          await page.keyboard.press('Tab');
          await settle(page);
          inOutline = await page.evaluate(() => !!document.activeElement.closest('#pg-outline'));
        }
        assert(inOutline, 'Tab moved the focus from the canvas into the outline');
        const box = await page.evaluate(() => { const r = document.getElementById('pg-outline').getBoundingClientRect(); return [r.width, r.height]; });
        assert(box[0] > 200 && box[1] > 100, `the outline is shown while it has the focus: ${box}`);
        const id = await page.evaluate(() => document.activeElement.dataset.id);
        await page.keyboard.press('ArrowDown');  // buttons are not a menu: the focus stays
        await page.keyboard.press('Enter');
        await until(page, (want) => window.playground.state().selection.nodes.join() === want, 'Enter selects the service', id);
        saveArtifact('a11y-outline-focused.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
];
