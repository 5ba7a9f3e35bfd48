// files.test.mjs — Save downloads the pattern (Ctrl+S); Open (Ctrl+O) loads a file through the
// browser's file picker, and a broken file is refused with the document left as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openPlayground, settle, click, press, twoNodePattern, assert, assertEq, saveArtifact } from './lib/harness.mjs';

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
        assertEq(p.nodes.map((n) => n.type).sort(), ['cloudformation', 'lambda', 'sqs'], 'template nodes');
        assertEq(p.edges.length, 1, 'the SQS event became an edge');
        const note = await page.evaluate(() => (document.getElementById('pg-notice') || {}).textContent || '');
        assert(/AWS::ECR::Repository/.test(note), 'a note names the resource kept for export: ' + note.slice(0, 200));
        saveArtifact('open-template.png', await page.screenshot());
        assertEq(page.problems, [], 'console errors');
      } finally { await b.close(); fs.rmSync(dir, { recursive: true, force: true }); }
    },
  },
];
