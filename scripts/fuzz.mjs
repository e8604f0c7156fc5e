// `npm run fuzz`: 100,000 inputs (mutated fixtures, random YAML, JSON, HCL and Terraform JSON) through the analysis,
// the rules and every output format of the CLI, in this process. Prints what it tried and the slowest cases; writes
// each failing input to test-results/fuzz/ and exits 1 when any input threw, reported an internal error or took
// more than a second of CPU under 1 MB.
//   npm run fuzz [-- --runs 100000] [--seed 42]
// Runs on the compiled tests (out/, from `npm run compile-tests`), which share the generators with `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (path) => require(join(root, 'out', path));
const { allInputs, loadFixtures } = out('test/unit/fuzz/inputs.js');
const { scanText } = out('test/unit/hostile/run.js');
const { hclParser } = out('test/unit/helpers.js');

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = option('runs', 100000);
const seed = option('seed', Date.now() % 2147483647);
const MB = 1024 * 1024;
const ONE_SECOND = 1000;
const failuresDir = join(root, 'test-results', 'fuzz');

const hcl = await hclParser();
const inputs = allInputs(loadFixtures(root));
const stats = {
  byKind: new Map(),
  byExtension: new Map(),
  templates: 0,
  resources: 0,
  problems: 0,
  tooDeep: 0,
  characters: 0,
  outputCharacters: 0,
};
const slowest = [];
const failures = [];
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);

console.log(`fuzz: ${runs} cases, seed ${seed} (npm run fuzz -- --seed ${seed} replays them)`);
// Warm-up: the first analyses load the catalogs and compile the hot paths; they are not what a case costs.
for (const input of fc.sample(inputs, { numRuns: 50, seed: seed + 1 })) scanText(input.text, input.fileName, hcl);

const started = Date.now();
let done = 0;
// In batches, so that 100,000 inputs are never held in memory at once.
for (let batch = 0; done < runs; batch++) {
  const size = Math.min(1000, runs - done);
  for (const input of fc.sample(inputs, { numRuns: size, seed: seed + batch * 7919 })) {
    await hcl.ready();
    const wall = performance.now();
    const cpu = process.cpuUsage();
    let failure;
    try {
      const { template, outputs } = scanText(input.text, input.fileName, hcl);
      if (template) {
        stats.templates++;
        stats.resources += template.resources.length;
        stats.problems += template.problems.length;
        if (template.problems.some((p) => p.message.startsWith('Nested too deeply'))) stats.tooDeep++;
        const internal = template.problems.find((p) => p.message.startsWith('Internal error'));
        if (internal) failure = internal.message;
      }
      for (const text of Object.values(outputs)) stats.outputCharacters += text.length;
    } catch (error) {
      failure = error instanceof Error ? error.stack ?? error.message : String(error);
    }
    const used = process.cpuUsage(cpu);
    const ms = (used.user + used.system) / 1000;
    const wallMs = performance.now() - wall;
    if (!failure && input.text.length < MB && ms > ONE_SECOND) failure = `took ${ms.toFixed(0)} ms of CPU`;
    done++;
    count(stats.byKind, input.kind);
    count(stats.byExtension, input.fileName.replace(/^.*?(\.tf\.json|\.[a-z]+)$/, '$1'));
    stats.characters += input.text.length;
    slowest.push({ ms, wallMs, kind: input.kind, fileName: input.fileName, length: input.text.length });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, 5);
    if (failure) {
      mkdirSync(failuresDir, { recursive: true });
      const file = join(failuresDir, `case-${done}-${input.fileName.replace(/[/\\]/g, '_')}`);
      writeFileSync(file, input.text);
      failures.push({ file, kind: input.kind, failure: failure.split('\n').slice(0, 6).join('\n') });
    }
  }
  if (done % 10000 === 0 || done === runs) {
    console.log(`  ${done} cases, ${failures.length} failing, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

const table = (map) => [...map].sort((a, b) => b[1] - a[1]).map(([key, n]) => `    ${String(n).padStart(7)}  ${key}`).join('\n');
console.log(`\nTried ${done} inputs (${(stats.characters / MB).toFixed(1)} MB of text) through the analysis, the rules and the text, JSON, SARIF and Markdown outputs:`);
console.log(`  by generator:\n${table(stats.byKind)}`);
console.log(`  by file type:\n${table(stats.byExtension)}`);
console.log(`  ${stats.templates} read as templates, with ${stats.resources} resources and ${stats.problems} problems reported; ${stats.tooDeep} nested too deeply`);
console.log(`  ${(stats.outputCharacters / MB).toFixed(1)} MB of output written`);
console.log(`  slowest (CPU):\n${slowest.map((s) => `    ${s.ms.toFixed(0).padStart(5)} ms (wall ${s.wallMs.toFixed(0)} ms)  ${s.kind}, ${s.fileName}, ${s.length} characters`).join('\n')}`);
console.log(`  ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
if (failures.length > 0) {
  console.log(`\n${failures.length} failing input(s), written to ${failuresDir}:`);
  for (const f of failures.slice(0, 20)) console.log(`  ${f.file} (${f.kind})\n    ${f.failure.replace(/\n/g, '\n    ')}`);
  process.exitCode = 1;
} else {
  console.log('\nNo failure: nothing threw, no internal error, every input under 1 MB took less than a second of CPU.');
}
