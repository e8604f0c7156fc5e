import * as assert from 'node:assert/strict';
import { parseCloudFormation } from '../../../src/core/template/cloudformation';
import { evaluate } from '../../../src/core/template/conditions';
import type { Condition } from '../../../src/core/template/conditions';
import { parsePath, selectPath } from '../../../src/core/template/values';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Mode: {Type: String}
Conditions:
  Prod: !Equals [!Ref Mode, prod]
Resources:
  Other:
    Type: AWS::SNS::Topic
  Subject:
    Type: AWS::Test::Thing
    Properties:
      Plain: Value
      Flag: "true"
      Number: 5
      FromParam: !Ref Mode
      FromResource: !Ref Other
      FromAttribute: !GetAtt Other.TopicName
      NoValue: !Ref AWS::NoValue
      Either: !If [Prod, A, B]
      Same: !If [Prod, A, A]
      OrNothing: !If [Prod, A, !Ref AWS::NoValue]
      LongForm: {"Fn::If": ["Prod", "X", "X"]}
      LiteralSub: !Sub plain-text
      RealSub: !Sub "\${Mode}-x"
      List:
        - Name: a
          Value: 1
        - Name: b
          Value: !Ref Mode
      Options:
        - Namespace: aws:ns
          OptionName: Enabled
          Value: "false"
        - Namespace: aws:other
          OptionName: Enabled
          Value: "true"
