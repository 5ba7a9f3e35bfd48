// share_codec.js — the share link's transport encoding (format "v1"), no DOM: envelope text ⇄
// "v1.<base64url>". Text → codebook (frequent pattern substrings → control bytes JSON never
// contains) → deflate-raw (the browser's CompressionStream) → base64url. Decoding is strict and
// bounded (untrusted input): fragment length, base64url alphabet, inflated size (counted while
// streaming, so a zip bomb stops early) and expanded size are all capped; every failure is a
// ShareError with a sentence for the user. The envelope itself (JSON, versions, limits) is checked
// in C++ (engine/share/share_payload.h). Loaded by the page and by the Node-side tests.
'use strict';
(function (root) {
  const LIMITS = Object.freeze({
    maxFragmentChars: 256 * 1024,      // what we accept in the address bar
    maxInflatedBytes: 2 * 1024 * 1024, // deflate output, counted while streaming
    maxExpandedBytes: 2 * 1024 * 1024, // after the codebook (= the envelope the C++ side reads)
  });
  const VERSION = 'v1';

  // The v1 codebook. APPEND-ONLY: a link made today must expand the same way forever, so entries
  // are never removed, reordered or edited; new ones go at the end (older pages then refuse links
  // that use them with "unknown codebook token"). Codes 0x01-0x08, 0x0B, 0x0C, 0x0E-0x1C are one
  // byte (the first 26 entries); 0x1D-0x1F followed by 0x20-0x7E are two bytes (285 more).
  // Entries follow the C++ writer's key order (alphabetical) and compact spacing.
  const BOOK = [
    // 26 one-byte codes: structure that every pattern repeats
    '{"v":1,"pattern":{', '"format":"serverless-playground/1"', '"description":"', '"edges":[{',
    '"from":"', '","to":"', '"},{"from":"', '"},{"config":{', '{"config":{},"id":"', '","type":"',
    '"layout":{"nodes":{"', '":{"x":', ',"y":', '"name":"', '"nodes":[{"config":{', '"seed":',
    '"settings":{"duration":"', '"traffic":[{', '"DurationMs":{"p50":', ',"p99":', 'lambda', '"},{"config":{},"id":"',
    '"Runtime":"nodejs20.x"', '"Runtime":"python3.12"', '"MemorySize":', '"TableName":"',
    // two-byte codes: service types, CloudFormation properties, traffic, Step Functions, prose
    'apigateway', 'dynamodb', 'stepfunctions', 'eventbridge', 'kinesis', 'firehose', 'client', 'cognito',
    'appsync', 'aurora', 'cloudfront', 'redshift', 'email', '"id":"', '"payload":{"', '"profile":{"rps":',
    ',"type":"constant"}', '"request":{"method":"', '"POST","path":"/', '"GET","path":"/', '"source":"',
    '"arrival":"uniform"', '"view":{', '"sel":["', '"t":', '"Timeout":', '"ErrorRate":',
    '"ReservedConcurrentExecutions":', '"VisibilityTimeout":', '"BatchSize":', '"MaximumBatchingWindowInSeconds":',
    '"MaxReceiveCount":', '"MessageRetentionPeriod":', '"TopicName":"', '"FilterPolicy":',
    '"FilterPolicyScope":"MessageBody"', '"RawMessageDelivery":true', '"BillingMode":"PAY_PER_REQUEST"',
    '"KeySchema":[{"AttributeName":"', '","KeyType":"HASH"}]', '"AttributeDefinitions":[{"AttributeName":"',
    '","AttributeType":"S"}]', '"BucketName":"', '"ApiType":"HTTP"', '"ApiType":"REST"', '"StageName":"prod"',
    '"Route":"POST /', '"Route":"GET /', '"Actions":[{', '"operation":"PutItem"', '"operation":"PutObject"',
    '"operation":"GetItem"', '"target":"', '"Item":{', '"Key":"', '"SizeBytes":', '"ScheduleExpression":"',
    '"EventPattern":', '"ShardCount":', '"QueueName":"', '"Type":"Task"', '"Resource":"arn:aws:states:::',
    'lambda:invoke"', '"Parameters":{', '"FunctionName":"', '"Payload.$":"$"', '"ResultPath":',
    '"Retry":[{"BackoffRate":', '"ErrorEquals":["', '"States.ALL"', '"IntervalSeconds":', '"MaxAttempts":',
    '"Next":"', '"Catch":[{', '"StartAt":"', '"States":{', '"End":true', '"Definition":{', '"Comment":"',
    '"{{uuid}}"', '{{int:', '"orderId":', '"customer":', '"total":', '$.body.', '"type":"', '"config":{',
    'API Gateway', 'DynamoDB', 'Lambda', 'EventBridge', 'Step Functions', ' the ', ' and ', 'request',
    'message', 'function', ' per ', ' with ', 'queue', 'table', 'order', 'bucket',
    'sns:publish"', 'dynamodb:putItem"', '"ResultSelector":{', '"TopicArn":"', '"Message.$":"States.Format(\'',
    '"Type":"Fail"', '"Cause":"', '"Error":"', '"JitterStrategy":"FULL"', '"TimeoutSeconds":', '"Type":"Choice"',
    '"Choices":[{', '"Variable":"', '"Default":"', '"Type":"Pass"', '"Type":"Wait"', '"Seconds":',
    '"Type":"Parallel"', '"Branches":[{', '"Type":"Map"', '"ItemsPath":"', '"Type":"Succeed"', '{"S.$":"$.',
    '{"S":"', '{"N.$":"', 'States.Format(',
  ];
  const ONE = [];  // the 26 one-byte codes: 0x01-0x1C except tab, newline, carriage return
  for (let b = 1; b <= 0x1c; b++) if (b !== 9 && b !== 10 && b !== 13) ONE.push(b);
  const code = (i) => (i < ONE.length ? String.fromCharCode(ONE[i])
    : String.fromCharCode(0x1d + Math.floor((i - ONE.length) / 95), 0x20 + (i - ONE.length) % 95));
  if (BOOK.length > ONE.length + 3 * 95) throw new Error('share codebook too large');
  const enc = new TextEncoder();
  const CODES = BOOK.map((_, i) => code(i));
  const ENTRY_BYTES = BOOK.map((s) => enc.encode(s));
  const BY_LENGTH = BOOK.map((s, i) => i).sort((a, b) => BOOK[b].length - BOOK[a].length || a - b);

  class ShareError extends Error {
    constructor(message, kind) { super(message); this.name = 'ShareError'; this.kind = kind; }
  }

  // Longest entries first; codes are control characters that no entry contains, so a later
  // replacement can never match across an earlier one.
  function pack(text) {
    if (/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(text)) throw new ShareError('the envelope contains raw control characters', 'internal');
    let s = text;
    for (const i of BY_LENGTH) if (s.includes(BOOK[i])) s = s.split(BOOK[i]).join(CODES[i]);
    return s;
  }

  // Expands codes in `bytes` (Uint8Array) with an output cap; unknown codes are an error.
  function unpack(bytes, max = LIMITS.maxExpandedBytes) {
    const chunks = [];
    let size = 0, start = 0;
    const emit = (part) => {
      size += part.length;
      if (size > max) throw new ShareError(`the link expands to more than ${fmt(max)} bytes; it is refused`, 'too-large');
      chunks.push(part);
    };
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b >= 0x20 || b === 9 || b === 10 || b === 13) continue;
      if (i > start) emit(bytes.subarray(start, i));
      let index;
      if (b >= 0x1d) {
        const n = bytes[i + 1];
        if (n === undefined || n < 0x20 || n > 0x7e) throw new ShareError(`the link is damaged: broken code at byte ${i}`, 'corrupt');
        index = ONE.length + (b - 0x1d) * 95 + (n - 0x20);
        i++;
      } else {
        index = ONE.indexOf(b);
      }
      if (index < 0 || index >= BOOK.length)
        throw new ShareError(`the link uses codebook entry ${index} at byte ${i}, unknown to this playground (made by a newer version?)`, 'version');
      emit(ENTRY_BYTES[index]);
      start = i + 1;
    }
    if (start < bytes.length) emit(bytes.subarray(start));
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  const fmt = (n) => n.toLocaleString('en-US');

  function base64urlEncode(bytes) {
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function base64urlDecode(text) {
    const bad = /[^A-Za-z0-9_-]/.exec(text);
    if (bad) {
      const ch = bad[0];
      const shown = /[\x20-\x7e]/.test(ch) ? `'${ch}'` : `U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      throw new ShareError(`the link is damaged: character ${shown} at position ${bad.index} is not allowed in a share link`, 'corrupt');
    }
    if (text.length % 4 === 1) throw new ShareError('the link is damaged or cut short (its data has an impossible length)', 'corrupt');
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  async function streamBytes(readable, max, onTooBig) {
    const reader = readable.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) { reader.cancel().catch(() => {}); onTooBig(size); }
      chunks.push(value);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  async function deflate(bytes) {
    const cs = new CompressionStream('deflate-raw');
    const w = cs.writable.getWriter();
    w.write(bytes);
    w.close();
    return streamBytes(cs.readable, Infinity, () => {});
  }

  async function inflate(bytes, max) {
    const ds = new DecompressionStream('deflate-raw');
    const w = ds.writable.getWriter();
    // Errors surface on the readable side; the writer's promises would only repeat them.
    w.write(bytes).catch(() => {});
    w.close().catch(() => {});
    try {
      return await streamBytes(ds.readable, max, (n) => {
        throw new ShareError(`the link expands to more than ${fmt(max)} bytes (stopped at ${fmt(n)}); it is refused`, 'too-large');
      });
    } catch (e) {
      if (e instanceof ShareError) throw e;
      throw new ShareError('the link is damaged or cut short: its compressed data does not decode', 'corrupt');
    }
  }

  // Envelope text → "v1.<base64url>" (no '#').
  async function encodeFragment(envelopeText) {
    return VERSION + '.' + base64urlEncode(await deflate(enc.encode(pack(envelopeText))));
  }

  // "#v1.…" or "v1.…" → the envelope's bytes (Uint8Array; UTF-8 is checked by the C++ side).
  async function decodeFragment(fragment, limits = LIMITS) {
    let f = String(fragment);
    if (f.startsWith('#')) f = f.slice(1);
    if (f.length > limits.maxFragmentChars)
      throw new ShareError(`the link is too long (${fmt(f.length)} characters; the limit is ${fmt(limits.maxFragmentChars)})`, 'too-large');
    if (f.length === 0) throw new ShareError('the link holds no experiment (nothing after #)', 'corrupt');
    const m = /^v(\d{1,6})\./.exec(f);
    if (!m) throw new ShareError('this is not a Serverless Playground share link (it should start with #v1.)', 'format');
    if (m[0] !== VERSION + '.')
      throw new ShareError(`share link format v${m[1]} is not understood by this playground (it reads ${VERSION})`, 'version');
    const data = f.slice(m[0].length);
    if (!data) throw new ShareError('the link is cut short: it has no data after "v1."', 'corrupt');
    const inflated = await inflate(base64urlDecode(data), limits.maxInflatedBytes);
    return unpack(inflated, limits.maxExpandedBytes);
  }

  const codec = { VERSION, LIMITS, BOOK, ShareError, pack, unpack, base64urlEncode, base64urlDecode,
    encodeFragment, decodeFragment, inflate, deflate };
  root.playgroundShareCodec = codec;
})(typeof window !== 'undefined' ? window : globalThis);
