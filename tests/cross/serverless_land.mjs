// serverless_land.mjs — imports every template of a folder of real SAM projects (default
// ../shared/serverless-land beside the repository; see its README) and runs each one unedited for
// 10 simulated minutes. Prints per template and in total: imported, validated, whether events
// reached a node past the entry, and for JavaScript functions whether their handlers ran without a
// code error. Fails when a template crashes or hangs the CLI, or a figure falls below its floor.
//
//   node tests/cross/serverless_land.mjs SLSIM [SAMPLE_DIR] [--floor-validated 0.95] [--floor-reached 0.7]
//                                             [--floor-handlers 0.8] [--json OUT]
// Exit 77 (ctest's skip) when the sample folder is not there.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const floors = {
  validated: Number(option('--floor-validated', '0')),
  reached: Number(option('--floor-reached', '0')),
  handlers: Number(option('--floor-handlers', '0')),
};
const jsonOut = option('--json', '');
const slsim = args[0];
const here = dirname(fileURLToPath(import.meta.url));
const sample = resolve(args[1] || join(here, '..', '..', '..', 'shared', 'serverless-land'));
if (!slsim) {
  console.error('usage: node serverless_land.mjs SLSIM [SAMPLE_DIR]');
  process.exit(2);
}
if (!existsSync(sample)) {
  console.log(`serverless_land: no sample folder at ${sample}; skipped`);
  process.exit(77);
}

const work = mkdtempSync(join(tmpdir(), 'slsim-land-'));
const run = (argv, timeoutMs) => {
  const r = spawnSync(slsim, argv, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 << 20 });
  return { code: r.status, signal: r.signal, stdout: r.stdout || '', stderr: r.stderr || '' };
};
// A crash is a signal or an exit code the CLI does not document (0, 1 input errors, 2 usage).
const crashed = (r) => r.signal !== null || ![0, 1, 2].includes(r.code);

const rows = [];
for (const folder of readdirSync(sample).sort()) {
  const file = ['template.yaml', 'template.yml'].map((f) => join(sample, folder, f)).find(existsSync);
  if (!file) continue;
  const row = { folder, imported: false, validated: false, reached: false, handlers: 0, handlersOk: 0, problem: '' };
  rows.push(row);
  const imp = run(['import', file], 60_000);
  if (crashed(imp)) { row.problem = `import crashed (${imp.signal || imp.code})`; continue; }
  if (imp.code !== 0) { row.problem = (imp.stderr.split('\n').find((l) => l.includes('error')) || '').slice(0, 120); continue; }
  row.imported = true;
  const pattern = join(work, `${folder}.json`);
  writeFileSync(pattern, imp.stdout);
  const val = run(['validate', pattern], 60_000);
  if (crashed(val)) { row.problem = `validate crashed (${val.signal || val.code})`; continue; }
  row.validated = val.code === 0;
  if (!row.validated) {
    row.problem = (val.stdout + val.stderr).split('\n').find((l) => l.includes('error:'))?.replace(/^[^:]*: /, '').slice(0, 120) || '';
    continue;
  }
  const sim = run(['run', pattern, '--duration', '10m', '--json'], 120_000);
  if (crashed(sim) || sim.code !== 0) { row.problem = `run failed (${sim.signal || sim.code}) ${sim.stderr.slice(0, 100)}`; continue; }
  const report = JSON.parse(sim.stdout);
  const spec = JSON.parse(imp.stdout);
  const sources = new Set((spec.traffic || []).map((t) => t.source));
  const fedBySource = new Set(spec.edges.filter((e) => sources.has(e.from)).map((e) => e.to));
  const fed = new Set(spec.edges.map((e) => e.to));
  // Past the entry: a node something in the design feeds, other than the traffic sources' own targets.
  row.reached = Object.entries(report.nodes).some(([id, n]) =>
    fed.has(id) && !sources.has(id) && !fedBySource.has(id) && (n.invocations > 0 || n.messages_in > 0));
  for (const node of spec.nodes) {
    const c = node.config || {};
    if (node.type !== 'lambda' || !(c.InlineCode || c.CodeFiles || c.Code?.ZipFile)) continue;
    if (!/^nodejs/.test(c.Runtime || 'nodejs')) continue;
    row.handlers += 1;
    const n = report.nodes[node.id];
    if (n && n.invocations > 0 && n.errors === 0) row.handlersOk += 1;
  }
  if (!row.reached) row.problem = 'nothing reached past the entry';
}
rmSync(work, { recursive: true, force: true });

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('template', 46)} imp val reach  js-ok  problem`);
for (const r of rows) {
  const yn = (b) => (b ? 'yes' : ' - ');
  const js = r.handlers ? `${r.handlersOk}/${r.handlers}` : '';
  console.log(`${pad(r.folder, 46)} ${yn(r.imported)} ${yn(r.validated)} ${pad(yn(r.reached), 6)} ${pad(js, 6)} ${r.problem}`);
}
const count = (f) => rows.filter(f).length;
const total = rows.length;
const handlers = rows.reduce((a, r) => a + r.handlers, 0);
const handlersOk = rows.reduce((a, r) => a + r.handlersOk, 0);
const figures = {
  templates: total,
  imported: count((r) => r.imported),
  validated: count((r) => r.validated),
  reached: count((r) => r.reached),
  handlers,
  handlers_ok: handlersOk,
};
const share = (n, d) => (d ? n / d : 1);
console.log(`\ntotal ${total}: imported ${figures.imported}, validated ${figures.validated} (${(100 * share(figures.validated, total)).toFixed(0)} %), ` +
  `reached past the entry ${figures.reached} (${(100 * share(figures.reached, total)).toFixed(0)} %), ` +
  `JavaScript handlers ran without a code error ${handlersOk}/${handlers} (${(100 * share(handlersOk, handlers)).toFixed(0)} %)`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ figures, rows }, null, 1));

const failures = [];
for (const r of rows) if (/crashed|run failed/.test(r.problem)) failures.push(`${r.folder}: ${r.problem}`);
if (share(figures.validated, total) < floors.validated) failures.push(`validated below ${floors.validated}`);
if (share(figures.reached, total) < floors.reached) failures.push(`reached below ${floors.reached}`);
if (share(handlersOk, handlers) < floors.handlers) failures.push(`handlers below ${floors.handlers}`);
for (const f of failures) console.error(`FAIL ${f}`);
process.exit(failures.length ? 1 : 0);
