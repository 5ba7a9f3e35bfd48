// share.test.mjs — share links (web/share.js, web/share_codec.js): Share → link → a fresh browser
// shows the same pattern and the same metrics (and the CLI the same trace fingerprint); the
// address bar follows edits without flooding history; ?pattern=<name>; every shipped pattern's link
// is at most 1,500 characters; hostile links all end in an error with the previous work intact;
// PNG export of the diagram.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openPlayground, settle, stable, click, press, watchFor, assert, assertEq, saveArtifact, repo, twoNodePattern } from './lib/harness.mjs';
import { decodePng, distinctColours } from './lib/png.mjs';
import { hostileLinks } from './hostile/corpus.mjs';

const AUTOSAVE = 'serverless-playground.autosave.v1';
const patternFiles = () => fs.readdirSync(path.join(repo, 'patterns')).filter((f) => f.endsWith('.json')).sort();

// A native slsim built from the same sources as the site: $SLSIM, else build/native/slsim (what
// scripts/test builds next to build/web). A binary from another tree may simulate differently.
function findSlsim() {
  if (process.env.SLSIM) return process.env.SLSIM;
  const p = path.join(repo, 'build/native/slsim');
  return fs.existsSync(p) ? p : null;
}

// openPlayground(context, url, query) appends `query` to url + 'index.html'.
const afterIndex = (link) => link.slice(link.indexOf('index.html') + 'index.html'.length);
const noticeText = (page) => page.evaluate(() => {
  const el = document.getElementById('pg-notice');
  return el && !el.hidden ? el.textContent : '';
});

// A queue pattern with failures, so metrics have errors and dead letters to compare.
function builtPattern() {
  const p = twoNodePattern([{ id: 'jobs', type: 'sqs', config: { VisibilityTimeout: 30 } }]);
  p.name = 'Built in the page';
  p.seed = 77;
  p.nodes.unshift({ id: 'users', type: 'client', config: {} });
  p.nodes.find((n) => n.id === 'fn').config = { ErrorRate: 0.2, DurationMs: { p50: 40, p99: 200 } };
  p.edges = [{ from: 'users', to: 'api' }, { from: 'api', to: 'jobs' }, { from: 'jobs', to: 'fn' }];
  p.traffic = [{ id: 'load', source: 'users', profile: { type: 'constant', rps: 15 } }];
  p.layout.nodes.users = { x: -200, y: 100 };
  return p;
}

