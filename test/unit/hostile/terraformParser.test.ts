import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HclParser } from '../../../src/core/syntax/hcl';
import type { TreeSitterModule } from '../../../src/core/syntax/hcl';
import { parseTerraformHcl } from '../../../src/core/template/terraform';
import { freshModuleLoader } from '../../../src/node/loadKnowledge';
import { hclParser, ROOT } from '../helpers';

const SMALL = 'resource "aws_s3_bucket" "ok" {\n  bucket = "logs"\n}\n';

/** The WebAssembly memory API, which the test's type environment does not declare. */
declare const WebAssembly: { Memory: new (descriptor: { initial: number; maximum: number }) => unknown };

/**
 * The real web-tree-sitter, each copy given a 64 MiB memory instead of the parser's 1 GiB ceiling: a 2 MB string
 * then exhausts it in a second, and the runtime aborts as it does on a 14 MB file with the real ceiling.
 */
function smallMemoryModules(): { load: () => TreeSitterModule; loaded: () => number } {
  const fresh = freshModuleLoader(join(ROOT, 'dist', 'web-tree-sitter.cjs'));
  let count = 0;
  const load = (): TreeSitterModule => {
    count++;
    const real = fresh();
    class SmallParser extends real.Parser {
      static override init(options?: object): Promise<void> {
        return real.Parser.init({ ...options, wasmMemory: new WebAssembly.Memory({ initial: 512, maximum: 1024 }) });
      }
    }
    return { Parser: SmallParser, Language: real.Language };
  };
  return { load, loaded: () => count };
}

describe('hostile input: the Terraform parser recovers', () => {
  it('after its WebAssembly runtime aborts, the next file gets a new runtime', async function () {
    this.timeout(120000);
    const modules = smallMemoryModules();
    const parser = await HclParser.create({
      runtimeWasm: readFileSync(join(ROOT, 'dist', 'web-tree-sitter.wasm')),
      languageWasm: readFileSync(join(ROOT, 'dist', 'tree-sitter-terraform.wasm')),
      loadModule: modules.load,
    });
    assert.deepEqual(parseTerraformHcl(SMALL, parser).resources.map((r) => r.id), ['aws_s3_bucket.ok']);

    const huge = `resource "aws_s3_bucket" "big" {\n  bucket = "${'a'.repeat(2 * 1024 * 1024)}"\n}\n`;
    const failed = parseTerraformHcl(huge, parser);
    assert.deepEqual(failed.resources, []);
    assert.match(failed.problems[0]!.message, /^The Terraform parser failed on this file \(Aborted\(\)/);

    await parser.ready();
    assert.equal(modules.loaded(), 2, 'a new copy of web-tree-sitter replaced the aborted one');
    for (let i = 0; i < 3; i++) assert.deepEqual(parseTerraformHcl(SMALL, parser).resources.map((r) => r.id), ['aws_s3_bucket.ok']);
  });

  it('stops at the deadline or on cancellation, and parses the next file from its start', async () => {
    const parser = await hclParser();
    const text = Array.from({ length: 3000 }, (_, i) => `resource "aws_sqs_queue" "q${i}" {\n  name = "q${i}"\n}\n`).join('');
    const late = parseTerraformHcl(text, parser, { deadline: Date.now() - 1 });
    assert.deepEqual(late.resources, []);
    assert.deepEqual(late.problems.map((p) => p.message), ['Parsing took longer than the time allowed: this file was not analysed']);
    const cancelled = parseTerraformHcl(text, parser, { isCancelled: () => true });
    assert.deepEqual(cancelled.problems.map((p) => p.message), ['Parsing was cancelled']);
    // A stopped parse would resume where it stopped if the parser were not reset.
    assert.deepEqual(parseTerraformHcl(SMALL, parser).resources.map((r) => r.id), ['aws_s3_bucket.ok']);
    assert.equal(parseTerraformHcl(text, parser).resources.length, 3000);
  });
});
