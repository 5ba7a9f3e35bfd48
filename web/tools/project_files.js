// project_files.js — a SAM project opened in the page, as `slsim import` reads one from disk: a
// folder (a file input with webkitdirectory) or a .zip, turned into its template and the text
// files beside it ({path relative to the template's folder: text}). Fetched by share.js only
// when a project is opened, so it is outside the page's download budget.
//   window.playgroundProject.open(source, importTemplate, notice): a FileList or a .zip Blob, imported.
//   window.playgroundProject.fromFileList(fileList) / .fromZip(blob)
//     → Promise<{template: "template.yaml", text, files: {"src/app.mjs": "…"}}>, or rejects with an
//       Error whose message a person can read.
(function () {
  'use strict';
  // What the import reads: templates, definitions, OpenAPI bodies and JavaScript (its own limits apply).
  const READ = /\.(ya?ml|json|js|mjs|cjs|ts|mts|cts|asl|graphql|vtl)$/i;
  const SKIP = /(^|\/)(node_modules|\.aws-sam|\.git|cdk\.out)\//;
  const MAX_FILE = 2 << 20;
  const MAX_TOTAL = 20 << 20;
  const TEMPLATE_NAMES = ['template.yaml', 'template.yml', 'template.json'];

  // The template nearest the top (template.yaml before .yml before .json), and the files under its folder.
  function pick(paths) {
    let best = null;
    for (const p of paths) {
      const name = p.slice(p.lastIndexOf('/') + 1);
      const rank = TEMPLATE_NAMES.indexOf(name);
      if (rank < 0) continue;
      const depth = p.split('/').length;
      if (!best || depth < best.depth || (depth === best.depth && rank < best.rank)) best = { path: p, depth, rank };
    }
    if (!best) throw new Error('no template.yaml, template.yml or template.json in it: a SAM project has one at its top');
    return best.path;
  }

  function project(texts) {
    const template = pick(Object.keys(texts));
    const dir = template.slice(0, template.lastIndexOf('/') + 1);
    const files = {};
    for (const [p, t] of Object.entries(texts)) if (p !== template && p.startsWith(dir)) files[p.slice(dir.length)] = t;
    return { template: template.slice(dir.length), text: texts[template], files };
  }

  function wanted(path, size, total) {
    if (SKIP.test(path) || !READ.test(path)) return false;
    if (size > MAX_FILE) return false;
    if (total + size > MAX_TOTAL) throw new Error('the project holds more than 20 MB of text files; open its template folder instead');
    return true;
  }

  async function fromFileList(list) {
    const texts = {};
    let total = 0;
    for (const f of Array.from(list)) {
      const path = (f.webkitRelativePath || f.name).replace(/\\/g, '/');
      if (!wanted(path, f.size, total)) continue;
      total += f.size;
      texts[path] = await f.text();
    }
    return project(texts);
  }

  // ZIP (PKWARE APPNOTE): the end-of-central-directory record, then each central entry's local
  // header; stored (0) and deflated (8) entries, the methods zip tools write.
  async function fromZip(blob) {
    const buf = new Uint8Array(await blob.arrayBuffer());
    const view = new DataView(buf.buffer);
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--)
      if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) throw new Error('it is not a zip file (no end of central directory)');
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    const decoder = new TextDecoder();
    const texts = {};
    let total = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > buf.length || view.getUint32(at, true) !== 0x02014b50) throw new Error('the zip file is damaged');
      const method = view.getUint16(at + 10, true);
      const packed = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      const nameLen = view.getUint16(at + 28, true);
      const extraLen = view.getUint16(at + 30, true);
      const commentLen = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const path = decoder.decode(buf.subarray(at + 46, at + 46 + nameLen)).replace(/\\/g, '/');
      at += 46 + nameLen + extraLen + commentLen;
      if (path.endsWith('/') || !wanted(path, size, total)) continue;
      if (local + 30 > buf.length) throw new Error('the zip file is damaged');
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = buf.subarray(start, start + packed);
      let bytes;
      if (method === 0) bytes = data;
      else if (method === 8) bytes = new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer());
      else continue;  // another compression method: left out
      total += bytes.length;
      texts[path] = decoder.decode(bytes);
    }
    return project(texts);
  }

  const line = (d) => (d.path ? d.path + ': ' : '') + d.message;
  // Imports the project (share.js's importTemplate) and says how it went (share.js's notice).
  async function open(source, importTemplate, notice) {
    try {
      const p = await (source instanceof Blob ? fromZip(source) : fromFileList(source));
      const r = await importTemplate(p.text, { fromUi: true, files: p.files });
      if (!r.ok) notice('This project cannot be imported', r.errors.map(line).concat(['Your current work is unchanged.']));
      else notice('Project imported: ' + p.template, r.summary.trim().split('\n'), null, true);
      return r;
    } catch (e) {
      notice('Could not open the project', [String(e && e.message || e), 'Your current work is unchanged.']);
      return { ok: false, errors: [{ severity: 'error', path: '', message: String(e && e.message || e) }], warnings: [] };
    }
  }

  window.playgroundProject = { fromFileList, fromZip, open };
})();