`;

const template = parseCloudFormation(TEMPLATE)!;
const subject = template.resources.find((r) => r.id === 'Subject')!;
const check = (condition: Condition) => evaluate(condition, subject.properties, template);

describe('property paths', () => {
  it('parses keys, indexes, wildcards and filters whose values hold dots and colons', () => {
    assert.deepEqual(parsePath('A.B[*].C[0]'), [{ key: 'A' }, { key: 'B' }, { every: true }, { key: 'C' }, { index: 0 }]);
    assert.deepEqual(parsePath('O[?Namespace=aws:x.y&OptionName=Z].Value'), [
      { key: 'O' },
      { filter: [['Namespace', 'aws:x.y'], ['OptionName', 'Z']] },
      { key: 'Value' },
    ]);
  });

  it('selects plain maps, functions and lists on the way alike', () => {
    const kinds = (path: string) => selectPath(subject.properties, path, template).map((r) => (r.kind === 'value' ? r.value : r.kind));
    assert.deepEqual(kinds('Plain'), ['Value']);
    assert.deepEqual(kinds('Plain.Deeper'), ['absent'], 'a string holds no keys');
    assert.deepEqual(kinds('Missing.Deeper'), ['absent']);
    assert.deepEqual(kinds('NoValue'), ['absent']);
    assert.deepEqual(kinds('FromParam'), ['unknown']);
    assert.deepEqual(kinds('Options[1].Value'), ['true']);
    assert.deepEqual(kinds('List'), ['present']);
    assert.deepEqual(kinds(''), ['present']);
  });

  it('selects through lists and filters', () => {
    assert.deepEqual(selectPath(subject.properties, 'List[*].Name', template).map((r) => (r.kind === 'value' ? r.value : r.kind)), ['a', 'b']);
    const filtered = selectPath(subject.properties, 'Options[?Namespace=aws:ns&OptionName=Enabled].Value', template);
    assert.deepEqual(filtered.map((r) => (r.kind === 'value' ? r.value : r.kind)), ['false']);
  });
});

describe('condition evaluation', () => {
  it('decides plain values', () => {
    assert.equal(check({ path: 'Plain', op: 'equals', value: 'Value' }).value, true);
    assert.equal(check({ path: 'Plain', op: 'not_equals', value: 'Other' }).value, true);
    assert.equal(check({ path: 'Flag', op: 'truthy' }).value, true);
    assert.equal(check({ path: 'Flag', op: 'equals', value: true }).value, true, 'CloudFormation booleans may be strings');
    assert.equal(check({ path: 'Number', op: 'in', value: [4, 5] }).value, true);
    assert.equal(check({ path: 'Plain', op: 'matches', value: '^Val' }).value, true);
  });

  it('treats missing properties and AWS::NoValue as absent', () => {
    assert.equal(check({ path: 'Missing', op: 'absent' }).value, true);
    assert.equal(check({ path: 'Missing', op: 'not_equals', value: 'Image' }).value, true);
    assert.equal(check({ path: 'Missing', op: 'equals', value: 'Image' }).value, false);
    assert.equal(check({ path: 'Missing', op: 'falsy' }).value, true);
    assert.equal(check({ path: 'NoValue', op: 'exists' }).value, false);
  });

  it('never decides a value that comes from a parameter, and says which', () => {
    const result = check({ path: 'FromParam', op: 'equals', value: 'prod' });
    assert.equal(result.value, undefined);
    assert.equal(result.because, 'parameter Mode');
    assert.equal(check({ path: 'FromParam', op: 'not_equals', value: 'prod' }).value, undefined);
    assert.equal(check({ path: 'FromParam', op: 'exists' }).value, true, 'the property is set, whatever its value');
    assert.equal(check({ path: 'RealSub', op: 'equals', value: 'x' }).value, undefined);
  });

  it('treats references to the template\'s resources as present', () => {
    assert.equal(check({ path: 'FromResource', op: 'exists' }).value, true);
    assert.equal(check({ path: 'FromAttribute', op: 'exists' }).value, true);
  });

  it('follows both branches of Fn::If and decides only when they agree', () => {
    assert.deepEqual(check({ path: 'Either', op: 'equals', value: 'A' }), { value: undefined, because: 'condition Prod' });
    assert.equal(check({ path: 'Either', op: 'not_equals', value: 'A' }).value, undefined);
    assert.equal(check({ path: 'Either', op: 'in', value: ['A', 'B'] }).value, true);
    assert.equal(check({ path: 'Same', op: 'equals', value: 'A' }).value, true);
    assert.equal(check({ path: 'LongForm', op: 'equals', value: 'X' }).value, true);
    assert.equal(check({ path: 'OrNothing', op: 'exists' }).value, undefined);
    assert.equal(check({ path: 'LiteralSub', op: 'equals', value: 'plain-text' }).value, true);
  });

  it('combines with all, any and not in three-valued logic', () => {
    const unknown: Condition = { path: 'FromParam', op: 'equals', value: 'x' };
    const yes: Condition = { path: 'Plain', op: 'exists' };
    const no: Condition = { path: 'Missing', op: 'exists' };
    assert.equal(check({ all: [yes, unknown] }).value, undefined);
    assert.equal(check({ all: [no, unknown] }).value, false);
    assert.equal(check({ any: [yes, unknown] }).value, true);
    assert.equal(check({ any: [no, unknown] }).value, undefined);
    assert.equal(check({ not: unknown }).value, undefined);
    assert.equal(check({ not: yes }).value, false);
  });

  it('gives the same answers when a condition is evaluated again, on another resource, as a fresh copy of it does', () => {
    // Conditions are made into functions on first use and kept: a kept one must answer as a new one would.
    const other = template.resources.find((r) => r.id === 'Other')!;
    const conditions: Condition[] = [
      { path: 'Plain', op: 'equals', value: 'Value' },
      { all: [{ path: 'Plain', op: 'exists' }, { not: { path: 'FromParam', op: 'equals', value: 'x' } }] },
      { any: [{ path: 'Missing', op: 'exists' }, { path: 'Either', op: 'in', value: ['A'] }] },
      { path: 'List[*].Value', op: 'equals', value: 1 },
    ];
    for (const condition of conditions) {
      for (const properties of [subject.properties, other.properties, subject.properties]) {
        assert.deepEqual(evaluate(condition, properties, template), evaluate(structuredClone(condition), properties, template));
      }
    }
  });

  it('uses the default path for leaves without one, and any element for wildcards', () => {
    assert.equal(evaluate({ op: 'equals', value: 'Value' }, subject.properties, template, 'Plain').value, true);
    assert.equal(check({ path: 'List[*].Name', op: 'equals', value: 'b' }).value, true);
    assert.equal(check({ path: 'List[*].Value', op: 'equals', value: 2 }).value, undefined, 'one element depends on a parameter');
  });
});
