import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { HclParser } from '../../../src/core/syntax/hcl';
import { hclParser, ROOT } from '../helpers';
import { scanText } from '../hostile/run';
import { loadFixtures, mutatedFixture, randomHcl, randomJson, randomTfJson, randomYaml } from './inputs';
import type { FuzzCase } from './inputs';

/** Inputs under this size must be analysed, with the rules and every output format, within ONE_SECOND of CPU time. */
const MB = 1024 * 1024;
const ONE_SECOND = 1000;

/** The CPU time of `run`, in ms: CPU, not wall-clock, so other processes on the machine do not count. */
function cpuTime(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('fuzz: the core never throws, and answers within 1 s (property tests, fast-check)', function () {
  this.timeout(600000);
  let cases = 0;
  let slowest = { ms: 0, what: 'none' };
  after(() => console.log(`      ${cases} cases; the slowest took ${slowest.ms.toFixed(0)} ms of CPU (${slowest.what})`));

  before(async () => {
    // Warm-up: the first analyses load the catalogs and compile the hot paths, which is no input's cost.
    const hcl = await hclParser();
    for (const fixture of loadFixtures(ROOT).filter((_, i) => i % 40 === 0)) scanText(fixture.text, fixture.name, hcl);
  });

  /** One input through the analysis, the rules and the four output formats: no exception, no internal error, in time. */
  async function check(input: FuzzCase, hcl: HclParser): Promise<void> {
    await hcl.ready();
    let problems: string[] = [];
    const ms = cpuTime(() => {
      const { template, outputs } = scanText(input.text, input.fileName, hcl);
      problems = template?.problems.map((problem) => problem.message) ?? [];
      for (const output of Object.values(outputs)) assert.equal(typeof output, 'string');
    });
    cases++;
    if (ms > slowest.ms) slowest = { ms, what: `${input.kind}, ${input.fileName}, ${input.text.length} characters` };
    assert.ok(!problems.some((message) => message.startsWith('Internal error')), problems.join('\n'));
    if (input.text.length < MB) assert.ok(ms < ONE_SECOND, `${input.kind} (${input.text.length} characters) took ${ms.toFixed(0)} ms`);
  }

  const suites: [string, () => fc.Arbitrary<FuzzCase>, number][] = [
    ['mutated fixtures of test/fixtures', () => mutatedFixture(loadFixtures(ROOT)), 150],
    ['random CloudFormation YAML', () => randomYaml, 100],
    ['random CloudFormation JSON', () => randomJson, 75],
    ['random Terraform HCL', () => randomHcl, 100],
    ['random Terraform JSON', () => randomTfJson, 75],
  ];
  for (const [name, inputs, numRuns] of suites) {
    it(`${name}: ${numRuns} cases`, async () => {
      const hcl = await hclParser();
      await fc.assert(
        fc.asyncProperty(inputs(), (input) => check(input, hcl)),
        { numRuns },
      );
    });
  }
});