export const tests = [
  {
    name: 'Share copies a link; a fresh browser opening it shows the same pattern and metrics',
    async run({ url }) {
      const a = await launch(), b = await launch();
      try {
        await a.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
        const page = await openPlayground(a.context, url, '?fresh');
        assert((await page.evaluate((p) => window.playground.loadPattern(p), builtPattern())).ok, 'pattern loads');
        // Edit in the page: duplicate the queue with Ctrl+D. A click on empty canvas first (it clears
        // the selection); the queue is selected once the app has handled that click — selecting it
        // before would race the click, which a slow frame hands to the UI after the selection.
        await click(page, 640, 60);
        await page.evaluate(() => window.playground.selectNode('jobs'));
        await press(page, 'Control+d');
        assertEq((await page.evaluate(() => window.playground.state())).nodeCount, 5, 'node duplicated in the page');
        await page.evaluate(() => window.playground.selectNode('fn'));
        await page.evaluate(() => window.playground.showPanel('charts'));
        await settle(page);

        // A real click on the toolbar's Share button.
        const r = (await stable(page, 'layout', 'toolbar')).share;
        assert(r, 'the toolbar has a Share button');
        await page.mouse.click((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
        await page.waitForFunction(() => { const t = document.getElementById('pg-toast'); return t && !t.hidden; });
        const toastText = await page.evaluate(() => document.getElementById('pg-toast').textContent);
        assert(/Link copied to the clipboard \(\d[\d,]* characters\)/.test(toastText), 'confirmation: ' + toastText);
        saveArtifact('share-confirmation.png', await page.screenshot());
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        const link = await page.evaluate(() => window.playground.shareLink());
        assertEq(copied, link, 'clipboard holds shareLink()');
        assert(/^http:\/\/127\.0\.0\.1:\d+\/index\.html#v1\.[A-Za-z0-9_-]+$/.test(link), 'link shape: ' + link.slice(0, 80));
        assertEq(await page.evaluate(() => location.href), link, 'address bar shows the shared state');
        const envelope = await page.evaluate(async (l) => JSON.parse(new TextDecoder().decode(
          await window.playgroundShareCodec.decodeFragment(l.slice(l.indexOf('#'))))), link);
        assertEq([envelope.v, envelope.view], [1, { sel: ['fn'], tab: 'charts' }], 'envelope version and view');

        const original = await page.evaluate(() => window.playground.getPattern());
        await page.evaluate(() => window.playground.runFor(45));
        const metricsA = await page.evaluate(() => window.playground.metrics());

        const other = await openPlayground(b.context, url, afterIndex(link));
        await other.waitForFunction(() => window.playgroundHost.shareReady);
        assertEq(await other.evaluate(() => window.playground.getPattern()), original, 'same pattern in the fresh browser');
        assertEq((await other.evaluate(() => window.playground.state())).selection.nodes, ['fn'], 'selection travels in the view');
        await other.evaluate(() => window.playground.runFor(45));
        const metricsB = await other.evaluate(() => window.playground.metrics());
        assertEq(metricsB, metricsA, 'same metrics after 45 simulated seconds');
        assert(metricsA.nodes.fn.errors > 0 && metricsA.nodes.jobs.messages_in > 0, 'the run did something');
        assertEq(await noticeText(other), '', 'no error banner');
        assertEq(page.problems, [], 'console errors (sharing page)');
        assertEq(other.problems, [], 'console errors (opening page)');
      } finally { await a.close(); await b.close(); }
    },
  },
  {
    name: 'a link reproduces the CLI run: same trace fingerprint as slsim on the same pattern',
    async run({ url }) {
      const slsim = findSlsim();
      const b = await launch();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-share-'));
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        for (const file of ['async-queue.json', 'fan-out.json']) {
          const text = fs.readFileSync(path.join(repo, 'patterns', file), 'utf8');
          await page.evaluate((t) => window.playground.loadPattern(t), text);
          const link = await page.evaluate(() => window.playground.shareLink({ time: true }));
          const r = await page.evaluate((l) => window.playground.openLink(l), link);
          assert(r.ok, `${file}: link opens`);
          await page.evaluate(() => window.playground.runFor(60));
          const web = await page.evaluate(() => window.playground.metrics());
          if (slsim) {
            const f = path.join(dir, file);
            fs.writeFileSync(f, JSON.stringify(await page.evaluate(() => window.playground.getPattern())));
            const cli = JSON.parse(execFileSync(slsim, ['run', f, '--json', '--duration', '60s'], { encoding: 'utf8' }));
            assertEq(web.trace_fingerprint, cli.trace_fingerprint, `${file}: trace fingerprint vs ${slsim}`);
            console.log(`        ${file}: fingerprint ${web.trace_fingerprint} = ${path.relative(repo, slsim)}`);
            assertEq(web.events_processed, cli.events_processed, `${file}: events vs the CLI`);
          } else {
            console.log('        (no native slsim found: compared against a second load instead)');
            await page.evaluate((l) => window.playground.openLink(l), link);
            await page.evaluate(() => window.playground.runFor(60));
            assertEq((await page.evaluate(() => window.playground.metrics())).trace_fingerprint, web.trace_fingerprint, file);
          }
        }
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); fs.rmSync(dir, { recursive: true, force: true }); }
    },
  },
  {
    name: 'every shipped pattern has a link of at most 1,500 characters that opens to the same pattern',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const sizes = [];
        for (const file of patternFiles()) {
          const text = fs.readFileSync(path.join(repo, 'patterns', file), 'utf8');
          assert((await page.evaluate((t) => window.playground.loadPattern(t), text)).ok, file + ' loads');
          const before = await page.evaluate(() => window.playground.getPattern());
          const link = await page.evaluate(() => window.playground.shareLink());
          sizes.push(`${file.replace('.json', '')} ${link.length}`);
          assert(link.length <= 1500, `${file}: link is ${link.length} characters`);
          await page.evaluate(() => window.playground.newPattern());
          assert((await page.evaluate((l) => window.playground.openLink(l), link)).ok, file + ': link opens');
          assertEq(await page.evaluate(() => window.playground.getPattern()), before, file + ': round trip');
        }
        console.log('        link lengths: ' + sizes.join(', '));
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'the address bar follows edits (replaceState, no history entries); ?pattern=fan-out opens a shipped pattern',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh&pattern=fan-out');
        await page.waitForFunction(() => window.playgroundHost.shareReady);
        const s = await page.evaluate(() => window.playground.state());
        assertEq([s.name, s.nodeCount], ['Fan-out', 11], '?pattern=fan-out');
        const historyBefore = await page.evaluate(() => history.length);
        assertEq(await page.evaluate(() => location.hash), '', 'no fragment before an edit');
        for (let i = 0; i < 5; i++) {
          await click(page, 640, 60);
          await page.evaluate(() => window.playground.selectNode('email-fn'));
          await press(page, 'Control+d');
        }
        assertEq((await page.evaluate(() => window.playground.state())).nodeCount, 16, 'five duplicates');
        // The address bar catches up with the last edit (debounced replaceState).
        await page.waitForFunction(() => window.playgroundHost.addressRevision === window.playground.state().revision,
          null, { timeout: 30000 });
        assert((await page.evaluate(() => location.hash)).startsWith('#v1.'), 'the address bar holds a link');
        const href = await page.evaluate(() => location.href);
        assert(!href.includes('pattern=fan-out'), 'the ?pattern= shortcut is dropped once edited: ' + href.slice(0, 90));
        assertEq(await page.evaluate(() => history.length), historyBefore, 'history length unchanged');
        // The address bar now opens the edited document.
        const state = await page.evaluate(() => window.playground.state());
        const b2 = await launch();
        try {
          const other = await openPlayground(b2.context, url, afterIndex(href));
          await other.waitForFunction(() => window.playgroundHost.shareReady);
          assertEq((await other.evaluate(() => window.playground.state())).nodeCount, state.nodeCount, 'address bar state');
        } finally { await b2.close(); }

        const bad = await openPlayground((await launch()).context, url, '?fresh&pattern=no-such-thing');
        await bad.waitForFunction(() => window.playgroundHost.shareReady);
        const text = await noticeText(bad);
        assert(/no shipped pattern is called "no-such-thing"/.test(text) && /fan-out/.test(text), 'unknown name: ' + text);
        await bad.context().close();
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'hostile links all end in an error message, the previous pattern intact, no crash',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const mine = { ...twoNodePattern(), name: 'My work in progress' };
        await page.evaluate((p) => window.playground.loadPattern(p), mine);
        await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('My work in progress'), AUTOSAVE);
        const saved = await page.evaluate((k) => localStorage.getItem(k), AUTOSAVE);
        const htmlCount = () => page.evaluate(() => document.querySelectorAll('img, script, iframe, object').length);
        const elementsBefore = await htmlCount();
        const report = [];
        for (const h of hostileLinks()) {
          const t0 = Date.now();
          await page.evaluate(() => { const n = document.getElementById('pg-notice'); if (n) n.hidden = true; });
          const r = await page.evaluate((l) => window.playground.openLink('#' + l), h.link);
          const ms = Date.now() - t0;
          assert(r && r.ok === false, `${h.name}: refused`);
          const text = await noticeText(page);
          assert(text.startsWith('This share link cannot be opened'), `${h.name}: banner shown, got "${text.slice(0, 120)}"`);
          assert(h.expect.test(text), `${h.name}: message ${h.expect} in "${text.slice(0, 300)}"`);
          assert(text.includes('Your current work is unchanged'), `${h.name}: says the work is unchanged`);
          const s = await page.evaluate(() => window.playground.state());
          assertEq([s.name, s.nodeCount], ['My work in progress', 2], `${h.name}: document intact`);
          assert(ms < 15000, `${h.name}: took ${ms} ms`);
          report.push(`${h.name} ${ms}ms`);
        }
        await watchFor(page, 1500);  // longer than the autosave delay (0.8 s): a write would have happened
        assertEq(await page.evaluate((k) => localStorage.getItem(k), AUTOSAVE), saved, 'autosave not overwritten');
        assertEq([await page.evaluate(() => window.__pwned === undefined), await htmlCount()], [true, elementsBefore],
          'nothing from a link became HTML');
        saveArtifact('share-hostile-link.png', await page.screenshot());
        console.log('        ' + report.join('; '));
        assertEq(page.problems, [], 'console errors');

        // The same through a page load: the autosave is restored and the bad link reported.
        const [bomb] = hostileLinks().filter((h) => h.name.startsWith('zip bomb'));
        const reload = await openPlayground(b.context, url, '#' + bomb.link);
        await reload.waitForFunction(() => window.playgroundHost.shareReady, null, { timeout: 30000 });
        assert(/expands to more than/.test(await noticeText(reload)), 'zip bomb on load reported');
        assertEq(await reload.evaluate(() => location.hash), '', 'the failed link is cleared from the address bar');
        assertEq((await reload.evaluate(() => window.playground.state())).name, 'My work in progress', 'autosave restored');
        // A pattern that does not build is refused, but can be opened on purpose ("Open it anyway").
        const storm = hostileLinks().find((h) => h.name.startsWith('event-storm traffic (10^9'));
        await reload.evaluate((l) => window.playground.openLink('#' + l), storm.link);
        const said = await noticeText(reload);
        assert(/traffic source 1/.test(said) && !/\/(nodes|edges|traffic)\//.test(said),
          'the problem says where in plain words, no JSON pointer: ' + said.slice(0, 300));
        await reload.click('.pg-notice-action');
        await reload.waitForFunction(() => window.playground.state().name === 'Hostile');
        const s = await reload.evaluate(() => window.playground.state());
        assert(!s.built && s.diagnostics.some((d) => /at most 10,000,000 per second/.test(d.message)), 'opened with its problems shown');
        assertEq(reload.problems, [], 'console errors (reload)');
      } finally { await b.close(); }
    },
  },
  {
    name: 'a pattern whose name holds HTML opens as text',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const p = { ...twoNodePattern(), name: '<img src=x onerror="window.__pwned=1"><b>bold</b>' };
        await page.evaluate((x) => window.playground.loadPattern(x), p);
        const link = await page.evaluate(() => window.playground.shareLink());
        await page.evaluate(() => window.playground.newPattern());
        const r = await page.evaluate((l) => window.playground.openLink(l), link);
        assert(r.ok, 'opens');
        assertEq((await page.evaluate(() => window.playground.state())).name, p.name, 'name kept as text');
        assertEq(await page.evaluate(() => [window.__pwned, document.querySelectorAll('img, b').length]), [undefined, 0], 'no HTML');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'a design too big for a link (600 nodes) gets a message instead of a link every playground would refuse',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const big = { format: 'serverless-playground/1', name: 'Big', seed: 1, edges: [], traffic: [],
          nodes: Array.from({ length: 600 }, (_, i) => ({ id: 'fn' + i, type: 'lambda', config: {} })) };
        assert((await page.evaluate((p) => window.playground.loadPattern(p), big)).ok, 'loads');
        const r = await page.evaluate(() => window.playground.share());
        assertEq([r.ok, r.error], [false, 'this design has 600 nodes; share links hold at most 500'], 'share refused');
        assert((await noticeText(page)).includes('too big for a share link'), 'message shown');
        await page.waitForFunction(() => window.playgroundHost.addressRevision === window.playground.state().revision,
          null, { timeout: 30000 });  // syncing has settled on this revision (it decides "too big")
        assertEq(await page.evaluate(() => location.hash), '', 'address bar not given an unopenable link');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'PNG export holds the diagram area of the canvas; Mermaid text; SAM export/import through the on-demand module',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await stable(page, 'layout');
        const bytes = await page.evaluate(async () => {
          const blob = await window.playground.exportPng({ download: false });
          return Array.from(new Uint8Array(await blob.arrayBuffer()));
        });
        const png = decodePng(Buffer.from(bytes));
        const box = await page.evaluate(() => window.playground.layout().canvas);
        assertEq([png.width, png.height], [Math.round(box[2]) - Math.round(box[0]), Math.round(box[3]) - Math.round(box[1])], 'size = canvas area');
        const colours = distinctColours(png);
        assert(colours > 20, `the picture shows the diagram (${colours} colours), not a blank buffer`);
        saveArtifact('export.png', Buffer.from(bytes));
        const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.playgroundHost.command('export-png'))]);
        assertEq(download.suggestedFilename(), 'REST API.png', 'download name');
        // SAM templates come from the on-demand tools module: not fetched until asked for.
        const fetchedTools = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /tools\/sam_tools/.test(e.name)));
        assert(!(await fetchedTools()), 'the page does not load tools/sam_tools before a SAM export');
        const before = await page.evaluate(() => window.playground.getPattern());
        const yaml = await page.evaluate(() => window.playground.exportSam('yaml'));
        assert(yaml.ok && /^Transform: AWS::Serverless-2016-10-31$/m.test(yaml.text) && /Type: AWS::Serverless::Function/.test(yaml.text),
               'SAM YAML: ' + (yaml.error || yaml.text.slice(0, 80)));
        assert(await fetchedTools(), 'tools/sam_tools was fetched on first use');
        const [samFile] = await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.playgroundHost.command('export-sam-yaml'))]);
        assertEq(samFile.suggestedFilename(), 'REST API.template.yaml', 'SAM download name');
        // JSON export → import back onto the canvas gives the same pattern (the C++ round trip, in the page).
        const json = await page.evaluate(() => window.playground.exportSam('json'));
        assert(json.ok && JSON.parse(json.text).Resources, 'SAM JSON has Resources');
        await page.evaluate(() => window.playground.loadPattern({ format: 'serverless-playground/1', name: 'scratch', nodes: [], edges: [] }));
        const imported = await page.evaluate((t) => window.playground.importTemplate(t), json.text);
        assert(imported.ok, 'template imports: ' + JSON.stringify(imported.errors));
        assertEq(await page.evaluate(() => window.playground.getPattern()), before, 'export → import round trip in the page');
        await page.evaluate(() => window.playground.loadPattern({ format: 'serverless-playground/1', name: 'scratch', nodes: [], edges: [] }));
        const fromYaml = await page.evaluate((t) => window.playground.importTemplate(t), yaml.text);
        assert(fromYaml.ok, 'YAML template imports: ' + JSON.stringify(fromYaml.errors));
        assertEq(await page.evaluate(() => window.playground.getPattern()), before, 'YAML export → import round trip in the page');
        const badYaml = await page.evaluate(() => window.playground.importTemplate('Resources:\n  Q: &a\n    Type: AWS::SQS::Queue\n'));
        assert(!badYaml.ok && /line 2, column 6: anchors/.test(badYaml.errors[0].message), 'YAML error with its place: ' + JSON.stringify(badYaml.errors));
        // A bad template is refused with the place named, and the work on the canvas stays.
        const bad = await page.evaluate(() => window.playground.importTemplate('{"Resources": {"Q": {"Type": 7}}}'));
        assert(!bad.ok && bad.errors.some((e) => e.path === '/Resources/Q/Type'), 'bad template: ' + JSON.stringify(bad.errors));
        assertEq(await page.evaluate(() => window.playground.getPattern()), before, 'pattern intact after a bad template');
        const bad2 = await page.evaluate(() => window.playground.exportSam('xml'));
        assert(!bad2.ok && /yaml/.test(bad2.error), 'unknown format refused');
        const mmd = await page.evaluate(() => window.playground.exportText('mermaid'));
        assert(/^flowchart LR$/m.test(mmd.text) && /orders-fn/.test(mmd.text), 'Mermaid text: ' + mmd.text.slice(0, 40));
        assert(/unknown export "x"/.test((await page.evaluate(() => window.playground.exportText('x'))).error), 'unknown kind');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
];
