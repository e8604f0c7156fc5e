import * as assert from 'node:assert/strict';
import { messages, scanText } from './run';

describe('hostile input: .tf.json shapes other than an object', () => {
  it('reports a top level of [], 42, null or a string', () => {
    for (const text of ['[]', '42', 'null', '"resource"', '[{"resource": {}}]']) {
      const { template } = scanText(text, 'main.tf.json');
      assert.deepEqual(template?.resources, [], text);
      assert.deepEqual(messages(template), ['A Terraform JSON file must hold an object at the top level, such as {"resource": {…}}'], text);
    }
  });

  it('reports a section that is neither an object nor a list of objects, and reads the others', () => {
    const text = '{"resource": {"aws_s3_bucket": {"logs": {}}}, "variable": 42, "module": ["x"], "data": [{"aws_caller_identity": {"me": {}}}]}';
    const { template } = scanText(text, 'main.tf.json');
    assert.deepEqual(template?.resources.map((r) => r.id), ['aws_s3_bucket.logs', 'data.aws_caller_identity.me']);
    assert.deepEqual(messages(template), ['The variable section must be an object, or a list of objects', 'The module section must be an object, or a list of objects']);
  });

  it('an empty file is one problem, not two', () => {
    assert.deepEqual(messages(scanText('  ', 'main.tf.json').template), ['The document is empty']);
  });
});
