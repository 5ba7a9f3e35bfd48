#!/usr/bin/env node
// bench-page.mjs — the engine's speed inside the playground page (a benchmark that prints figures,
// not a test): the async-queue pattern at 10,000 requests/minute, advanced with runFor() in
// headless chromium, as a user's "run for an hour" would. runFor is served over animation frames
// (the page stays live), so this measures what users get, including the drawing between slices.
// Usage: node tests/browser/bench-page.mjs [simulated seconds, default 3600]
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPlayground, repo, startServer } from './lib/harness.mjs';

const simSeconds = Number(process.argv[2] || 3600);
const pattern = JSON.parse(fs.readFileSync(path.join(repo, 'patterns/async-queue.json'), 'utf8'));
// The native benchmark's workload: 10,000 requests/minute, one constant payload.
pattern.traffic[0].profile = { type: 'constant', rps: 10000 / 60 };
pattern.traffic[0].payload = { orderId: 'order-1', customer: 'customer-1', total: 42 };

const server = await startServer();
const b = await launch({ width: 1280, height: 800 });
try {
  const page = await openPlayground(b.context, server.url, '?fresh');
  const loaded = await page.evaluate((p) => window.playground.loadPattern(p), pattern);
  if (!loaded.ok) throw new Error('pattern refused: ' + JSON.stringify(loaded.errors));
  const t0 = Date.now();
  const state = await page.evaluate((s) => window.playground.runFor(s), simSeconds);
  const wall = (Date.now() - t0) / 1000;
  const m = await page.evaluate(() => window.playground.metrics());
  const requests = m.nodes['orders-api'].invocations;
  const frames = await page.evaluate(() => window.playground.frameStats());
  console.log(`page: async-queue, ${simSeconds} simulated s, ${requests} requests, ${state.events} events in ${wall.toFixed(2)} s wall`);
  console.log(`page: ${Math.round(state.events / wall)} events/s, ${Math.round(requests / wall)} requests/s, ` +
    `a simulated day at this rate takes ${((24 * 3600 / simSeconds) * wall).toFixed(0)} s; frames ${frames.frameMsAvg.toFixed(0)} ms apart meanwhile`);
  if (page.problems.length) console.log('console problems: ' + page.problems.join('; '));
} finally {
  await b.close();
  await server.close();
}
