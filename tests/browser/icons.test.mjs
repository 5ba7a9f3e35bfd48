// icons.test.mjs — every service has a recognisable icon, in the palette and on its node: a
// rounded square in the service group's colour with a white glyph (playground/service_icons.cpp).
// The checks read the screenshot's pixels where layout() puts a palette item or a node: the
// group colour and white both cover a fair share of the icon, and no two services' glyphs in the
// palette are the same picture. Screenshots of the palette, the phone's "+ Add service" list and
// a pattern are saved (dark and light) for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPlayground, settle, stable, layoutItem, repo, assert, assertEq, saveArtifact } from './lib/harness.mjs';
import { decodePng, pixel } from './lib/png.mjs';

const mid = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];

// The registry groups' colours (Theme::group_colour), the same in both themes.
const GROUP_COLOURS = {
  compute: [0xED, 0x71, 0x00], api: [0x8C, 0x4F, 0xFF], messaging: [0xE7, 0x15, 0x7B], data: [0x2E, 0x86, 0xDE],
  orchestration: [0xC9, 0x25, 0xD1], edge: [0x01, 0xA8, 0x8D], sources: [0x7D, 0x89, 0x98], other: [0x8B, 0x94, 0x9E],
};
const near = (a, b, d) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) <= d;

// What an icon's square ([x0, y0, size] in screenshot pixels) holds, 2 px in from its rounded
// edges: the share of pixels in a group's colour (the best-covered group), the share of white, and
// the glyph as a string of 0/1 (white or not).
function iconPixels(img, [x0, y0, size]) {
  const a = Math.round(x0) + 2, b = Math.round(y0) + 2, n = Math.round(size) - 4;
  const counts = {};
  let white = 0, mask = '';
  for (let y = b; y < b + n; y++)
    for (let x = a; x < a + n; x++) {
      const p = pixel(img, x, y);
      const w = Math.min(...p) >= 200;
      white += w;
      mask += w ? '1' : '0';
      for (const [g, c] of Object.entries(GROUP_COLOURS)) if (near(p, c, 45)) counts[g] = (counts[g] || 0) + 1;
    }
  const [group, coloured] = Object.entries(counts).sort((x, y) => y[1] - x[1])[0] || ['none', 0];
  return { group, ground: coloured / (n * n), white: white / (n * n), mask, n };
}

function assertIcon(where, px) {
  assert(px.ground >= 0.15, `${where}: the group colour covers ${(px.ground * 100).toFixed(0)}% of the icon (≥ 15%)`);
  assert(px.white >= 0.04 && px.white <= 0.6,
    `${where}: the white glyph covers ${(px.white * 100).toFixed(0)}% of the icon (4–60%)`);
}

// A palette item's rect once it is between the canvas's top and bottom (the palette scrolls
// with the mouse wheel), as newcomer.test.mjs does.
async function paletteItem(page, type) {
  for (let tries = 0; tries < 20; tries++) {
    const l = await stable(page, 'layout');
    const r = l.palette[type], c = l.canvas;
    assert(r, `the palette lists ${type}`);
    if (r[1] >= c[1] && r[3] <= c[3]) {
      await page.mouse.move(r[2] - 4, c[3] + 40);  // away: no hover highlight or tooltip near the icons
      await settle(page);
      return (await stable(page, 'layout')).palette[type];
    }
    await page.mouse.move((r[0] + r[2]) / 2, (c[1] + c[3]) / 2);
    await page.mouse.wheel(0, r[3] > c[3] ? 100 : -100);
    await settle(page);
  }
  throw new Error(`the palette never showed ${type}`);
}

// A palette row's icon: 19 CSS px, 2 px in from the row's left, centred on the row.
const paletteIcon = (r) => [r[0] + 2, (r[1] + r[3]) / 2 - 9.5, 19];
// A node's icon: 28 canvas units, 11 in and 9 down from the node's corner.
const nodeIcon = (rect, zoom) => [rect[0] + 11 * zoom, rect[1] + 9 * zoom, 28 * zoom];

// One node of every type the palette lists, a kept CloudFormation resource and a type no service
// has (the generic icon), in rows of six.
function everyTypePattern(types) {
  const nodes = types.map((t) => ({ id: `${t}-node`, type: t, config: {} }));
  nodes.push({ id: 'kept-role', type: 'cloudformation', config: { Type: 'AWS::IAM::Role' } });
  nodes.push({ id: 'mystery', type: 'no-such-service', config: {} });
  return {
    format: 'serverless-playground/1', name: 'Every icon', seed: 1, nodes, edges: [], traffic: [],
    layout: { nodes: Object.fromEntries(nodes.map((n, i) => [n.id, { x: (i % 6) * 190, y: Math.floor(i / 6) * 130 }])) },
  };
}

