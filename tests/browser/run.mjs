#!/usr/bin/env node
// run.mjs — runs every tests/browser/*.test.mjs against build/web/site in headless Debian chromium.
// Each test file exports `tests`: [{name, run(env)}], where env = {url, launch, openPlayground}.
// Prints one line per test and a final "N passed, M failed"; exit status 1 on any failure.
// Usage: node tests/browser/run.mjs [name-filter]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { siteDir, startServer } from './lib/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const filter = process.argv[2] || '';
if (!fs.existsSync(path.join(siteDir, 'index.html'))) {
  console.error(`no site in ${siteDir}: build it first (cmake --preset web && cmake --build --preset web)`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const server = await startServer();
let passed = 0, failed = 0;
const files = fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort();
for (const file of files) {
  const mod = await import(pathToFileURL(path.join(here, file)).href);
  for (const t of mod.tests) {
    const name = `${file.replace('.test.mjs', '')}: ${t.name}`;
    if (filter && !name.includes(filter)) continue;
    const t0 = Date.now();
    try {
      await t.run({ url: server.url });
      passed++;
      console.log(`  ok    ${name} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed++;
      console.log(`  FAIL  ${name} (${Date.now() - t0} ms)\n        ${String(err && err.stack || err).split('\n').slice(0, 4).join('\n        ')}`);
    }
  }
}
await server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
