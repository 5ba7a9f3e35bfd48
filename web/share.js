// share.js — share links, `?pattern=<name>`, the address bar, and picture export on the page.
// Share (toolbar) → C++ builds the envelope (pg_share_payload) → share_codec.js compresses it into
// "#v1.…" → clipboard + a confirmation. Opening a link: share_codec.js decodes it with hard limits,
// C++ checks the envelope and loads it (pg_open_share); on ANY failure the page says why (as
// text, never as HTML) and the current document — restored from autosave — is left untouched.
// While the user edits, the address bar follows the document (history.replaceState, debounced).
// Load order: loader.js, playground_api.js, share_codec.js, embed.js, share.js.
'use strict';
(function () {
  const host = window.playgroundHost;
  const codec = window.playgroundShareCodec;
  const pg = window.playground;
  if (!host || !codec || !pg) return;
  const AUTOSAVE_KEY = 'serverless-playground.autosave.v1';
  const params = new URLSearchParams(location.search);
  const M = () => window.Module;
  const LONG_LINK = 2000;  // chat tools and some browsers cut or refuse longer links (EMBED.md)

  // ---- Messages: a toast for confirmations, a banner for errors (textContent only) ----
  function element(id, role, cls) {
    let el = document.getElementById(id);
    if (!el) {
      el = document.createElement('div');
      el.id = id;
      el.className = cls;
      el.setAttribute('role', role);
      el.hidden = true;
      document.body.appendChild(el);
    }
    return el;
  }
  let toastTimer = 0;
  function toast(text, ms = 3500) {
    const el = element('pg-toast', 'status', 'pg-toast');
    el.textContent = text;
    el.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { el.hidden = true; }, ms);
  }
  // title: one line; lines: the details (each a diagnostic or sentence); action: {label, run};
  // ok: a report of success (green, not an alert).
  function notice(title, lines, action, ok) {
    const el = element('pg-notice', 'alert', 'pg-notice');
    el.replaceChildren();
    el.classList.toggle('pg-ok', !!ok);
    const head = document.createElement('div');
    head.className = 'pg-notice-title';
    head.textContent = title;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'pg-notice-close';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Close');
    close.onclick = () => { el.hidden = true; M() && M().canvas && M().canvas.focus(); };
    head.appendChild(close);
    el.appendChild(head);
    for (const line of (lines || []).slice(0, 8)) {
      const p = document.createElement('div');
      p.className = 'pg-notice-line';
      p.textContent = String(line).slice(0, 400);
      el.appendChild(p);
    }
    if (action) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'pg-notice-action';
      b.textContent = action.label;
      b.onclick = () => { el.hidden = true; action.run(); };
      el.appendChild(b);
    }
    el.hidden = false;
  }
  const hideNotice = () => { const el = document.getElementById('pg-notice'); if (el) el.hidden = true; };
  // A problem in plain words: where it is as a person says it ("node 3 (MemorySize)"), not as a JSON
  // pointer; a path that is none of those is left out (the messages name what they are about).
  const where = (path) => {
    const m = /^\/(nodes|edges|traffic)\/(\d+)(?:\/config)?(?:\/([^/]+))?/.exec(path || '');
    return m ? `${{ nodes: 'node', edges: 'link', traffic: 'traffic source' }[m[1]]} ${+m[2] + 1}${m[3] ? ` (${m[3]})` : ''}: ` : '';
  };
  const diagLine = (d) => where(d.path) + d.message;

  // ---- Building a link ----
  function payload(withTime) { return M().ccall('pg_share_payload', 'string', ['number'], [withTime ? 1 : 0]); }
  function baseUrl() {
    const q = new URLSearchParams(location.search);
    for (const k of ['pattern', 'fresh']) q.delete(k);
    const s = q.toString();
    return location.origin + location.pathname + (s ? '?' + s : '');
  }
  // The link to this experiment. `time: true` adds the current simulated time (the link then
  // replays the run up to it).
  async function shareLink(options = {}) {
    await pg.ready;
    return baseUrl() + '#' + await codec.encodeFragment(payload(!!options.time));
  }

  async function copyText(text) {
    host.clipboard = text;  // ImGui's paste sees it either way
    try { await navigator.clipboard.writeText(text); return true; } catch (e) { /* fall back */ }
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.cssText = 'position:fixed;left:-9999px;top:0';
    document.body.appendChild(ta);
    ta.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    ta.remove();
    return ok;
  }

  // What a link may hold (engine/share/share_payload.h ShareLimits): a bigger design would make a
  // link that every playground refuses, so Share says so instead.
  const LINK_MAX = { nodes: 500, edges: 2000 };
  function tooBigForLink() {
    const s = pg.state();
    if (s.nodeCount > LINK_MAX.nodes) return `this design has ${s.nodeCount} nodes; share links hold at most ${LINK_MAX.nodes}`;
    if (s.edgeCount > LINK_MAX.edges) return `this design has ${s.edgeCount} links; share links hold at most ${LINK_MAX.edges}`;
    return '';
  }

  // The toolbar's Share: copy the link and say so.
  async function share() {
    const big = tooBigForLink();
    if (big) {
      notice('This design is too big for a share link', [big, 'Save it as a file (Ctrl+S) and share the file instead.']);
      return { ok: false, error: big };
    }
    try {
      const link = await shareLink();
      history.replaceState(null, '', link);
      synced = pg.state().revision;
      const copied = await copyText(link);
      const size = link.length.toLocaleString('en-US') + ' characters';
      const long = link.length > LONG_LINK ? ' — long link: some chat tools cut links over 2,000 characters; share the saved file instead' : '';
      toast((copied ? 'Link copied to the clipboard (' : 'Link ready in the address bar (') + size + ')' + long, long ? 7000 : 3500);
      return { ok: true, link, copied };
    } catch (e) {
      notice('Could not make a share link', [e && e.message ? e.message : String(e)]);
      return { ok: false, error: String(e && e.message || e) };
    }
  }

  // ---- Opening a link ----
  // Any failure leaves the document (and the autosave) as they were and shows why. A pattern that
  // does not build is refused too, with an "Open anyway" button (options.force opens it).
  async function openLink(fragmentOrUrl, options = {}) {
    await pg.ready;
    let text = String(fragmentOrUrl || '');
    const hashAt = text.indexOf('#');
    if (hashAt >= 0) text = text.slice(hashAt + 1);
    let bytes;
    try {
      bytes = await codec.decodeFragment(text);
    } catch (e) {
      const message = e instanceof codec.ShareError ? e.message : 'the link could not be read (' + (e && e.message) + ')';
      notice('This share link cannot be opened', [message, 'Your current work is unchanged.']);
      return { ok: false, errors: [{ severity: 'error', path: '', message, hint: '' }], warnings: [] };
    }
    const before = host.embed ? null : readAutosave();
    const ptr = M()._malloc(bytes.length + 1);
    let r;
    try {
      M().HEAPU8.set(bytes, ptr);
      r = JSON.parse(M().ccall('pg_open_share', 'string', ['number', 'number', 'number'], [ptr, bytes.length, options.force ? 1 : 0]));
    } finally { M()._free(ptr); }
    if (!r.ok) {
      const lines = [...r.errors.map(diagLine), 'Your current work is unchanged.'];
      if (r.buildErrors) {
        notice('This share link cannot be opened: its pattern does not build', lines,
          { label: 'Open it anyway (to see and fix the problems)', run: () => openLink(fragmentOrUrl, { force: true }) });
      } else {
        notice('This share link cannot be opened', lines);
      }
      return r;
    }
    hideNotice();
    if (before !== null) {
      try { localStorage.setItem(AUTOSAVE_KEY + '.before-link', before); } catch (e) { /* quota */ }
    }
    if (typeof r.t === 'number' && r.t > 0) {
      await pg.runFor(Math.min(r.t, 86400));
      pg.pause();
    }
    synced = pg.state().revision;
    if (r.errors.length) notice('The shared pattern opened with problems', r.errors.map(diagLine));
    return r;
  }

  // `?pattern=fan-out`: a pattern shipped with the playground. The ones whose functions are code
  // (patterns/code/) are fetched after start: a name not embedded waits for them.
  async function openShipped(name) {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(name)) {
      notice('Unknown pattern name', ['pattern names are lowercase letters, digits and dashes, e.g. ?pattern=fan-out']);
      return { ok: false };
    }
    const shipped = () => JSON.parse(M().ccall('pg_shipped_pattern', 'string', ['string'], [name]));
    let r = shipped();
    if (!r.ok && await pg.loadCodeContent()) r = shipped();
    if (!r.ok) {
      notice('Unknown pattern name', [r.error, 'shipped patterns: ' + r.available.join(', ')]);
      return r;
    }
    const loaded = pg.loadPattern(r.text);
    synced = pg.state().revision;
    return loaded;
  }

  function readAutosave() {
    try { return localStorage.getItem(AUTOSAVE_KEY); } catch (e) { return null; }
  }

  // ---- The address bar follows the document (not in embeds) ----
  let synced = -1, seen = -1, syncing = false;
  async function syncAddressBar() {
    if (syncing || host.embed) return;
    const rev = pg.state().revision;
    if (rev === synced) return;
    if (rev !== seen) { seen = rev; return; }  // still changing: wait until it is stable for one tick
    if (tooBigForLink()) { synced = rev; return; }
    syncing = true;
    try {
      const link = await shareLink();
      if (pg.state().revision === rev) {
        history.replaceState(null, '', link);
        synced = rev;
      }
    } catch (e) { /* the next tick retries */ } finally { syncing = false; }
  }

  // ---- Picture export: the diagram area of the canvas, read right after a frame is drawn ----
  function afterFrame() {
    return new Promise((resolve) => { (host.afterFrameQueue = host.afterFrameQueue || []).push(resolve); });
  }
  async function exportPng(options = {}) {
    await pg.ready;
    const box = pg.layout().canvas;  // CSS px
    const canvas = M().canvas;
    const ratio = canvas.width / canvas.clientWidth;
    const [x0, y0, x1, y1] = box.map((v) => Math.round(v * ratio));
    const out = document.createElement('canvas');
    out.width = Math.max(1, x1 - x0);
    out.height = Math.max(1, y1 - y0);
    await afterFrame();  // the WebGL buffer holds this frame until the browser presents it
    out.getContext('2d').drawImage(canvas, x0, y0, out.width, out.height, 0, 0, out.width, out.height);
    const blob = await new Promise((resolve) => out.toBlob(resolve, 'image/png'));
    if (options.download !== false) download(blob, (pg.state().name || 'pattern') + '.png');
    return blob;
  }
  function download(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  // Mermaid text from C++ (engine/export/): {ok, text, filename}.
  function exportText(kind) {
    return JSON.parse(M().ccall('pg_export', 'string', ['string'], [String(kind)]));
  }

  // ---- SAM / CloudFormation templates --------------------------------------------------------------
  // The same engine code as `slsim export sam` / `slsim import`, in a separate module (tools/) that
  // is fetched on first use only: it would not fit the page's download budget.
  const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;
  let samTools = null;
  function loadSamTools() {
    if (!samTools) {
      samTools = new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = 'tools/sam_tools.js';
        s.onload = () => window.createSamTools({ locateFile: (f) => 'tools/' + f }).then(resolve, reject);
        s.onerror = () => reject(new Error('could not load tools/sam_tools.js'));
        document.head.appendChild(s);
      });
      samTools.catch(() => { samTools = null; });  // a failed fetch can be retried
    }
    return samTools;
  }
  function samCall(m, fn, text, extra) {
    const len = m.lengthBytesUTF8(text) + 1;
    const ptr = m._malloc(len);
    try {
      m.stringToUTF8(text, ptr, len);
      return JSON.parse(m.ccall(fn, 'string', ['number'].concat(extra ? ['number'] : []), [ptr].concat(extra ? [extra.value] : [])));
    } finally { m._free(ptr); }
  }
  // {ok, text, filename, notes}: the current pattern as a SAM template ("yaml" or "json").
  async function exportSam(format = 'yaml') {
    if (format !== 'yaml' && format !== 'json') return { ok: false, error: `format must be "yaml" or "json", got ${JSON.stringify(format)}` };
    const m = await loadSamTools();
    return samCall(m, 'sam_export', JSON.stringify(pg.getPattern()), { value: format === 'yaml' ? 1 : 0 });
  }
  // {ok, errors, warnings, summary}: a SAM/CloudFormation template (YAML or JSON text, or an object) onto the
  // canvas; options.files: the project's files beside it ({relative path: text}) for CodeUri,
  // DefinitionUri and AWS::Include. Template problems come first (pointers into the template); the
  // current work is untouched on errors.
  async function importTemplate(template, options = {}) {
    const text = typeof template === 'string' ? template : JSON.stringify(template);
    if (text.length > MAX_TEMPLATE_BYTES)
      return { ok: false, errors: [{ severity: 'error', path: '', message: `the template is ${(text.length / 1048576).toFixed(1)} MB; the limit is 5 MB` }], warnings: [] };
    const m = await loadSamTools();
    const files = JSON.stringify(options.files || {});
    const fptr = m._malloc(m.lengthBytesUTF8(files) + 1);
    m.stringToUTF8(files, fptr, m.lengthBytesUTF8(files) + 1);
    let r;
    try { r = samCall(m, 'sam_import', text, { value: fptr }); } finally { m._free(fptr); }
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    const warnings = r.diagnostics.filter((d) => d.severity !== 'error');
    if (!r.ok) return { ok: false, errors, warnings };
    const loaded = options.fromUi ? pg._loadFromUi(JSON.stringify(r.pattern)) : pg.loadPattern(r.pattern);
    return { ok: loaded.ok, errors: loaded.errors, warnings: warnings.concat(loaded.warnings), summary: r.summary };
  }
  // A SAM project (a folder's FileList, or a .zip Blob): tools/project_files.js, fetched on first use.
  let projectReader = null;
  function openProject(source) {
    projectReader = projectReader || new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = 'tools/project_files.js';
      s.onload = () => resolve(window.playgroundProject);
      s.onerror = () => { projectReader = null; reject(new Error('could not load tools/project_files.js')); };
      document.head.appendChild(s);
    });
    return projectReader.then((reader) => reader.open(source, importTemplate, notice),
      (e) => notice('Could not open the project', [String(e.message), 'Your current work is unchanged.']));
  }
  const line = (d) => (d.path ? d.path + ': ' : '') + d.message;
  async function exportSamFile(format) {
    try {
      const r = await exportSam(format);
      if (!r.ok) { notice('Could not export a SAM template', [r.error || 'the pattern does not load']); return; }
      download(new Blob([r.text], { type: format === 'json' ? 'application/json' : 'text/yaml' }), r.filename);
      if (r.notes && r.notes.length) notice('SAM template exported, with notes', r.notes);
      else toast('SAM template saved as ' + r.filename);
    } catch (e) { notice('Could not export a SAM template', [String(e && e.message || e)]); }
  }
  // The Open button: JSON with "Resources" and no "nodes", or YAML with a top-level Resources (or
  // template) key, is a template; anything else goes to the pattern loader (and its messages).
  function isTemplateText(text) {
    try {
      const j = JSON.parse(text);
      return !!j && typeof j === 'object' && !Array.isArray(j) && typeof j.Resources === 'object' && !('nodes' in j);
    } catch (e) {
      return /^(Resources|AWSTemplateFormatVersion|Transform)\s*:/m.test(text);
    }
  }
  async function openFileText(text) {
    if (!isTemplateText(text)) return pg._loadFromUi(text);
    try {
      const r = await importTemplate(text, { fromUi: true });
      if (!r.ok && r.errors.length) notice('This template cannot be imported', r.errors.map(line).concat(['Your current work is unchanged.']));
      else if (r.ok) notice('Template imported', r.summary.trim().split('\n').concat(r.warnings.map(line)));
      return r;
    } catch (e) {
      notice('Could not import the template', [String(e && e.message || e), 'Your current work is unchanged.']);
      return { ok: false, errors: [{ severity: 'error', path: '', message: String(e && e.message || e) }], warnings: [] };
    }
  }

  host.command = (name) => {
    if (name === 'share') share();
    else if (name === 'export-png') exportPng().catch((e) => notice('Could not export the picture', [String(e && e.message || e)]));
    else if (name === 'export-sam-yaml') exportSamFile('yaml');
    else if (name === 'export-sam-json') exportSamFile('json');
    else if (name === 'open-folder') host.openFile(true);
    else if (host.onExport) host.onExport(name);
  };
  host.openFileText = openFileText;
  host.openProject = openProject;

  Object.assign(pg, { shareLink, share, openLink, openShippedPattern: openShipped, exportPng, exportText, exportSam, importTemplate, openProject });
  window.playgroundShare = { codec, notice, toast, download, openLink, shareLink };

  // ---- Start: a link in the address bar, or ?pattern= ----
  pg.ready.then(async () => {
    if (host.beforeStart) await host.beforeStart();
    // A link that cannot be opened leaves the address bar: a reload or a copied address must not
    // carry it on.
    const fromAddress = async () => {
      if ((await openLink(location.hash)).ok === false) history.replaceState(null, '', location.pathname + location.search);
    };
    if (location.hash.length > 1) await fromAddress();
    else if (params.has('pattern')) await openShipped(params.get('pattern'));  // may wait for the fetched gallery
    if (host.afterStart) await host.afterStart();
    synced = seen = pg.state().revision;
    if (!host.embed) setInterval(syncAddressBar, 400);
    window.addEventListener('hashchange', () => { if (location.hash.length > 1) fromAddress(); });
    host.shareReady = true;
  });
  // The document revision the address bar holds (or that syncing has settled on, e.g. a design too
  // big for a link): automation waits for it to equal state().revision instead of for a time.
  Object.defineProperty(host, 'addressRevision', { get: () => synced });
})();
