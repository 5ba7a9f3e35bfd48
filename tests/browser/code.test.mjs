// code.test.mjs — Lambda functions whose handler is JavaScript, in the page: the code module is
// fetched on first use, the design is rebuilt with it, and the run equals the CLI's (the golden
// run slsim made of the same pattern); the Logs tab shows the handler's console lines; the code
// editor in the inspector takes real typing, marks a syntax error, and undoes like any edit.
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPlayground, settle, until, layoutItem, repo, assert, assertEq, saveArtifact } from './lib/harness.mjs';

const orderApi = () => fs.readFileSync(path.join(repo, 'patterns/code/order-api.json'), 'utf8');
const golden = () => JSON.parse(fs.readFileSync(path.join(repo, 'tests/golden/run/code/order-api.json'), 'utf8'));

// The golden runs use their own seed (tests/golden/golden.sh): the page runs the pattern with it.
async function openWithCode(b, url, seed = null) {
  const page = await openPlayground(b.context, url, '?fresh');
  assertEq((await page.evaluate(() => window.playground.state())).codeRuntime, 'none', 'no code, no module fetched');
  const pattern = JSON.parse(orderApi());
  if (seed !== null) pattern.seed = seed;
  const r = await page.evaluate((t) => window.playground.loadPattern(t), JSON.stringify(pattern));
  assert(r.ok, 'order-api loads: ' + JSON.stringify(r.errors));
  await until(page, () => window.playground.state().codeRuntime === 'ready', 'the code module loads');
  await until(page, () => window.playground.state().built &&
    !window.playground.state().diagnostics.some((d) => d.message.includes('no JavaScript runtime')), 'rebuilt with code');
  return page;
}

export const tests = [
  {
    name: 'a design with code fetches the runtime and runs exactly as slsim does',
    async run({ url }) {
      const b = await launch();
      try {
        const want = golden();
        const page = await openWithCode(b, url, want.seed);
        await page.evaluate((s) => window.playground.runFor(s), want.sim_time_s);
        const got = await page.evaluate(() => window.playground.metrics());
        assertEq(got.events_processed, want.events_processed, 'events vs slsim');
        assertEq(got.trace_fingerprint, want.trace_fingerprint, 'trace fingerprint vs slsim');
        assertEq(got.nodes['create-order'].log_lines, want.nodes['create-order'].log_lines, 'log lines vs slsim');
        assertEq(got.nodes['orders-table'], want.nodes['orders-table'], 'what the handlers wrote');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'the Logs tab lists each invocation, and a click keeps one request',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800 });
      try {
        const page = await openWithCode(b, url);
        await page.evaluate(() => window.playground.runFor(5));
        const logs = await page.evaluate(() => window.playground.logs());
        const lines = logs['create-order'];
        assert(lines && lines.length > 0, 'create-order has log lines: ' + JSON.stringify(Object.keys(logs)));
        assert(lines[0].startsWith('START RequestId: '), 'the stream starts with START: ' + lines[0]);
        assert(lines.some((l) => l.startsWith('REPORT RequestId: ') && l.includes('Billed Duration: ')), 'a REPORT line');
        await page.evaluate(() => window.playground.showPanel('logs'));
        const row = await layoutItem(page, 'logs.line0');
        await page.mouse.click(row[0] + 20, (row[1] + row[3]) / 2);
        await settle(page);
        const shown = await page.evaluate(() => window.playground.state().logsShown);
        const id = lines[0].slice('START RequestId: '.length).split(' ')[0];
        assertEq(shown.filter, id, 'the filter is the clicked line\'s request id');
        assert(shown.lines >= 3 && shown.lines < lines.length, `one request's lines: ${shown.lines} of ${lines.length}`);
        saveArtifact('code-logs-1280.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'typing a syntax error in the code editor marks its line; undo restores the code',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800 });
      try {
        const page = await openWithCode(b, url);
        await page.evaluate(() => window.playground.selectNode('create-order'));
        const editor = await layoutItem(page, 'inspector.code');
        await page.mouse.click(editor[0] + 40, editor[1] + 6);  // into the editor
        await settle(page);
        await page.keyboard.press('Control+Home');
        await page.keyboard.type('}');
        await settle(page);
        await until(page, () => window.playground.state().diagnostics.some((d) =>
          d.severity === 'error' && d.path.endsWith('/config/InlineCode') && /^index\.js:1:/.test(d.message)),
          'the syntax error on line 1, at the property');
        saveArtifact('code-editor-error-1280.png', await page.screenshot());
        await page.evaluate(() => window.playground.undo());
        await until(page, () => window.playground.state().built, 'the code builds again after undo');
        const code = (await page.evaluate(() => window.playground.getPattern())).nodes.find((n) => n.id === 'create-order').config.InlineCode;
        assertEq(code, JSON.parse(orderApi()).nodes.find((n) => n.id === 'create-order').config.InlineCode, 'the code after undo');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
];
