// loader.js — starts the wasm module: checks WebAssembly and WebGL2 first, streams playground.wasm
// while showing real progress (bytes received of the known size), compiles it while downloading,
// and provides the browser services the C++ side calls (window.playgroundHost): file picker,
// download, localStorage autosave, clipboard, and the "ready" signal.
'use strict';
(function () {
  const AUTOSAVE_KEY = 'serverless-playground.autosave.v1';
  const params = new URLSearchParams(location.search);
  const $ = (id) => document.getElementById(id);
  const fill = $('loader-fill'), text = $('loader-text');
  let failed = false;

  function fatal(message) {
    if (failed) return;
    failed = true;
    $('loader').hidden = true;
    $('fatal-text').textContent = message;
    $('fatal').hidden = false;
    if (window.playgroundHost) window.playgroundHost.onFail(new Error(message));
  }
  function progress(fraction, label) {
    fill.style.width = Math.round(Math.max(0, Math.min(1, fraction)) * 100) + '%';
    text.textContent = label;
  }
  const mb = (n) => (n / 1048576).toFixed(1) + ' MB';

  const host = window.playgroundHost = {
    clipboard: '',
    readyAt: 0,
    // Embedded (embed.html → index.html?embed=1): never touches localStorage (web/EMBED.md).
    embed: params.has('embed'),
    onReady() {
      host.readyAt = performance.now();
      progress(1, 'Ready');
      $('loader').classList.add('done');
      setTimeout(() => { $('loader').hidden = true; }, 300);
      $('canvas').focus();
      if (host.resolveReady) host.resolveReady();
    },
    onFail(err) { if (host.rejectReady) host.rejectReady(err); },
    // folder: pick a SAM project's folder (its template and the code beside it) instead of a file.
    openFile(folder) {
      // Attached (but hidden) input: Safari and automation tools need it in the document.
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,.yaml,.yml,.template,.zip,application/json';
      input.webkitdirectory = !!folder;
      input.style.display = 'none';
      input.onchange = () => {
        const file = input.files && input.files[0];
        const files = input.files;
        input.remove();
        if (!file) return;
        // share.js tells a SAM/CloudFormation template from a pattern (templates go through tools/);
        // a folder or a .zip is a project.
        (folder || /\.zip$/i.test(file.name) ? host.openProject(folder ? files : file)
          : file.text().then((t) => (host.openFileText ? host.openFileText(t) : window.playground._loadFromUi(t))))
          .finally(() => { host.filesOpened = (host.filesOpened || 0) + 1; });  // automation waits for this
      };
      input.addEventListener('cancel', () => input.remove());
      document.body.appendChild(input);
      input.click();
    },
    autosave(t) {
      if (host.embed) return;
      try { localStorage.setItem(AUTOSAVE_KEY, t); } catch (e) { /* private mode or quota: keep going */ }
    },
    loadAutosave() {
      if (params.has('fresh') || host.embed) return null;
      try { return localStorage.getItem(AUTOSAVE_KEY); } catch (e) { return null; }
    },
  };

  // ---- Can this browser run it? ----
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fatal('This browser does not support WebAssembly. Please use a current version of Chrome, Edge, Firefox or Safari.');
    return;
  }
  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    fatal('WebGL 2 is not available, so the canvas cannot be drawn.\n\n' +
          'Enable hardware acceleration in your browser settings, or try another browser.');
    return;
  }

  // Which keys' browser actions the editor stops (save page, select all, back, ...) is decided with
  // the keys, in playground/platform/keyboard_input.cpp. Ctrl+V is not one of them: this listener
  // hands the pasted text to ImGui's next paste.
  document.addEventListener('paste', (e) => {
    host.clipboard = (e.clipboardData && e.clipboardData.getData('text/plain')) || host.clipboard;
  });
  document.addEventListener('copy', (e) => {
    if (host.clipboard && e.clipboardData) { e.clipboardData.setData('text/plain', host.clipboard); e.preventDefault(); }
  });
  $('canvas').addEventListener('contextmenu', (e) => e.preventDefault());

  // ---- Download + compile with real progress ----
  const expected = window.PLAYGROUND_WASM_BYTES || 0;
  async function instantiate(imports, done) {
    try {
      const response = await fetch('playground.wasm', { credentials: 'same-origin' });
      if (!response.ok) throw new Error('playground.wasm: HTTP ' + response.status);
      const total = expected || Number(response.headers.get('Content-Length')) || 0;
      let received = 0;
      const [forCompile, forCount] = response.body.tee();
      const counting = (async () => {
        const reader = forCount.getReader();
        for (;;) {
          const { done: end, value } = await reader.read();
          if (end) break;
          received += value.length;
          progress(total ? 0.9 * received / total : 0.5, 'Downloading ' + mb(received) + (total ? ' of ' + mb(total) : ''));
        }
        progress(0.92, 'Compiling…');
      })();
      const compiled = WebAssembly.instantiateStreaming(
        new Response(forCompile, { headers: { 'Content-Type': 'application/wasm' } }), imports);
      const [result] = await Promise.all([compiled, counting]);
      progress(0.96, 'Starting…');
      done(result.instance, result.module);
    } catch (err) {
      fatal('Could not load the playground: ' + (err && err.message ? err.message : err));
    }
    return {};
  }

  window.Module = {
    canvas: $('canvas'),
    instantiateWasm: (imports, done) => { instantiate(imports, done); return {}; },
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    // Runs right after each frame is drawn (the WebGL buffer is still readable): PNG export.
    postMainLoop: () => {
      const q = host.afterFrameQueue;
      if (!q || !q.length) return;
      host.afterFrameQueue = [];
      q.forEach((f) => f());
    },
    onAbort: (what) => { console.error('playground aborted:', what); fatal('The playground stopped unexpectedly: ' + what); },
  };
  progress(0, 'Downloading…');
  const script = document.createElement('script');
  script.src = 'playground.js';
  script.async = true;
  script.onerror = () => fatal('Could not load playground.js (network error).');
  document.body.appendChild(script);
})();
