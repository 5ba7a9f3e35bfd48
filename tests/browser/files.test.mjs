// files.test.mjs — Save downloads the pattern (Ctrl+S); Open (Ctrl+O) loads a file through the
// browser's file picker, and a broken file is refused with the document left as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openPlayground, frames, twoNodePattern, assert, assertEq, saveArtifact } from './lib/harness.mjs';

export const tests = [
  {
    name: 'Ctrl+S downloads the document as JSON',
    async run({ url }) {
      const b = await launch();
      try {
        const page = await openPlayground(b.context, url, '?fresh');
        await page.locator('#canvas').click({ position: { x: 600, y: 150 } });
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
        page.on('filechooser', (c) => choosers.push(c));
        const nextChooser = async () => {
          const n = choosers.length;
          await page.keyboard.press('Control+o');
          for (let i = 0; i < 100 && choosers.length === n; i++) await page.waitForTimeout(50);
          assert(choosers.length > n, 'Ctrl+O opened the file picker');
          return choosers[choosers.length - 1];
        };
        await page.locator('#canvas').click({ position: { x: 600, y: 150 } });
        let chooser = await nextChooser();
        await chooser.setFiles(bad);
        await page.waitForTimeout(300);
        await frames(page, 3);
        let s = await page.evaluate(() => window.playground.state());
        assertEq([s.name, s.nodeCount], ['REST API', 5], 'document untouched after a broken file');
        saveArtifact('open-error.png', await page.screenshot());
        await page.keyboard.press('Escape');  // closes the "could not open" message
        await frames(page, 3);
        chooser = await nextChooser();
        await chooser.setFiles(good);
        await page.waitForTimeout(300);
        await frames(page, 3);
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
        await page.keyboard.press('Escape');
        chooser = await nextChooser();
        await chooser.setFiles(tmpl);
        for (let i = 0; i < 100 && (await page.evaluate(() => window.playground.state().nodeCount)) !== 3; i++) await page.waitForTimeout(100);
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
