// Terraform hovers: `.tf` (the `terraform` language, contributed by the extension) and `.tf.json` (JSON).
const assert = require('assert');
const vscode = require('vscode');
const { extension, hoversAt, openFixture, positionOf, responsibilityHoverAt, waitFor } = require('./helpers');

describe('hover on Terraform', () => {
  let doc;
  before(async () => {
    doc = await openFixture('terraform/main.tf');
    await waitFor(() => extension().isActive, 'the extension to be active for a .tf document');
  });

  it('opens .tf files in the terraform language the extension contributes', () => {
    assert.strictEqual(doc.languageId, 'terraform');
  });

  it('explains resource "aws_s3_bucket", ranged over the type label', async () => {
    const hover = await responsibilityHoverAt(doc, positionOf(doc, 'aws_s3_bucket', { delta: 4 }));
    assert.ok(hover, 'no responsibility hover on aws_s3_bucket');
    assert.ok(hover.markdown.includes('Amazon S3'), hover.markdown);
    assert.match(hover.markdown, /You secure/);
    assert.match(hover.markdown, /Also written as `AWS::S3::Bucket`/);
    assert.strictEqual(doc.getText(hover.range), 'aws_s3_bucket');
  });

  it('explains resource "aws_lambda_function"', async () => {
    const hover = await responsibilityHoverAt(doc, positionOf(doc, 'aws_lambda_function', { delta: 4 }));
    assert.ok(hover, 'no responsibility hover on aws_lambda_function');
    assert.ok(hover.markdown.includes('AWS Lambda'), hover.markdown);
    assert.match(hover.markdown, /Zip archive on a managed runtime/);
  });

  it('says a data source reads and changes nothing', async () => {
    const hovers = await hoversAt(doc, positionOf(doc, 'aws_caller_identity', { delta: 2 }));
    const hover = hovers.find((h) => /\*\*Data source\*\*/.test(h.markdown));
    assert.ok(hover, `no data-source hover: ${JSON.stringify(hovers)}`);
    assert.match(hover.markdown, /reads an existing .* creates or changes nothing/);
  });

  it('lists what a well-known module creates', async () => {
    const hovers = await hoversAt(doc, positionOf(doc, '"network"', { delta: 2 }));
    const hover = hovers.find((h) => /Terraform module/.test(h.markdown));
    assert.ok(hover, JSON.stringify(hovers));
    assert.match(hover.markdown, /`aws_vpc`/);
  });

  it('explains types in a .tf.json file, with the shift its attributes decide', async () => {
    const json = await openFixture('terraform/storage.tf.json');
    assert.strictEqual(json.languageId, 'json');
    const bucket = await responsibilityHoverAt(json, positionOf(json, 'aws_s3_bucket', { delta: 3 }));
    assert.ok(bucket, 'no hover on aws_s3_bucket in .tf.json');
    assert.strictEqual(json.getText(bucket.range), 'aws_s3_bucket');
    const fn = await responsibilityHoverAt(json, positionOf(json, 'aws_lambda_function', { delta: 3 }));
    assert.ok(fn, 'no hover on aws_lambda_function in .tf.json');
    assert.match(fn.markdown, /Container image/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
