// embed.js — the playground inside an iframe (embed.html → index.html?embed=1): URL options
// (read-only, hidden panels, locked view, autoplay, speed, start time, theme, highlighted node)
// and the versioned postMessage protocol for the host page (web/EMBED.md). Every request gets
// exactly one reply with the request's id; bad input gets an `error` reply, never an exception.
// Events for the host (`changed`, `event`, periodic `metrics`) come from polling the same
// window.playground API the page uses. Nothing here writes to any storage.
'use strict';
(function () {
  const host = window.playgroundHost;
  const pg = window.playground;
  if (!host || !pg || !host.embed) return;
  const PROTOCOL = 1;
  const params = new URLSearchParams(location.search);
  const embedId = (params.get('id') || '').slice(0, 64);
  const lockedOrigin = params.get('origin');  // when given, only this origin may drive the embed
  const HIDE = ['palette', 'inspector', 'log', 'cost', 'bottom'];
  const flag = (name) => params.has(name) && !/^(0|false|no)$/i.test(params.get(name));
  const num = (name, lo, hi) => {
    if (!params.has(name)) return null;
    const v = Number(params.get(name));
    return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : null;
  };
  const options = {
    readOnly: flag('readonly'),
    hide: (params.get('hide') || '').split(',').map((s) => s.trim()).filter((s) => HIDE.includes(s)),
    lockView: flag('lock'),
    highlight: (params.get('highlight') || '').slice(0, 64),
    autoplay: flag('autoplay'),
    speed: num('speed', 1, 10000),
    t: num('t', 0, 30 * 86400),
    theme: ['light', 'dark'].includes(params.get('theme')) ? params.get('theme') : null,
  };

  // ---- Outgoing ----
  function post(msg, targetOrigin) {
    if (window.parent === window) return;
    const full = Object.assign({ version: PROTOCOL }, msg);
    if (embedId) full.embed = embedId;
    try {
      window.parent.postMessage(full, targetOrigin || lockedOrigin || '*');
    } catch (e) { /* a detached parent: nothing to tell */ }
  }

  // ---- Incoming ----
  const HANDLERS = {
    async load(m) {
      if (typeof m.link === 'string') return await pg.openLink(m.link.slice(0, 300 * 1024), { force: m.force === true });
      if (m.pattern === undefined) throw new Error('load needs "pattern" (object or JSON text) or "link" (a share link)');
      let text;
      try { text = typeof m.pattern === 'string' ? m.pattern : JSON.stringify(m.pattern); } catch (e) {
        throw new Error('pattern could not be read: ' + e.message);
      }
      if (typeof text !== 'string') throw new Error('pattern must be an object or JSON text');
      if (text.length > 2 * 1024 * 1024) throw new Error(`pattern too large: ${text.length} characters; the limit is 2,097,152`);
      // Through the share envelope: the same size, depth, UTF-8 and node-count checks as links.
      return openEnvelope('{"v":1,"pattern":' + text + '}', m.force === true);
    },
    fire(m) {
      if (typeof m.node !== 'string') throw new Error('fire needs "node": the id of the node to send the event to');
      const r = pg.fire(m.node, m.event === undefined ? {} : m.event);
      if (!r.ok) throw new Error(r.error);
      return { ok: true };
    },
    play() { pg.play(); return { ok: true }; },
    pause() { pg.pause(); return { ok: true }; },
    reset() { pg.reset(); lastMetrics = null; return { ok: true }; },
    select(m) {
      if (typeof m.node !== 'string') throw new Error('select needs "node": a node id');
      if (!pg.selectNode(m.node)) throw new Error(`no node has id "${m.node.slice(0, 64)}"`);
      return { ok: true };
    },
    getPattern() { return { type: 'pattern', pattern: pg.getPattern() }; },
    getMetrics(m, origin) {
      if (m.every !== undefined) {
        const every = Number(m.every);
        if (!Number.isFinite(every) || every < 0) throw new Error('every must be a number of seconds >= 0');
        clearInterval(metricsTimer);
        metricsTimer = every > 0 ? setInterval(() => post({ type: 'metrics', id: m.id, metrics: pg.metrics() }, origin),
          Math.max(250, every * 1000)) : 0;
      }
      return { type: 'metrics', metrics: pg.metrics() };
    },
  };
  let metricsTimer = 0;

  function openEnvelope(text, force) {
    const M = window.Module;
    const bytes = new TextEncoder().encode(text);
    const ptr = M._malloc(bytes.length + 1);
    try {
      M.HEAPU8.set(bytes, ptr);
      return JSON.parse(M.ccall('pg_open_share', 'string', ['number', 'number', 'number'], [ptr, bytes.length, force ? 1 : 0]));
    } finally { M._free(ptr); }
  }

  const shortText = (v) => String(v).slice(0, 60);
  async function onMessage(e) {
    if (e.source !== window.parent || window.parent === window) return;
    if (lockedOrigin && e.origin !== lockedOrigin) return;
    const m = e.data;
    if (!m || typeof m !== 'object' || Array.isArray(m) || !('type' in m)) return;  // not ours
    const replyTo = e.origin && e.origin !== 'null' ? e.origin : '*';
    const id = typeof m.id === 'string' || typeof m.id === 'number' ? (typeof m.id === 'string' ? m.id.slice(0, 100) : m.id) : null;
    const fail = (error) => post({ type: 'error', id, request: shortText(m.type), error }, replyTo);
    if (typeof m.type !== 'string') return fail('type must be a string');
    if (m.version !== PROTOCOL) return fail(`protocol version ${shortText(JSON.stringify(m.version))} is not supported (this playground speaks version ${PROTOCOL})`);
    if (id === null) return fail('id must be a string or number (it correlates the reply)');
    if (!Object.prototype.hasOwnProperty.call(HANDLERS, m.type)) {
      return fail(`unknown message type "${shortText(m.type)}"; known: ${Object.keys(HANDLERS).join(', ')}`);
    }
    try {
      await pg.ready;
      const r = await HANDLERS[m.type](m, replyTo);
      if (r && r.ok === false) {
        const errs = (r.errors || []).map((d) => (d.path ? d.path + ': ' : '') + d.message);
        post({ type: 'error', id, request: m.type, error: errs[0] || 'failed', errors: r.errors || [] }, replyTo);
      } else {
        post(Object.assign({ type: 'result' }, r || {}, { id, request: m.type, ok: true }), replyTo);
      }
    } catch (err) {
      fail(String(err && err.message || err));
    }
  }
  window.addEventListener('message', (e) => { onMessage(e).catch(() => {}); });

  // ---- Watching: changed / event ----
  let lastRevision = -1, lastMetrics = null;
  const WATCH = [['dead_lettered', 'dead-letter'], ['errors', 'error'], ['throttles', 'throttle'], ['drops', 'drop']];
  function watch() {
    const s = pg.state();
    if (s.revision !== lastRevision) {
      if (lastRevision >= 0) post({ type: 'changed', revision: s.revision, name: s.name, nodeCount: s.nodeCount, edgeCount: s.edgeCount });
      lastRevision = s.revision;
      lastMetrics = null;
      updateOpenLink();
    }
    if (!s.built) return;
    const m = pg.metrics();
    if (!m.nodes) return;
    if (lastMetrics && m.sim_time_s >= lastMetrics.sim_time_s) {
      for (const [id, n] of Object.entries(m.nodes)) {
        const before = lastMetrics.nodes[id] || {};
        for (const [field, kind] of WATCH) {
          const delta = (n[field] || 0) - (before[field] || 0);
          if (delta > 0) post({ type: 'event', kind, node: id, count: delta, total: n[field], simTime: m.sim_time_s });
        }
      }
    }
    lastMetrics = m;
  }

  // ---- "Open in the full playground" ----
  const open = document.createElement('a');
  open.className = 'pg-open-full';
  open.target = '_blank';
  open.rel = 'noopener';
  open.textContent = 'Open in the playground ↗';
  function updateOpenLink() {
    pg.shareLink().then((link) => {
      const u = new URL(link);
      u.search = '';
      open.href = u.href;
    }).catch(() => {});
  }

  host.beforeStart = () => {
    const r = window.Module.ccall('pg_set_embed_options', 'string', ['string'],
      [JSON.stringify({ embed: true, readOnly: options.readOnly, hide: options.hide, lockView: options.lockView })]);
    const parsed = JSON.parse(r);
    if (!parsed.ok) console.warn('embed options:', parsed.errors);
    if (options.theme) pg.setTheme(options.theme);
  };
  host.afterStart = async () => {
    if (options.highlight) pg.selectNode(options.highlight);
    if (options.speed) pg.setSpeed(options.speed);
    if (options.t) { await pg.runFor(options.t); pg.pause(); }
    if (options.autoplay) pg.play();
    document.body.appendChild(open);
    lastRevision = pg.state().revision;
    updateOpenLink();
    setInterval(watch, 250);
    post({ type: 'ready', id: null, protocol: PROTOCOL, name: pg.state().name, options });
  };
})();
