// runtime_prelude.js — what a Lambda Node.js runtime gives a function, inside the sandbox: the
// handler protocol (async, callback), `context`, `process.env`, `console`, CommonJS `require`,
// virtual-time `Date`/`setTimeout`, seeded `Math.random`/`crypto.randomUUID`, no network, and the
// AWS SDK for JavaScript (v3 commands and the common v2 calls) whose calls go to wired nodes.
//
// Run once per environment by code_environment_quickjs.cpp, with the host's functions as globals
// (__sim_request, __sim_log, __sim_now, __sim_random, __sim_load_cjs, __sim_env). It removes them
// from the global object and evaluates to the object the host drives: init, invoke, answer, poll.
(() => {
  'use strict';
  const host = {
    request: __sim_request, log: __sim_log, now: __sim_now, random: __sim_random,
    loadCjs: __sim_load_cjs, env: __sim_env,
  };
  for (const k of ['__sim_request', '__sim_log', '__sim_now', '__sim_random', '__sim_load_cjs', '__sim_env'])
    delete globalThis[k];

  // ---- Determinism: time is simulated, randomness seeded, local time is UTC (Lambda's TZ) ----
  const RealDate = Date;
  // A function, not a class: Date() called without new returns the current time as text (ECMA-262
  // 21.4.2.1), which code such as `const stamp = Date()` relies on.
  function SimDate(...args) {
    if (!new.target) return new RealDate(host.now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [host.now()] : args, new.target);
  }
  SimDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SimDate, writable: true, configurable: true });
  SimDate.now = () => host.now();
  SimDate.parse = RealDate.parse;
  SimDate.UTC = RealDate.UTC;
  for (const [local, utc] of [['getFullYear', 'getUTCFullYear'], ['getMonth', 'getUTCMonth'], ['getDate', 'getUTCDate'],
    ['getDay', 'getUTCDay'], ['getHours', 'getUTCHours'], ['getMinutes', 'getUTCMinutes'],
    ['getSeconds', 'getUTCSeconds'], ['getMilliseconds', 'getUTCMilliseconds']])
    RealDate.prototype[local] = RealDate.prototype[utc];
  RealDate.prototype.getTimezoneOffset = function () { return 0; };
  // ECMA-262's toString layout ("Sun Dec 06 2026 10:00:00 GMT+0000 (…)"), in UTC as Lambda's TZ is.
  RealDate.prototype.toString = function () {
    if (isNaN(this)) return 'Invalid Date';
    const [wd, d, mon, y, time] = this.toUTCString().replace(',', '').split(' ');
    return `${wd} ${mon} ${d} ${y} ${time} GMT+0000 (Coordinated Universal Time)`;
  };
  globalThis.Date = SimDate;
  Math.random = () => host.random();
  // n hex digits, four per draw from the seeded stream.
  const hex = (n) => {
    let s = '';
    while (s.length < n) s += Math.floor(host.random() * 65536).toString(16).padStart(4, '0');
    return s.slice(0, n);
  };
  const randomUUID = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(host.random() * 4)]}${hex(3)}-${hex(12)}`;
  globalThis.crypto = { randomUUID, getRandomValues(a) { for (let i = 0; i < a.length; i++) a[i] = Math.floor(host.random() * 256); return a; } };

  // A request id in UUID form for call n (unique per environment, no draw from the stream).
  const sequentialId = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

  // ---- Calls out of the sandbox: each is a promise the host settles in virtual time ----------
  const pending = new Map();
  let nextCall = 1;
  function call(request) {
    const id = nextCall++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      host.request(id, request);
    });
  }
  const clearedTimers = new Set();
  globalThis.setTimeout = (fn, ms = 0, ...args) => {
    if (typeof fn !== 'function') throw new TypeError('setTimeout: callback must be a function');
    const id = nextCall;
    call({ client: 'timer', ms: Math.max(0, Number(ms) || 0) }).then(() => {
      if (!clearedTimers.delete(id)) fn(...args);
    });
    return id;
  };
  globalThis.setImmediate = (fn, ...args) => globalThis.setTimeout(fn, 0, ...args);
  globalThis.clearTimeout = (id) => { if (id !== undefined) clearedTimers.add(id); };
  globalThis.clearImmediate = globalThis.clearTimeout;
  globalThis.fetch = () => Promise.reject(new TypeError(
    'fetch failed: the playground has no network; wire the service you want to call and use the AWS SDK'));

  // ---- console → the function's log stream, as Lambda formats it ---------------------------
  let requestId = '';
  const show = (v) => {
    if (typeof v === 'string') return v;
    if (v instanceof Error) return `${v.name}: ${v.message}`;
    if (v === undefined) return 'undefined';
    if (typeof v === 'function') return `[Function: ${v.name || 'anonymous'}]`;
    try { return JSON.stringify(v, null, 2) ?? String(v); } catch (e) { return String(v); }
  };
  const logger = (level) => (...args) => {
    const when = new RealDate(host.now()).toISOString();
    host.log(level, `${when}\t${requestId || 'undefined'}\t${level}\t${args.map(show).join(' ')}`);
  };
  globalThis.console = { log: logger('INFO'), info: logger('INFO'), warn: logger('WARN'), error: logger('ERROR'),
    debug: logger('DEBUG'), trace: logger('DEBUG') };

  const process = { env: JSON.parse(host.env()), version: 'v22.12.0', versions: { node: '22.12.0' },
    platform: 'linux', arch: 'x64', argv: [], exit() { throw new Error('process.exit() is not allowed in a Lambda handler'); },
    nextTick: (fn, ...a) => Promise.resolve().then(() => fn(...a)), hrtime: { bigint: () => BigInt(Math.round(host.now() * 1e6)) },
    memoryUsage: () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0 }) };
  globalThis.process = process;

  // ---- AWS SDK errors, as v3 throws them (name, $fault, $metadata) -------------------------
  class ServiceException extends Error {
    constructor(name, message, status, fault) {
      super(message);
      this.name = name;
      this.$fault = fault || (status >= 500 ? 'server' : 'client');
      this.$metadata = { httpStatusCode: status, requestId: sequentialId(nextCall), attempts: 1, totalRetryDelay: 0 };
      this.code = name;  // v2 spelling
      this.statusCode = status;
    }
  }
  function exceptionClass(name) {
    const C = class extends ServiceException {
      constructor(opts = {}) { super(name, opts.message || name, opts.$metadata?.httpStatusCode || 400); }
    };
    Object.defineProperty(C, 'name', { value: name });
    return C;
  }

  // ---- DynamoDB AttributeValues (util-dynamodb) --------------------------------------------
  function marshallValue(v, opts) {
    if (v === null) return { NULL: true };
    if (typeof v === 'string') return { S: v };
    if (typeof v === 'number') return { N: String(v) };
    if (typeof v === 'bigint') return { N: v.toString() };
    if (typeof v === 'boolean') return { BOOL: v };
    if (v instanceof Uint8Array) return { B: v };
    if (v instanceof Set) {
      const a = [...v];
      if (a.every((x) => typeof x === 'string')) return { SS: a };
      if (a.every((x) => typeof x === 'number')) return { NS: a.map(String) };
      throw new Error('marshall: a Set must hold only strings or only numbers');
    }
    if (Array.isArray(v)) return { L: v.filter((x) => x !== undefined || !opts?.removeUndefinedValues).map((x) => marshallValue(x, opts)) };
    if (typeof v === 'object') return { M: marshall(v, opts) };
    if (v === undefined) throw new Error('Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.');
    throw new Error(`marshall: unsupported type ${typeof v}`);
  }
  function marshall(obj, opts) {
    const out = {};
    for (const [k, v] of Object.entries(obj ?? {})) {
      if (v === undefined && opts?.removeUndefinedValues) continue;
      out[k] = marshallValue(v, opts);
    }
    return out;
  }
  function unmarshallValue(av) {
    if (av === null || typeof av !== 'object') throw new Error('unmarshall: not an AttributeValue: ' + JSON.stringify(av));
    const [[t, v]] = Object.entries(av);
    switch (t) {
      case 'S': return v;
      case 'N': return Number(v);
      case 'BOOL': return v;
      case 'NULL': return null;
      case 'B': return v;
      case 'SS': return new Set(v);
      case 'NS': return new Set(v.map(Number));
      case 'L': return v.map(unmarshallValue);
      case 'M': return unmarshall(v);
      default: throw new Error(`unmarshall: unknown AttributeValue type ${t}`);
    }
  }
  function unmarshall(m) {
    const out = {};
    for (const [k, v] of Object.entries(m ?? {})) out[k] = unmarshallValue(v);
    return out;
  }
  // The engine's tables hold plain JSON values: Sets become arrays, BigInts numbers (a value
  // without either is passed as it is).
  const plain = (v) => {
    if (v instanceof Set) return [...v].map(plain);
    if (typeof v === 'bigint') return Number(v);
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      let out = null;
      for (let i = 0; i < v.length; i++) {
        const p = plain(v[i]);
        if (p !== v[i]) { out ??= v.slice(); out[i] = p; }
      }
      return out ?? v;
    }
    let out = null;
    for (const k in v) {
      const p = plain(v[k]);
      if (p !== v[k]) { out ??= { ...v }; out[k] = p; }
    }
    return out ?? v;
  };

  // ---- Clients and commands ----------------------------------------------------------------
  // A command names the engine operation, the service it goes to, and how its input and output
  // differ from the engine's shapes (AttributeValues, queue URLs, S3 bodies).
  const identity = (x) => x;
  function command(client, operation, toEngine = identity, fromEngine = identity) {
    const C = class { constructor(input = {}) { this.input = input; } };
    C.prototype.$sim = { client, operation, toEngine, fromEngine };
    Object.defineProperty(C, 'name', { value: operation + 'Command' });
    return C;
  }
  async function send(clientId, cmd) {
    const spec = cmd?.$sim;
    if (!spec) throw new TypeError('client.send() expects a command object, e.g. new PutCommand({...})');
    if (spec.client !== clientId && !(clientId === 'dynamodb-document' && spec.client === 'dynamodb'))
      throw new TypeError(`${cmd.constructor.name} cannot be sent by this client`);
    const input = spec.toEngine(cmd.input ?? {}, clientId);
    const answer = await call({ client: spec.client, command: spec.operation, input });
    const out = spec.fromEngine(answer ?? {}, clientId, cmd.input);
    out.$metadata = { httpStatusCode: 200, requestId: sequentialId(nextCall), attempts: 1, totalRetryDelay: 0 };
    return out;
  }
  function clientClass(clientId, name) {
    const C = class {
      constructor(config = {}) { this.config = config; }
      send(cmd, cb) {
        const p = send(clientId, cmd);
        if (typeof cb === 'function') { p.then((r) => cb(null, r), (e) => cb(e)); return undefined; }
        return p;
      }
      destroy() {}
      middlewareStack = { add() {}, use() {} };
    };
    Object.defineProperty(C, 'name', { value: name });
    return C;
  }
  // Adds the v3 "aggregated client" methods (client.putItem(input)) for every command.
  function aggregate(C, commands) {
    for (const [name, Cmd] of Object.entries(commands)) {
      const method = name[0].toLowerCase() + name.slice(1).replace(/Command$/, '');
      C.prototype[method] = function (input, cb) { return this.send(new Cmd(input), cb); };
    }
    return C;
  }

  // DynamoDB: the low-level client speaks AttributeValues, the document client plain values.
  const avIn = (input, clientId) => {
    if (clientId === 'dynamodb-document') return plain(input);
    const out = { ...input };
    for (const k of ['Item', 'Key', 'ExclusiveStartKey', 'ExpressionAttributeValues'])
      if (out[k]) out[k] = plain(unmarshall(out[k]));
    return out;
  };
  const avOut = (out, clientId) => {
    if (clientId === 'dynamodb-document') return out;
    const r = { ...out };
    for (const k of ['Item', 'Attributes', 'LastEvaluatedKey']) if (r[k]) r[k] = marshall(r[k]);
    if (r.Items) r.Items = r.Items.map((i) => marshall(i));
    return r;
  };
  const ddbOps = ['PutItem', 'GetItem', 'DeleteItem', 'UpdateItem', 'Query', 'Scan'];
  const ddbCommands = Object.fromEntries(ddbOps.map((op) => [op + 'Command', command('dynamodb', op, avIn, avOut)]));
  const ddbErrors = Object.fromEntries(['ConditionalCheckFailedException', 'ResourceNotFoundException',
    'ProvisionedThroughputExceededException', 'ValidationException', 'ThrottlingException',
    'TransactionConflictException'].map((n) => [n, exceptionClass(n)]));
  const DynamoDBClient = aggregate(clientClass('dynamodb', 'DynamoDBClient'), ddbCommands);
  const docCommands = {};
  for (const [doc, op] of [['Put', 'PutItem'], ['Get', 'GetItem'], ['Delete', 'DeleteItem'], ['Update', 'UpdateItem'],
    ['Query', 'Query'], ['Scan', 'Scan']])
    docCommands[doc + 'Command'] = command('dynamodb', op, avIn, avOut);
  const DynamoDBDocumentClient = aggregate(clientClass('dynamodb-document', 'DynamoDBDocumentClient'), docCommands);
  DynamoDBDocumentClient.from = (client, translateConfig) => new DynamoDBDocumentClient({ client, translateConfig });

  // S3: bodies are text in the engine; GetObject's Body has the SDK's stream helpers.
  const s3In = (input) => {
    const out = { ...input };
    if (out.Body instanceof Uint8Array) out.Body = String.fromCharCode(...out.Body);
    else if (out.Body !== undefined && typeof out.Body !== 'string') out.Body = String(out.Body);
    return out;
  };
  const s3Out = (out) => {
    if (!('Body' in out)) return out;
    const text = typeof out.Body === 'string' ? out.Body : JSON.stringify(out.Body ?? '');
    const body = {
      transformToString: async () => text,
      transformToByteArray: async () => Uint8Array.from(text, (c) => c.charCodeAt(0) & 255),
      toString: () => text,
      async *[Symbol.asyncIterator]() { yield text; },  // a Readable: pipeline(Body, responseStream)
    };
    return { ...out, Body: body, ContentLength: out.ContentLength ?? text.length };
  };
  const s3Commands = Object.fromEntries(['PutObject', 'GetObject', 'DeleteObject'].map((op) =>
    [op + 'Command', command('s3', op, s3In, s3Out)]));
  const S3Client = aggregate(clientClass('s3', 'S3Client'), s3Commands);

  const simple = (clientId, ops) => Object.fromEntries(ops.map((op) => [op + 'Command', command(clientId, op)]));
  // Identifiers AWS returns that the engine's services do not keep: drawn from the seeded stream.
  const withId = (field) => (out) => ({ [field]: randomUUID(), ...out });
  const sqsCommands = { SendMessageCommand: command('sqs', 'SendMessage', identity, withId('MessageId')) };
  const snsCommands = { PublishCommand: command('sns', 'Publish', identity, withId('MessageId')) };
  const ebCommands = { PutEventsCommand: command('eventbridge', 'PutEvents', identity, (out, _c, input) => ({
    FailedEntryCount: out.FailedEntryCount ?? 0,
    Entries: out.Entries ?? (input?.Entries ?? []).map(() => ({ EventId: randomUUID() })) })) };
  const sfnCommands = simple('sfn', ['StartExecution', 'StartSyncExecution', 'SendTaskSuccess', 'SendTaskFailure', 'SendTaskHeartbeat']);
  const firehoseCommands = simple('firehose', ['PutRecord']);
  // Kinesis and Firehose take Data as bytes; the engine carries text.
  const bytesToText = (d) => (d instanceof Uint8Array ? String.fromCharCode(...d) : typeof d === 'string' ? d : JSON.stringify(d));
  const kinesisCommands = { PutRecordCommand: command('kinesis', 'PutRecord', (i) => ({ ...i, Data: bytesToText(i.Data) })) };
  firehoseCommands.PutRecordCommand = command('firehose', 'PutRecord',
    (i) => ({ ...i, Record: { ...i.Record, Data: bytesToText(i.Record?.Data) } }),
    (out) => ({ RecordId: randomUUID(), Encrypted: false, ...out }));
  // Lambda Invoke: Payload is bytes in the SDK (JSON text), the engine's event is JSON.
  const lambdaCommands = { InvokeCommand: command('lambda', 'Invoke', (i) => {
    let payload = i.Payload;
    if (payload instanceof Uint8Array) payload = String.fromCharCode(...payload);
    if (typeof payload === 'string') { try { payload = JSON.parse(payload); } catch (e) { /* keep text */ } }
    return { ...i, Payload: payload };
  }, (o) => ({ ...o, Payload: Uint8Array.from(JSON.stringify(o.Payload ?? null), (c) => c.charCodeAt(0) & 255) })) };

  const textEncoder = class { encode(s) { return Uint8Array.from(unescape(encodeURIComponent(String(s))), (c) => c.charCodeAt(0)); } };
  const textDecoder = class { decode(a) { return a ? decodeURIComponent(escape(String.fromCharCode(...a))) : ''; } };
  globalThis.TextEncoder = textEncoder;
  globalThis.TextDecoder = textDecoder;

  // ---- Base64 and Node's Buffer (utf8, base64, hex): Kinesis and Firehose data are base64 ----
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const b64encode = (bytes) => {
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') +
        (i + 2 < bytes.length ? B64[n & 63] : '=');
    }
    return out;
  };
  const b64decode = (text) => {
    const clean = String(text).replace(/[^A-Za-z0-9+/]/g, '');
    const out = [];
    for (let i = 0; i < clean.length; i += 4) {
      const n = (B64.indexOf(clean[i]) << 18) | (B64.indexOf(clean[i + 1]) << 12) |
        ((clean[i + 2] ? B64.indexOf(clean[i + 2]) : 0) << 6) | (clean[i + 3] ? B64.indexOf(clean[i + 3]) : 0);
      out.push((n >> 16) & 255);
      if (clean[i + 2]) out.push((n >> 8) & 255);
      if (clean[i + 3]) out.push(n & 255);
    }
    return Uint8Array.from(out);
  };
  class Buffer extends Uint8Array {
    static from(v, encoding = 'utf8') {
      let bytes;
      if (typeof v === 'string') {
        if (encoding === 'base64') bytes = b64decode(v);
        else if (encoding === 'hex') bytes = Uint8Array.from(v.match(/../g) ?? [], (h) => parseInt(h, 16));
        else bytes = new textEncoder().encode(v);
      } else {
        bytes = Uint8Array.from(v ?? []);
      }
      const b = new Buffer(bytes.length);
      b.set(bytes);
      return b;
    }
    static isBuffer(v) { return v instanceof Buffer; }
    static byteLength(s) { return new textEncoder().encode(String(s)).length; }
    static concat(list) { return Buffer.from(list.flatMap((b) => [...b])); }
    toString(encoding = 'utf8') {
      if (encoding === 'base64') return b64encode(this);
      if (encoding === 'hex') return [...this].map((x) => x.toString(16).padStart(2, '0')).join('');
      return new textDecoder().decode(this);
    }
    toJSON() { return { type: 'Buffer', data: [...this] }; }
  }
  globalThis.Buffer = Buffer;
  globalThis.btoa = (s) => b64encode(Uint8Array.from(String(s), (c) => c.charCodeAt(0) & 255));
  globalThis.atob = (s) => String.fromCharCode(...b64decode(s));

  const modules = {
    '@aws-sdk/client-dynamodb': { DynamoDBClient, DynamoDB: DynamoDBClient, ...ddbCommands, ...ddbErrors, DynamoDBServiceException: ServiceException },
    '@aws-sdk/lib-dynamodb': { DynamoDBDocumentClient, DynamoDBDocument: DynamoDBDocumentClient, ...docCommands },
    '@aws-sdk/util-dynamodb': { marshall, unmarshall, convertToAttr: marshallValue, convertToNative: unmarshallValue },
    '@aws-sdk/client-s3': { S3Client, S3: S3Client, ...s3Commands, NoSuchKey: exceptionClass('NoSuchKey'), NoSuchBucket: exceptionClass('NoSuchBucket'), S3ServiceException: ServiceException },
    '@aws-sdk/client-sqs': { SQSClient: aggregate(clientClass('sqs', 'SQSClient'), sqsCommands), ...sqsCommands },
    '@aws-sdk/client-sns': { SNSClient: aggregate(clientClass('sns', 'SNSClient'), snsCommands), ...snsCommands },
    '@aws-sdk/client-eventbridge': { EventBridgeClient: aggregate(clientClass('eventbridge', 'EventBridgeClient'), ebCommands), ...ebCommands },
    '@aws-sdk/client-sfn': { SFNClient: aggregate(clientClass('sfn', 'SFNClient'), sfnCommands), ...sfnCommands },
    '@aws-sdk/client-kinesis': { KinesisClient: aggregate(clientClass('kinesis', 'KinesisClient'), kinesisCommands), ...kinesisCommands },
    '@aws-sdk/client-firehose': { FirehoseClient: aggregate(clientClass('firehose', 'FirehoseClient'), firehoseCommands), ...firehoseCommands },
    '@aws-sdk/client-lambda': { LambdaClient: aggregate(clientClass('lambda', 'LambdaClient'), lambdaCommands), ...lambdaCommands },
  };

  // ---- The v2 SDK's common calls: new AWS.DynamoDB.DocumentClient().put(params).promise() ----
  function v2Service(clientId, methods) {
    return class {
      constructor(config = {}) { this.config = config; }
      static get name() { return clientId; }
      static {
        for (const [method, Cmd] of Object.entries(methods)) {
          this.prototype[method] = function (params, cb) {
            const p = send(clientId, new Cmd(params));
            if (typeof cb === 'function') p.then((r) => cb(null, r), (e) => cb(e));
            // createReadStream(): the reply's Body as a stream (S3 getObject), errors included.
            const body = { async *[Symbol.asyncIterator]() { const r = await p; yield String(r.Body ?? ''); } };
            return { promise: () => p, createReadStream: () => readableFrom(body) };
          };
        }
      }
    };
  }
  const lower = (cmds) => Object.fromEntries(Object.entries(cmds).map(([n, C]) => [n[0].toLowerCase() + n.slice(1).replace(/Command$/, ''), C]));
  const AWS = {
    DynamoDB: v2Service('dynamodb', lower(ddbCommands)),
    S3: v2Service('s3', lower(s3Commands)),
    SQS: v2Service('sqs', lower(sqsCommands)),
    SNS: v2Service('sns', lower(snsCommands)),
    EventBridge: v2Service('eventbridge', lower(ebCommands)),
    StepFunctions: v2Service('sfn', lower(sfnCommands)),
    Kinesis: v2Service('kinesis', lower(kinesisCommands)),
    Firehose: v2Service('firehose', lower(firehoseCommands)),
    Lambda: v2Service('lambda', lower(lambdaCommands)),
    config: { update() {}, region: 'us-east-1' },
  };
  AWS.DynamoDB.DocumentClient = v2Service('dynamodb-document', lower(docCommands));
  AWS.DynamoDB.Converter = { marshall, unmarshall };
  modules['aws-sdk'] = AWS;
  // ---- Response streaming: the runtime's awslambda.streamifyResponse ------------------------
  // https://docs.aws.amazon.com/lambda/latest/dg/config-rs-write-functions.html. The caller here
  // receives the whole response once the handler settles, as API Gateway and BUFFERED function
  // URLs do (time to first byte is not modelled): what was written, in order, and the status and
  // headers given to HttpResponseStream.from.
  const chunkText = (c) => (typeof c === 'string' ? c : c instanceof Uint8Array ? new textDecoder().decode(c) : String(c));
  class ResponseStream {
    constructor() { this.chunks = []; this.ended = false; this.contentType = 'application/octet-stream'; this.metadata = null; this.listeners = {}; }
    write(chunk, encoding, cb) {
      if (this.ended) throw Object.assign(new Error('write after end'), { code: 'ERR_STREAM_WRITE_AFTER_END' });
      this.chunks.push(chunkText(chunk));
      (typeof encoding === 'function' ? encoding : cb)?.();
      return true;
    }
    end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      if (chunk !== undefined && chunk !== null) this.write(chunk);
      this.ended = true;
      (typeof encoding === 'function' ? encoding : cb)?.();
      for (const f of this.listeners.finish || []) f();
      return this;
    }
    setContentType(type) { this.contentType = String(type); }
    on(event, f) { (this.listeners[event] ||= []).push(f); return this; }
    once(event, f) { return this.on(event, f); }
    response() {
      const body = this.chunks.join('');
      if (!this.metadata) return body;
      return { ...this.metadata, body };
    }
  }
  const streamify = Symbol('streamifyResponse');
  globalThis.awslambda = {
    streamifyResponse(fn) {
      if (typeof fn !== 'function') throw new TypeError('awslambda.streamifyResponse: expected a handler function');
      const wrapped = (event, responseStream, context) => fn(event, responseStream, context);
      wrapped[streamify] = true;
      return wrapped;
    },
    HttpResponseStream: {
      from(stream, metadata) { stream.metadata = { ...(metadata || {}) }; return stream; },
    },
  };
  // node:stream's pieces streaming handlers use: Readable.from and pipeline (callback and promise).
  const readableFrom = (source) => ({
    async *[Symbol.asyncIterator]() {
      if (typeof source === 'string' || source instanceof Uint8Array) { yield source; return; }
      for await (const chunk of source) yield chunk;
    },
    pipe(dst) { pipelinePromise(this, dst); return dst; },
  });
  async function pipelinePromise(src, ...rest) {
    const dst = rest[rest.length - 1];
    for await (const chunk of src) dst.write(chunk);
    dst.end();
  }
  const pipeline = (...args) => {
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    const p = pipelinePromise(...args);
    if (cb) p.then(() => cb(null), (e) => cb(e));
    return args[args.length - 1];
  };
  const promisify = (fn) => (...args) => new Promise((resolve, reject) => fn(...args, (e, v) => (e ? reject(e) : resolve(v))));
  const nodeModules = {
    buffer: { Buffer },
    crypto: { randomUUID, createHash() { throw new Error("crypto.createHash is not available in the playground's runtime"); } },
    util: { inspect: show, format: (...a) => a.map(show).join(' '), promisify, TextEncoder: textEncoder, TextDecoder: textDecoder },
    stream: { Readable: { from: readableFrom }, pipeline, promises: { pipeline: pipelinePromise } },
    'stream/promises': { pipeline: pipelinePromise },
  };
  for (const [n, m] of Object.entries(nodeModules)) { modules[n] = m; modules['node:' + n] = m; }
  // Why a package is missing, after Node's own message: the runtime has the simulated AWS SDK
  // clients and a few built-ins, never node_modules (read by require() and by the ES module loader).
  const sdkClients = Object.keys(modules).filter((n) => n.startsWith('@aws-sdk/')).map((n) => n.slice(9));
  const builtins = Object.keys(nodeModules).join(', ');
  globalThis.__sim_module_hint = (name) => name.startsWith('@aws-sdk/') || name.startsWith('aws-sdk/')
    ? ` (the playground simulates the AWS SDK clients ${sdkClients.join(', ')}; not this one)`
    : ` (the playground's runtime has the simulated AWS SDK and the Node.js built-ins ${builtins}; ` +
      'packages from node_modules are not loaded: bundle or replace them)';

  // ---- CommonJS: require() of SDK modules and of the function's own files ------------------
  const cjsCache = new Map();
  function requireFrom(dir) {
    return (name) => {
      if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
      if (!name.startsWith('.') && !name.startsWith('/')) {
        const e = new Error(`Cannot find module '${name}'` + globalThis.__sim_module_hint(name));
        e.code = 'MODULE_NOT_FOUND';
        throw e;
      }
      const loaded = host.loadCjs(dir, name);  // [resolved path, wrapper function] or throws
      const [path, fn] = loaded;
      if (cjsCache.has(path)) return cjsCache.get(path).exports;
      const module = { exports: {}, id: path, filename: path };
      cjsCache.set(path, module);
      if (typeof fn === 'function') fn.call(module.exports, module.exports, requireFrom(path.replace(/[^/]*$/, '')), module, path, path.replace(/\/[^/]*$/, ''));
      else module.exports = fn;  // a .json file
      return module.exports;
    };
  }
  globalThis.__sim_modules = modules;  // read by the ES module loader for `import … from "@aws-sdk/…"`

  // ---- The handler protocol ------------------------------------------------------------------
  let handler = null;
  let current = null;  // { state, value, error }
  function errorRecord(e) {
    if (e instanceof Error) {
      const trace = String(e.stack || '').split('\n').map((s) => s.trim()).filter(Boolean);
      return { errorType: e.name || 'Error', errorMessage: e.message, trace };
    }
    return { errorType: 'Error', errorMessage: typeof e === 'string' ? e : show(e), trace: [] };
  }
  function settle(ok, v) {
    if (!current || current.state !== 'waiting') return;
    if (ok) { current.state = 'returned'; current.value = v; } else { current.state = 'failed'; current.error = errorRecord(v); }
  }
  return {
    // Loads the handler after the module ran (CommonJS: required here; ES module: its namespace).
    init(file, exportName, esmNamespace) {
      const exports = esmNamespace ?? requireFrom('')('./' + file);
      const h = exports?.[exportName];
      if (typeof h !== 'function') {
        const e = new Error(`${file.replace(/\.[cm]?js$/, '')}.${exportName} is undefined or not exported`);
        e.name = 'Runtime.HandlerNotFound';
        throw e;
      }
      handler = h;
    },
    invoke(event, c) {
      requestId = c.awsRequestId;
      const deadline = c.deadlineUnixMs;
      delete c.deadlineUnixMs;
      const context = { ...c, callbackWaitsForEmptyEventLoop: true,
        getRemainingTimeInMillis: () => Math.max(0, Math.round(deadline - host.now())),
        done: (err, v) => settle(!err, err || v), succeed: (v) => settle(true, v), fail: (err) => settle(false, err) };
      current = { state: 'waiting' };
      try {
        if (handler[streamify]) {
          const stream = new ResponseStream();
          Promise.resolve(handler(event, stream, context)).then(() => settle(true, stream.response()), (e) => settle(false, e));
        } else if (handler.length >= 3) {
          const r = handler(event, context, (err, v) => settle(!err, err || v));
          if (r && typeof r.then === 'function') r.then((v) => settle(true, v), (e) => settle(false, e));
        } else {
          Promise.resolve(handler(event, context)).then((v) => settle(true, v), (e) => settle(false, e));
        }
      } catch (e) { settle(false, e); }
    },
    answer(id, ok, payload) {
      const p = pending.get(id);
      if (!p) return;
      pending.delete(id);
      if (ok) p.resolve(payload);
      else p.reject(new ServiceException(payload.name, payload.message, payload.status));
    },
    poll() {
      const c = current;
      if (!c || c.state === 'waiting') return 0;
      return JSON.stringify({ state: c.state, value: c.value === undefined ? null : c.value, error: c.error },
        (k, x) => (x instanceof Set ? [...x] : typeof x === 'bigint' ? Number(x) : x));
    },
  };
})()
