// code.test.mjs — Lambda functions whose handler is JavaScript, in the page: the code module is
// fetched on first use, the design is rebuilt with it, and the run equals the CLI's (the golden
// run slsim made of the same pattern); the Logs tab shows the handler's console lines; the code
// editor in the inspector takes real typing, marks a syntax error, and undoes like any edit; the
// Fire dialog waits for a synchronous invoke and shows the handler's return value; the gallery
// fetches the patterns whose functions are code (outside the page's download) and opens them.
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPlayground, settle, until, layoutItem, repo, assert, assertEq, saveArtifact } from './lib/harness.mjs';

const mid = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
async function clickItem(page, name) {
  const at = mid(await layoutItem(page, name));
  await page.mouse.click(at[0], at[1]);
  await settle(page);
}

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
        const id = lines[0].slice('START RequestId: '.length).split(' ')[0];
        // The count follows the filter a frame later, and the stream may still grow: compare the
        // lines shown with the whole stream as it is at that moment.
        await until(page, (want) => window.playground.state().logsShown.filter === want, 'the filter is the clicked line\'s request id', id);
        let shown = null, total = 0;
        await until(page, () => {
          const s = window.playground.state().logsShown, all = window.playground.logs()['create-order'].length;
          return s.lines >= 3 && s.lines < all;
        }, 'only that request\'s lines are listed').catch(() => {});
        [shown, total] = await page.evaluate(() => [window.playground.state().logsShown, window.playground.logs()['create-order'].length]);
        assertEq(shown.filter, id, 'the filter is the clicked line\'s request id');
        assert(shown.lines >= 3 && shown.lines < total, `one request's lines: ${shown.lines} of ${total}`);
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
  {
    name: 'the Fire dialog waits for a synchronous invoke and shows the handler\'s return value',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800 });
      try {
        const page = await openWithCode(b, url);
        await page.evaluate(() => window.playground.selectNode('create-order'));
        await clickItem(page, 'toolbar.fire');
        await until(page, () => window.playground.state().fire.open, 'the Fire dialog opened');
        assertEq((await page.evaluate(() => window.playground.state())).fire.wait, true, 'it waits for the answer by default');
        // Type the event as API Gateway would pass it: the order is the body, as text.
        await clickItem(page, 'fire.event');
        await page.keyboard.press('Control+A');
        await page.keyboard.type('{"body": "{\\"orderId\\": \\"o-fire\\", \\"total\\": 7}"}');
        await settle(page);
        const typed = JSON.parse((await page.evaluate(() => window.playground.state())).fire.event);
        assertEq(typed, { body: '{"orderId": "o-fire", "total": 7}' }, 'the typed event');
        const answer = async (what) => {
          await clickItem(page, 'fire.send');
          await until(page, () => { const a = window.playground.state().fire.answer; return a && a.status !== undefined; }, what);
          return (await page.evaluate(() => window.playground.state())).fire.answer;
        };
        // The handler's return value is Invoke's payload: 201 and the order's id.
        let a = await answer('the first answer arrives');
        assertEq([a.status, a.error, a.body], [200, '', { statusCode: 201, body: '{"orderId":"o-fire"}' }], 'first Fire');
        assert(a.afterMs >= 12, `at least the handler's 12 ms: ${a.afterMs}`);
        await layoutItem(page, 'fire.answer');
        saveArtifact('code-fire-answer-1280.png', await page.screenshot());
        // The same order again: the conditional write fails and the handler answers 409.
        a = await answer('the second answer arrives');
        assertEq(a.body, { statusCode: 409, body: '{"message":"order o-fire exists"}' }, 'second Fire');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'the gallery fetches the code patterns: a click opens one, and a ?pattern= link waits for them',
    async run({ url }) {
      const b = await launch({ width: 1600, height: 1000 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await page.evaluate(() => window.playground.showPanel('gallery'));
        await until(page, () => window.playground.state().codeGallery === 'ready', 'the code patterns arrive');
        const want = JSON.parse(orderApi());
        // The card may be below the fold of the gallery: scroll it into view with the wheel.
        let card = await layoutItem(page, 'gallery.order-api');
        for (let i = 0; i < 40 && card[3] > 1000 - 8; ++i) {
          await page.mouse.move(card[0] + 20, 1000 - 60);
          await page.mouse.wheel(0, 120);
          await settle(page);
          card = await layoutItem(page, 'gallery.order-api');
        }
        assert(card[3] <= 1000, 'the card is on screen: ' + card);
        saveArtifact('code-gallery-1600.png', await page.screenshot());
        await page.mouse.click((card[0] + card[2]) / 2, card[3] - 12);  // its description, not "Take the tour"
        await until(page, (name) => window.playground.state().name === name, 'order-api opens from its card', want.name);
        await until(page, () => window.playground.state().codeRuntime === 'ready', 'its code module loads');
        // Its tour's INIT step runs in the page: a read started at module level happens once per
        // execution environment, so the table's reads go from none to one per cold start.
        assert((await page.evaluate(() => window.playground.startTour('order-api'))).ok, 'the tour starts');
        const init = JSON.parse(fs.readFileSync(path.join(repo, 'patterns/code/tours/order-api.json'), 'utf8'))
          .steps.findIndex((st) => /INIT/.test(st.title));
        assert(init >= 0, 'the tour has an INIT step');
        await page.evaluate((k) => window.playground.tourStep(k), init);
        await until(page, () => { const w = window.playground.learnState().tour.watch; return w && !w.pending && w.changed !== null; },
          'the INIT step\'s runs finish', null, 120000);
        const watch = (await page.evaluate(() => window.playground.learnState())).tour.watch;
        assertEq([watch.node, watch.metric, watch.baseline], ['orders-table', 'reads', 0], 'the watched metric before');
        assert(watch.changed > 0, 'module-level reads happen: ' + JSON.stringify(watch));
        assertEq(watch.problem, '', 'no problem');
        assertEq(page.problems, [], 'console errors');

        const linked = await openPlayground(b.context, url, '?fresh&pattern=s3-describer');
        const describer = JSON.parse(fs.readFileSync(path.join(repo, 'patterns/code/s3-describer.json'), 'utf8'));
        await until(linked, (name) => window.playground.state().name === name, 'the link opens s3-describer', describer.name);
        assertEq(linked.problems, [], 'console errors (link)');

        // The code patterns' learning content comes with them: a ?challenge= link waits for it.
        const challenge = await openPlayground(b.context, url, '?fresh&challenge=partial-batch-failures');
        await until(challenge, () => { const l = window.playground.learnState(); return l.mode === 'challenge' && l.challenge.id === 'partial-batch-failures'; },
          'the code challenge starts from its link');
        assertEq(challenge.problems, [], 'console errors (challenge)');
      } finally { await b.close(); }
    },
  },
];
