import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText } from '../../../src/core/syntax/encoding';
import { cli } from './run';

const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bücket:\n    Type: AWS::S3::Bucket\n';

function utf16(text: string, littleEndian: boolean, bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const bytes = littleEndian ? le : Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]!));
  const mark = littleEndian ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}

describe('hostile input: encodings are decoded, never skipped silently', () => {
  it('decodes UTF-16 LE and BE, with a BOM or without, and UTF-8 with a BOM, dropping the BOM as the editor does', () => {
    for (const littleEndian of [true, false]) {
      for (const bom of [true, false]) assert.equal(decodeText(utf16(TEMPLATE, littleEndian, bom)), TEMPLATE, `LE ${littleEndian} BOM ${bom}`);
    }
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEMPLATE)])), TEMPLATE);
    assert.equal(decodeText(Buffer.from(TEMPLATE)), TEMPLATE);
  });

  it('the CLI scans a UTF-16 template with its positions as in the editor', () => {
    const dir = mkdtempSync(join(tmpdir(), 'srm-utf16-'));
    writeFileSync(join(dir, 'le.yaml'), utf16(TEMPLATE, true, true));
    writeFileSync(join(dir, 'be.yaml'), utf16(TEMPLATE, false, true));
    const result = cli(['scan', dir, '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const files = JSON.parse(result.stdout).files;
    assert.deepEqual(files.map((f: { path: string }) => f.path.slice(dir.length + 1)), ['be.yaml', 'le.yaml']);
    for (const file of files) {
      assert.deepEqual(file.resources.map((r: { id: string }) => r.id), ['Bücket']);
      assert.deepEqual(file.resources[0].range.start, { line: 3, character: 10 });
    }
  });
});