export const tests = [
  {
    name: 'every palette entry shows its own icon: a group-coloured square with a white glyph, dark and light',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const types = Object.keys((await stable(page, 'layout')).palette);
        assert(types.length >= 20, `the palette lists the registry's services: ${types}`);
        for (const theme of ['dark', 'light']) {
          await page.evaluate((t) => window.playground.setTheme(t), theme);
          await settle(page, { frames: 2 });
          const masks = new Map();
          for (const t of types) {
            const r = await paletteItem(page, t);
            const img = decodePng(await page.screenshot());
            const px = iconPixels(img, paletteIcon(r));
            assertIcon(`${theme} palette ${t}`, px);
            masks.set(t, px.mask);
          }
          // Every glyph is its own picture: two services' glyphs differ in more than a few pixels.
          for (const [t, m] of masks)
            for (const [u, k] of masks) {
              if (t >= u) continue;
              let diff = 0;
              for (let i = 0; i < m.length; i++) diff += m[i] !== k[i];
              assert(diff >= 12, `${theme}: the icons of ${t} and ${u} differ in only ${diff} pixels`);
            }
          // The top of the palette, for a person to look at.
          await paletteItem(page, types[0]);
          saveArtifact(`icons-palette-${theme}.png`, await page.screenshot({ clip: { x: 0, y: 0, width: 420, height: 800 } }));
        }
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'every node shows its icon at its top left, a generic one for an unknown type',
    async run({ url }) {
      const b = await launch({ width: 1280, height: 800 });
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const types = Object.keys((await stable(page, 'layout')).palette);
        const p = everyTypePattern(types);
        const r = await page.evaluate((x) => window.playground.loadPattern(x), p);
        assert(r.ok, `the pattern loads: ${JSON.stringify(r.errors.slice(0, 3))}`);
        await page.evaluate(() => window.playground.fit());
        for (const theme of ['dark', 'light']) {
          await page.evaluate((t) => window.playground.setTheme(t), theme);
          const l = await stable(page, 'layout');
          assert(l.zoom * 28 >= 12.5, `zoom ${l.zoom} leaves the icons at least 12.5 px`);
          const img = decodePng(await page.screenshot());
          for (const n of p.nodes) {
            const node = l.nodes[n.id];
            assert(node, `${n.id} is laid out`);
            assertIcon(`${theme} node ${n.id}`, iconPixels(img, nodeIcon(node.rect, l.zoom)));
            assert(node.title && (node.title.text === n.id || n.id.startsWith(node.title.text.slice(0, -1))),
              `${n.id}'s title beside the icon: ${JSON.stringify(node.title)}`);
          }
          saveArtifact(`icons-every-node-${theme}.png`, await page.screenshot());
        }
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'rest-api at 1280×800 and a small design on a phone: icons on the nodes and in the Add service list',
    async run({ url }) {
      const restApi = fs.readFileSync(path.join(repo, 'patterns', 'rest-api.json'), 'utf8');
      // On a phone Fit zooms rest-api out to the simplified rendering, where each node keeps a
      // smaller icon; four nodes in a column fit at a size where the full node shows.
      const column = {
        format: 'serverless-playground/1', name: 'Column', seed: 1,
        nodes: [{ id: 'web', type: 'client', config: {} }, { id: 'api', type: 'apigateway', config: {} },
          { id: 'fn', type: 'lambda', config: {} }, { id: 'table', type: 'dynamodb', config: {} }],
        edges: [{ from: 'web', to: 'api' }, { from: 'api', to: 'fn' }, { from: 'fn', to: 'table' }], traffic: [],
        layout: { nodes: { web: { x: 0, y: 0 }, api: { x: 60, y: 110 }, fn: { x: 0, y: 220 }, table: { x: 60, y: 330 } } },
      };
      for (const [size, design, name] of [[{ width: 1280, height: 800 }, restApi, 'rest-api-1280'],
        [{ width: 390, height: 844, touch: true }, column, 'phone-nodes'],
        [{ width: 390, height: 844, touch: true }, restApi, 'rest-api-390']]) {
        const b = await launch(size);
        try {
          const page = await openPlayground(b.context, url, '?fresh');
          assert((await page.evaluate((d) => window.playground.loadPattern(d), design)).ok, `${name} loads`);
          await page.evaluate(() => window.playground.fit());
          const l = await stable(page, 'layout');
          const img = decodePng(await page.screenshot());
          for (const [id, n] of Object.entries(l.nodes)) {
            if (l.zoom * 28 >= 12.5) {
              assertIcon(`${name} ${id}`, iconPixels(img, nodeIcon(n.rect, l.zoom)));
              continue;
            }
            // Zoomed out past that (the simplified rendering), the icon stays 12 px, at the node's
            // left beside what fits of its title.
            assert(n.icon && n.icon[2] >= 12, `${name} ${id}: an icon of at least 12 px at zoom ${l.zoom}: ${JSON.stringify(n.icon)}`);
            assert(n.icon[0] >= n.rect[0] && n.icon[0] + n.icon[2] <= (n.rect[0] + n.rect[2]) / 2 &&
              n.icon[1] >= n.rect[1] && n.icon[1] + n.icon[2] <= n.rect[3], `${name} ${id}: the icon in the node's left half`);
            assertIcon(`${name} ${id}`, iconPixels(img, n.icon));
            assert(n.title && n.title.px >= 11, `${name} ${id}: a title beside it, at 11 px or more`);
          }
          saveArtifact(`icons-${name}.png`, await page.screenshot());
          if (size.touch) {
            // The phone's palette is the "+ Add service" popup: its visible entries have icons too.
            const at = mid(await layoutItem(page, 'add-service'));
            await page.touchscreen.tap(at[0], at[1]);
            await settle(page);
            const list = await layoutItem(page, 'add-service.list');
            const pl = await stable(page, 'layout');
            const pimg = decodePng(await page.screenshot());
            let listed = 0;
            for (const [t, r] of Object.entries(pl.palette)) {
              if (r[1] < list[1] || r[3] > list[3]) continue;
              assertIcon(`phone list ${t}`, iconPixels(pimg, paletteIcon(r)));
              ++listed;
            }
            assert(listed >= 5, `the popup shows some services with icons (${listed})`);
            saveArtifact('icons-phone-add-service.png', await page.screenshot());
            await page.evaluate(() => window.playground.setTheme('light'));
            await settle(page, { frames: 2 });
            saveArtifact('icons-phone-add-service-light.png', await page.screenshot());
          }
          assertEq(page.problems, [], 'console errors');
        } finally { await b.close(); }
      }
    },
  },
];
