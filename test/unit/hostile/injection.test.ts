import * as assert from 'node:assert/strict';
import { commandLinkArguments, parseDiagramState } from '../../../src/vscode/diagramMessages';
import { scanText } from './run';

const HTML = '<img src=x onerror=alert(1)>';
const COMMAND_LINK = '[x](command:workbench.action.terminal.new)';
/** A logical ID that closes a code span, injects HTML, starts a heading, retitles and clears a terminal, flips text. */
const EVIL_ID = `Evil|\`\`${HTML}\`\`\n# heading\u001b]0;pwned\u0007\u001b[2J\u202eReversed`;
const EVIL_TYPE = `AWS::S3::Bucket\`\`${HTML}\`\` ${COMMAND_LINK}`;
const EVIL_PATH = 'dir with space/te`mp``late\n<b>#?.yaml';
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileTemplate(): string {
  return `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  ${JSON.stringify(EVIL_ID)}:\n    Type: ${JSON.stringify(EVIL_TYPE)}\n  ${JSON.stringify(`${EVIL_ID}2`)}:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: "a\`\`b", Value: "${HTML}"}]\n`;
}

/**
 * Markdown outside its code spans, as CommonMark reads them: a run of n backticks opens a span that the next run of
 * exactly n closes; a backslash escapes the character after it.
 */
function outsideCodeSpans(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    if (markdown[i] === '\\') {
      out += markdown.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (markdown[i] !== '`') {
      out += markdown[i];
      i++;
      continue;
    }
    let run = 0;
    while (markdown[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = markdown.indexOf(fence, i + run);
    while (close >= 0 && (markdown[close + run] === '`' || markdown[close - 1] === '`')) close = markdown.indexOf(fence, close + 1);
    if (close < 0) {
      out += fence;
      i += run;
    } else {
      out += ' ';
      i = close + run;
    }
  }
  return out;
}

describe('hostile input: every output format neutralises template text', () => {
  const { outputs } = scanText(hostileTemplate(), EVIL_PATH);

  it('text: control characters and line breaks are shown as escapes, one line per resource', () => {
    assert.doesNotMatch(outputs.text, CONTROLS);
    const evil = outputs.text.split('\n').filter((line) => line.includes('Evil'));
    assert.ok(evil.some((line) => line.includes('\\x1b]0;pwned\\x07\\x1b[2J\\u202eReversed') && line.includes('AWS::S3::Bucket``')));
    assert.ok(!outputs.text.split('\n').some((line) => line.startsWith('# heading')));
  });

  it('markdown: no HTML, no links and no headings escape from code spans or lines', () => {
    assert.doesNotMatch(outputs.markdown, CONTROLS);
    const prose = outsideCodeSpans(outputs.markdown);
    assert.doesNotMatch(prose, /(?<!\\)</, 'every < outside a code span is escaped');
    assert.doesNotMatch(prose, /\]\(command:/, 'no command link');
    const headings = outputs.markdown.split('\n').filter((line) => /^#{1,6}\s/.test(line));
    assert.ok(headings.every((line) => /^(# Shared responsibility report|## .* \(CloudFormation YAML\)|### .* · .*)$/.test(line)), headings.join('\n'));
    assert.equal(headings.filter((line) => line.startsWith('### ')).length, 2);
    // Table rows keep the header's cells: pipes in template text are escaped.
    const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
    const header = outputs.markdown.split('\n').find((line) => line.startsWith('| Resource |'))!;
    const rows = outputs.markdown.split('\n').filter((line) => line.startsWith('| Evil'));
    assert.equal(rows.length, 2);
    for (const row of rows) assert.equal(cells(row), cells(header), row);
  });

  it('JSON and SARIF: template text is carried as written, and SARIF URIs are percent-encoded', () => {
    const json = JSON.parse(outputs.json);
    assert.deepEqual(json.files[0].resources.map((r: { id: string }) => r.id), [EVIL_ID, `${EVIL_ID}2`]);
    const sarif = JSON.parse(outputs.sarif);
    const uris = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0);
    for (const uri of uris) {
      assert.equal(uri, 'dir%20with%20space/te%60mp%60%60late%0A%3Cb%3E%23%3F.yaml');
      assert.equal(decodeURIComponent(uri), EVIL_PATH);
    }
    assert.doesNotMatch(outputs.sarif, CONTROLS);
  });

  it('the hover’s Show-in-diagram link keeps its arguments whatever the ID holds', () => {
    const args = [{ uri: 'file:///w/t.yaml', resource: 'Evil) [x](command:workbench.action.terminal.new "t") (' }];
    const query = commandLinkArguments(args);
    assert.doesNotMatch(query, /[()\s"'[\]]/);
    assert.deepEqual(JSON.parse(decodeURIComponent(query)), args);
  });

  it('a restored diagram accepts document URIs only', () => {
    for (const uri of ['file:///w/t.yaml', 'untitled:Untitled-1', 'vscode-remote://ssh/w/t.yaml', 'vscode-vfs://github/o/r/t.yaml']) {
      assert.equal(parseDiagramState({ uri }).uri, uri);
    }
    for (const uri of ['command:workbench.action.terminal.new', 'https://example.com/t.yaml', 'javascript:alert(1)', 'vscode://ext/x', 'no scheme']) {
      assert.equal(parseDiagramState({ uri }).uri, undefined, uri);
    }
  });
});
