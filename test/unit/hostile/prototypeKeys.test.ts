import * as assert from 'node:assert/strict';
import { viewResource } from '../../../src/core/analysis/resourceView';
import { hclParser, knowledge } from '../helpers';
import { cli, scanText } from './run';

const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('hostile input: prototype keys are never known types', () => {
  it('reports Type: constructor, __proto__, toString… as unknown types', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${PROTOTYPE_KEYS.map((key, i) => `  R${i}:\n    Type: "${key}"\n`).join('')}`;
    const { outputs } = scanText(text, 'proto.yaml');
    const [file] = JSON.parse(outputs.json).files;
    assert.deepEqual(file.resources.map((r: { type: string; known: boolean }) => [r.type, r.known]), PROTOTYPE_KEYS.map((key) => [key, false]));
    for (const key of PROTOTYPE_KEYS) {
      assert.equal(knowledge().profile(key), undefined, key);
      assert.equal(knowledge().profile(key, true), undefined, key);
      assert.equal(viewResource(knowledge(), key), undefined, key);
    }
  });

  it('explain exits 2 for a prototype key', () => {
    for (const key of ['constructor', '__proto__', 'toString']) {
      const result = cli(['explain', key]);
      assert.equal(result.status, 2, key);
      assert.equal(result.stdout, '');
    }
  });

  it('a policy document condition keyed __proto__ neither pollutes Object.prototype nor crashes', async () => {
    const text = `data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
    condition {
      test     = "__proto__"
      variable = "polluted"
      values   = ["yes"]
    }
  }
}
resource "aws_iam_policy" "admin" {
  policy = data.aws_iam_policy_document.p.json
}
`;
    const { template } = scanText(text, 'policy.tf', await hclParser());
    assert.deepEqual(template?.resources.map((r) => r.id), ['data.aws_iam_policy_document.p', 'aws_iam_policy.admin']);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});
