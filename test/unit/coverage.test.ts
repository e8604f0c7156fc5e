import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../src/core/analysis/document';
import { hclParser, knowledge, ROOT, skipWithoutShared } from './helpers';

const CORPUS = join(ROOT, '..', 'shared', 'corpus');

/** Share of the corpus's AWS resource occurrences whose type a curated service file covers (issue 9: 92%). */
const TARGET = 0.92;

function* files(folder: string): Generator<string> {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ya?ml|json|template|tf)$/i.test(name)) yield path;
  }
}

describe('curated coverage of the corpus (../shared/corpus)', function () {
  this.timeout(120000);
  before(function () {
    skipWithoutShared(this, CORPUS);
  });

  it(`curates the types of at least ${TARGET * 100}% of its AWS resource occurrences`, async () => {
    const k = knowledge();
    const parser = await hclParser();
    const uncurated = new Map<string, number>();
    let occurrences = 0;
    let curated = 0;
    for (const path of files(CORPUS)) {
      const template = analyzeDocument(readFileSync(path, 'utf8'), path, parser);
      for (const resource of template?.resources ?? []) {
        // Terraform data sources read and change nothing; modules and awscc_ types are not AWS resource types.
        if (resource.kind !== 'resource' || !/^(AWS::|aws_)/.test(resource.type)) continue;
        const profile = k.profile(resource.type);
        if (!profile) continue; // not a type of any catalog: a typo or an invented fixture type
        occurrences++;
        if (profile.service.curated) curated++;
        else uncurated.set(resource.type, (uncurated.get(resource.type) ?? 0) + 1);
      }
    }
    const share = curated / occurrences;
    const top = [...uncurated].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 20);
    console.log(`      curated: ${curated} of ${occurrences} AWS resource occurrences (${(share * 100).toFixed(1)}%)`);
    console.log(`      most frequent uncurated types: ${top.map(([type, count]) => `${type} (${count})`).join(', ')}`);
    assert.ok(occurrences > 0, 'the corpus holds no AWS resources');
    assert.ok(share >= TARGET, `${(share * 100).toFixed(1)}% of the corpus's AWS resource occurrences are of curated types, below ${TARGET * 100}%`);
  });
});
