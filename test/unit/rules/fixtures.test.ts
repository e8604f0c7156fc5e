import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../../src/core/analysis/document';
import { findingsOf } from '../../../src/core/rules/engine';
import { applyEdits, fixEdits } from '../../../src/core/rules/fixes';
import type { Finding, Rule } from '../../../src/core/rules/types';
import type { HclParser } from '../../../src/core/syntax/hcl';
import type { Template } from '../../../src/core/template/model';
import { hclParser, knowledge, ROOT } from '../helpers';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');

/** The findings of one rule in a fixture file, counting neither suppressed nor "depends on" ones. */
function analyse(file: string, parser: HclParser): { text: string; template: Template; findings: Finding[] } {
  const text = readFileSync(file, 'utf8');
  const template = analyzeDocument(text, file, parser);
  assert.ok(template, `${file} is not recognised as a template`);
  assert.deepEqual(template.problems.map((p) => p.message), [], `${file} does not parse cleanly`);
  return { text, template, findings: findingsOf(knowledge().rules, template, text) };
}

function raised(findings: readonly Finding[], rule: Rule): Finding[] {
  return findings.filter((f) => f.rule.id === rule.id && !f.suppressed && f.kind !== 'depends');
}

describe('rules on their fixtures (test/fixtures/rules/<rule>/{fail,pass}.{yaml,json,tf})', () => {
  const rules = knowledge().rules.all;

  it('there are at least 80 rules', () => {
    assert.ok(rules.length >= 80, `${rules.length} rules`);
  });

  it('the README\'s table of rules is generated from data/rules and current', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'rules-table.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('the JSON fixtures are generated from the YAML ones and current', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'fixtures-json.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  for (const rule of rules) {
    const files = [
      ...(rule.resource_types.cfn ? ['fail.yaml', 'pass.yaml', 'fail.json', 'pass.json'] : []),
      ...(rule.resource_types.tf ? ['fail.tf', 'pass.tf'] : []),
    ];
    it(`${rule.id}: raised by each fail fixture, not by any pass fixture; its quick fix removes it`, async () => {
      const parser = await hclParser();
      for (const name of files) {
        const file = join(FIXTURES, rule.id, name);
        assert.ok(existsSync(file), `missing fixture ${name}`);
        const { text, template, findings } = analyse(file, parser);
        const found = raised(findings, rule);
        if (name.startsWith('pass')) {
          assert.deepEqual(found.map((f) => `${f.resource.id}: ${f.message}`), [], `${name} raises the rule`);
          continue;
        }
        assert.ok(found.length > 0, `${name} does not raise the rule`);
        for (const finding of found) assert.ok(finding.span.end <= text.length && finding.span.start <= finding.span.end);
        // The quick fix, where the rule has one for this language, re-parses and the finding is gone.
        const edits = fixEdits(rule, template, found[0]!.resource, text);
        if (!edits) continue;
        const fixed = applyEdits(text, edits);
        const after = analyzeDocument(fixed, file, parser)!;
        assert.deepEqual(after.problems.map((p) => p.message), [], `${name} after the fix does not parse:\n${fixed}`);
        const still = raised(findingsOf(knowledge().rules, after, fixed), rule).filter((f) => f.resource.id === found[0]!.resource.id);
        assert.deepEqual(still.map((f) => f.message), [], `${name}: the fix leaves the finding:\n${fixed}`);
      }
    });
  }
});
