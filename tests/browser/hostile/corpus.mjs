// corpus.mjs — hostile share links (web/share_codec.js format "v1"), built here with Node's zlib
// (deflate-raw is the same format the page's CompressionStream writes). Each entry: {name, link
// (the fragment, without '#'), expect: a regular expression the page's error message must match}.
// Every one must end in an error message with the previous document intact and no page crash.
import zlib from 'node:zlib';

const b64url = (buf) => Buffer.from(buf).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const v1 = (bytes) => 'v1.' + b64url(zlib.deflateRawSync(Buffer.from(bytes), { level: 9 }));
const envelope = (pattern, extra = {}) => JSON.stringify({ v: 1, pattern, ...extra });
const base = (over = {}) => ({
  format: 'serverless-playground/1', name: 'Hostile', seed: 1,
  nodes: [{ id: 'api', type: 'apigateway', config: {} }, { id: 'fn', type: 'lambda', config: {} }],
  edges: [{ from: 'api', to: 'fn' }], traffic: [], ...over,
});

export function hostileLinks() {
  const good = v1(envelope(base()));
  const links = [];
  const add = (name, link, expect) => links.push({ name, link, expect });

  add('truncated (half the data)', good.slice(0, Math.floor(good.length / 2)), /damaged|cut short/);
  add('truncated (only the prefix)', 'v1.', /cut short/);
  add('corrupted base64 (illegal characters)', good.slice(0, 20) + '!$' + good.slice(22), /not allowed in a share link/);
  add('corrupted base64 (standard alphabet + and /)', good.slice(0, 10) + '+/' + good.slice(12), /not allowed in a share link/);
  add('corrupted compressed data', 'v1.' + b64url(Buffer.from(zlib.deflateRawSync(envelope(base())).map((b, i) => (i > 4 ? b ^ 0x5a : b)))), /damaged|not valid|codebook|JSON/);
  add('not a share link', 'hello-world', /not a Serverless Playground share link/);
  add('unknown link format version', 'v9.' + good.slice(3), /format v9 is not understood/);
  add('envelope version from the future', v1(JSON.stringify({ v: 7, pattern: base() })), /version 7 is newer/);
  add('envelope without a pattern', v1(JSON.stringify({ v: 1 })), /missing "pattern"/);
  add('JSON that is not an object', v1('[1,2,3]'), /must hold a JSON object/);
  // 64 MB of spaces deflate to ~64 KB: the page must stop inflating at 2 MB.
  add('zip bomb (64 MB of spaces)', v1(Buffer.alloc(64 * 1024 * 1024, 0x20)), /expands to more than 2,097,152 bytes/);
  // 2 MB of one-byte codebook codes (each expands to ~20 bytes): the expansion is capped too.
  add('codebook bomb', v1(Buffer.alloc(2 * 1024 * 1024 - 16, 0x02)), /expands to more than 2,097,152 bytes/);
  add('huge link (300 KB)', 'v1.' + 'A'.repeat(300 * 1024), /too long/);
  add('deeply nested JSON (100,000 levels)', v1('{"v":1,"pattern":' + '['.repeat(100000) + ']'.repeat(100000) + '}'), /depth|nest/);
  add('invalid UTF-8', v1(Buffer.concat([Buffer.from('{"v":1,"pattern":{"format":"serverless-playground/1","name":"'),
    Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('","nodes":[]}}')])), /UTF-8/);
  const many = Array.from({ length: 10000 }, (_, i) => ({ id: 'n' + i, type: 'lambda', config: {} }));
  add('10,000-node pattern', v1(envelope(base({ nodes: many, edges: [] }))), /nodes|limit/);
  add('event-storm traffic (10^9 requests per second)', v1(envelope(base({
    nodes: [{ id: 'c', type: 'client', config: {} }, ...base().nodes],
    edges: [{ from: 'c', to: 'api' }, { from: 'api', to: 'fn' }],
    traffic: [{ id: 'storm', source: 'c', profile: { type: 'constant', rps: 1e9 } }] }))), /at most 10,000,000 per second/);
  add('event-storm traffic (1,000 sources)', v1(envelope(base({
    nodes: [{ id: 'c', type: 'client', config: {} }, ...base().nodes],
    traffic: Array.from({ length: 1000 }, (_, i) => ({ id: 's' + i, source: 'c', profile: { type: 'constant', rps: 1e6 } })) }))),
  /traffic|limit/);
  add('script injection in node ids', v1(envelope(base({
    nodes: [{ id: '<img src=x onerror="window.__pwned=1">', type: '<script>window.__pwned=2</script>', config: {} }],
    edges: [] }))), /id must be/);
  return links;
}
