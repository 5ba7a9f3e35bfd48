// files.test.mjs — Save downloads the pattern (Ctrl+S); Open (Ctrl+O) loads a file through the
// browser's file picker, and a broken file is refused with the document left as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openPlayground, settle, click, press, twoNodePattern, assert, assertEq, saveArtifact, layoutItem, until } from './lib/harness.mjs';

const mid = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];

export const tests = [
  {
    name: 'Ctrl+S downloads the document as JSON',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await click(page, 600, 150);
        const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
        const file = await download.path();
        const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
        const current = await page.evaluate(() => window.playground.getPattern());
        assertEq(saved, current, 'downloaded pattern');
        assertEq(download.suggestedFilename(), 'REST API.json', 'file name');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); }
    },
  },
  {
    name: 'Ctrl+O opens a file; a broken file leaves the document untouched',
    async run({ url }) {
      const b = await launch();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-files-'));
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        const bad = path.join(dir, 'bad.json'), good = path.join(dir, 'good.json');
        fs.writeFileSync(bad, '{"nodes": [ {"id": "x", "type": "lambda"} ');
        fs.writeFileSync(good, JSON.stringify(twoNodePattern()));
        // A persistent listener (waitForEvent raced the app's next frame and missed the chooser).
        const choosers = [];
        let chooserArrived = () => {};
        page.on('filechooser', (c) => { choosers.push(c); chooserArrived(); });
        const nextChooser = async () => {
          const n = choosers.length;
          const arrived = new Promise((resolve) => { chooserArrived = resolve; });
          await press(page, 'Control+o');
          if (choosers.length === n)
            await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 30000))]);
          assert(choosers.length > n, 'Ctrl+O opened the file picker');
          return choosers[choosers.length - 1];
        };
        // Sets the chosen file and waits until the page has handed its text to the app.
        const open = async (chooser, file) => {
          const n = await page.evaluate(() => window.playgroundHost.filesOpened || 0);
          await chooser.setFiles(file);
          await page.waitForFunction((k) => (window.playgroundHost.filesOpened || 0) > k, n, { timeout: 30000 });
          await settle(page);
        };
        await click(page, 600, 150);
        let chooser = await nextChooser();
        await open(chooser, bad);
        let s = await page.evaluate(() => window.playground.state());
        assertEq([s.name, s.nodeCount], ['REST API', 5], 'document untouched after a broken file');
        saveArtifact('open-error.png', await page.screenshot());
        await press(page, 'Escape');  // closes the "could not open" message
        chooser = await nextChooser();
        await open(chooser, good);
        s = await page.evaluate(() => window.playground.state());
        assertEq([s.name, s.nodeCount], ['Two nodes', 2], 'opened file');
        assert(s.canUndo, 'opening is undoable');
        // A SAM/CloudFormation YAML template opens through the on-demand importer; its unknown
        // resource becomes a cloudformation node and a note says so.
        const tmpl = path.join(dir, 'template.yaml');
        fs.writeFileSync(tmpl, [
          "AWSTemplateFormatVersion: '2010-09-09'",
          'Transform: AWS::Serverless-2016-10-31',
          'Resources:',
          '  Jobs:',
          '    Type: AWS::SQS::Queue',
          '    Properties: {VisibilityTimeout: 60}',
          '  Worker:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Runtime: nodejs20.x',
          '      Handler: index.handler',
          '      Timeout: 10',
          '      Events:',
          '        Q:',
          '          Type: SQS',
          '          Properties:',
          '            Queue: !GetAtt Jobs.Arn   # short-form tag',
          '            BatchSize: 5',
          '  Repo:',
          '    Type: AWS::ECR::Repository',
          '    Properties:',
          '      RepositoryName: images',
          ''].join('\n'));
        await press(page, 'Escape');
        chooser = await nextChooser();
        await open(chooser, tmpl);
        const p = await page.evaluate(() => window.playground.getPattern());
        // The queue is an entry nothing in the template feeds: the import adds a client sending to it.
        assertEq(p.nodes.map((n) => n.type).sort(), ['client', 'cloudformation', 'lambda', 'sqs'], 'template nodes');
        assertEq(p.edges.map((e) => `${e.from}>${e.to}`).sort(), ['Jobs>Worker', 'JobsClient>Jobs'], 'the SQS event and the entry client');
        const note = await page.evaluate(() => (document.getElementById('pg-notice') || {}).textContent || '');
        assert(/AWS::ECR::Repository/.test(note), 'a note names the resource kept for export: ' + note.slice(0, 200));
        saveArtifact('open-template.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); fs.rmSync(dir, { recursive: true, force: true }); }
    },
  },
  {
    name: 'A SAM project folder opens with the code beside its template; its TypeScript handler runs; Problems lists the import',
    async run({ url }) {
      const b = await launch();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-project-'));
      try {
        // A project as `sam init` lays one out: template.yaml at the top, the handler under CodeUri.
        const root = path.join(dir, 'orders-app');
        fs.mkdirSync(path.join(root, 'src', 'node_modules', 'left-out'), { recursive: true });
        fs.writeFileSync(path.join(root, 'template.yaml'), [
          'Transform: AWS::Serverless-2016-10-31',
          'Globals:',
          '  Function: {Runtime: nodejs22.x, Timeout: 10}',
          'Resources:',
          '  Orders:',
          '    Type: AWS::Serverless::SimpleTable',
          '  PutOrder:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Handler: app.handler',
          '      CodeUri: src/',
          '      Environment: {Variables: {TABLE: !Ref Orders}}',
          '      Policies: [{DynamoDBCrudPolicy: {TableName: !Ref Orders}}]',
          '      Events:',
          '        Post: {Type: Api, Properties: {Path: /orders, Method: post}}',
          ''].join('\n'));
        // In TypeScript, as `sam init`'s esbuild templates write it: types erased, './order.js' is order.ts.
        fs.writeFileSync(path.join(root, 'src', 'app.ts'), [
          "import { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';",
          "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
          "import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';",
          "import { orderFrom, Order } from './order.js';",
          'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
          'export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {',
          '  const order: Order = orderFrom(event);',
          '  await doc.send(new PutCommand({ TableName: process.env.TABLE!, Item: order }));',
          '  return { statusCode: 201, body: JSON.stringify(order) };',
          '};'].join('\n'));
        fs.writeFileSync(path.join(root, 'src', 'order.ts'), [
          'export interface Order { id: string; [key: string]: unknown }',
          "export const orderFrom = (event: { requestContext: { requestId: string }; body: string | null }): Order =>",
          "  ({ id: `order-${event.requestContext.requestId}`, ...JSON.parse(event.body || '{}') });", ''].join('\n'));
        fs.writeFileSync(path.join(root, 'src', 'types.d.ts'), 'declare const unused: number;\n');
        fs.writeFileSync(path.join(root, 'src', 'node_modules', 'left-out', 'index.js'), 'throw new Error("not read")');

        const page = await openPlayground(b.context, url, '?fresh');
        const choosers = [];
        page.on('filechooser', (c) => choosers.push(c));
        const open = mid(await layoutItem(page, 'toolbar.open'));
        await page.mouse.click(open[0], open[1]);
        await settle(page);
        const folder = mid(await layoutItem(page, 'open.folder'));
        await page.mouse.click(folder[0], folder[1]);
        for (let i = 0; i < 300 && !choosers.length; ++i) await new Promise((r) => setTimeout(r, 100));  // the picker is asynchronous
        assert(choosers.length === 1, 'the folder picker opened');
        const n = await page.evaluate(() => window.playgroundHost.filesOpened || 0);
        await choosers[0].setFiles(root);
        await page.waitForFunction((k) => (window.playgroundHost.filesOpened || 0) > k, n, { timeout: 60000 });
        await settle(page);
        const p = await page.evaluate(() => window.playground.getPattern());
        const fn = p.nodes.find((x) => x.id === 'PutOrder');
        assert(fn, 'the function imported: ' + p.nodes.map((x) => x.id));
        assertEq(Object.keys(fn.config.CodeFiles || {}).sort(), ['app.ts', 'order.ts'], 'the code beside the template, node_modules and .d.ts left out');
        assert(p.import && p.import.entries && p.import.entries.length === 1, 'the summary names the entry client: ' + JSON.stringify(p.import));
        const note = await page.evaluate(() => (document.getElementById('pg-notice') || {}).textContent || '');
        assert(/Project imported: template\.yaml/.test(note) && /1 request\/s/.test(note), 'the notice gives the summary: ' + note.slice(0, 300));
        assert(await page.evaluate(() => document.getElementById('pg-notice').classList.contains('pg-ok')),
          'a successful import is reported as a success, not in the error style');
        saveArtifact('open-project.png', await page.screenshot());
        await press(page, 'Escape');

        // Run: the API's client posts orders; the handler (its own module included) writes them.
        await until(page, () => window.playground.state().codeRuntime === 'ready', 'the code runtime loads');
        await page.evaluate(() => window.playground.runFor(20));
        const m = await page.evaluate(() => window.playground.metrics());
        assert(m.nodes.PutOrder.invocations >= 10, 'the handler ran: ' + JSON.stringify(m.nodes.PutOrder));
        assertEq(m.nodes.PutOrder.errors, 0, 'handler errors');
        assert(m.nodes.Orders.messages_in >= 10, 'the table got the writes: ' + JSON.stringify(m.nodes.Orders));
        // Problems lists what the import did.
        await page.evaluate(() => window.playground.showPanel('problems'));
        await layoutItem(page, 'problems.import.entries.0');
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); fs.rmSync(dir, { recursive: true, force: true }); }
    },
  },
];
