// fire.mjs — `slsim fire PATTERN NODE [EVENT.json]` through the real CLI: one event into one node,
// the answer as its caller sees it, and what happened downstream.
// usage: node fire.mjs path/to/slsim
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const slsim = process.argv[2];
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pattern = join(root, 'patterns', 'code', 'order-api.json');  // client → REST API → code → table, queue
const dir = mkdtempSync(join(tmpdir(), 'slsim-fire-'));
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

function fire(args) {
  return JSON.parse(execFileSync(slsim, ['fire', pattern, ...args, '--json'], { encoding: 'utf8' }));
}

// A POST to the function's route: a Lambda proxy integration answers with the status code the
// function returns (201 here), and the function's writes and the queue's consumer follow.
const orderFile = join(dir, 'order.json');
writeFileSync(orderFile, JSON.stringify({ method: 'POST', path: '/orders', body: { orderId: 'o-77', customer: 'c-1', total: 12 } }));
const placed = fire(['orders-api', orderFile]);
check(placed.answer && placed.answer.status === 201, `POST /orders answered ${JSON.stringify(placed.answer)}, expected 201`);
check(placed.answer && JSON.parse(placed.answer.body.body).orderId === 'o-77', 'the answer names the order sent');
check(placed.report.nodes['create-order'].invocations === 1, 'create-order ran once');
check(placed.report.nodes['ship-orders'].invocations === 1, 'the queue consumer ran once');
check(placed.report.nodes['orders-table'].messages_in >= 1, 'the table was written');
check(Object.values(placed.report.sources || {}).every((s) => !s.requests), 'the pattern\'s own traffic was left out');
check((placed.logs['create-order'] || []).some((l) => l.startsWith('REPORT RequestId:')), 'create-order logged a REPORT line');

// A route the API does not have: REST APIs answer 403 MissingAuthenticationTokenException.
const missingFile = join(dir, 'missing.json');
writeFileSync(missingFile, JSON.stringify({ method: 'GET', path: '/nothing' }));
const missing = fire(['orders-api', missingFile]);
check(missing.answer && missing.answer.status === 403 && missing.answer.error === 'MissingAuthenticationTokenException',
  `GET /nothing answered ${JSON.stringify(missing.answer)}`);
check(missing.report.nodes['create-order'].invocations === 0, 'no function ran for an unknown route');

// Without an event file the node's sample event is sent, as the page's Fire dialog does.
const sample = fire(['orders-api']);
check(sample.answer && sample.answer.status === 201, `the sample event answered ${JSON.stringify(sample.answer)}`);

// Mistakes are refused with a reason and a usage exit code, nothing run.
const noNode = spawnSync(slsim, ['fire', pattern, 'no-such-node'], { encoding: 'utf8' });
check(noNode.status === 2 && /no node 'no-such-node'/.test(noNode.stderr), 'an unknown node is refused');
const badFile = join(dir, 'bad.json');
writeFileSync(badFile, '{ "method": ');
const bad = spawnSync(slsim, ['fire', pattern, 'orders-api', badFile], { encoding: 'utf8' });
check(bad.status === 2 && /not valid JSON/.test(bad.stderr), 'an event that is not JSON is refused');

if (failures.length) {
  console.error(`fire: ${failures.length} failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('fire: all checks passed');
