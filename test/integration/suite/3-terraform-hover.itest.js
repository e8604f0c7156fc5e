// Terraform (.tf) hovers: run once the extension declares Terraform support, skipped (pending) until then.
const assert = require('assert');
const { extension, openFixture, positionOf, responsibilityHoverAt, waitFor } = require('./helpers');

function supportsTerraform() {
  const pkg = extension().packageJSON;
  const events = pkg.activationEvents || [];
  const languages = (pkg.contributes && pkg.contributes.languages) || [];
  return events.includes('onLanguage:terraform') || languages.some((l) => l.id === 'terraform' || (l.extensions || []).includes('.tf'));
}

describe('hover on Terraform', () => {
  let doc;
  before(async function () {
    if (!supportsTerraform()) {
      console.log('    (Terraform support not declared in package.json yet: skipped)');
      this.skip();
    }
    doc = await openFixture('terraform/main.tf');
    await waitFor(() => extension().isActive, 'the extension to be active for a .tf document');
  });

  it('explains resource "aws_s3_bucket"', async () => {
    const hover = await responsibilityHoverAt(doc, positionOf(doc, 'aws_s3_bucket', { delta: 4 }));
    assert.ok(hover, 'no responsibility hover on aws_s3_bucket');
    assert.ok(hover.markdown.includes('Amazon S3'), hover.markdown);
    assert.match(hover.markdown, /You secure/);
    assert.strictEqual(doc.getText(hover.range), 'aws_s3_bucket');
  });

  it('explains resource "aws_lambda_function"', async () => {
    const hover = await responsibilityHoverAt(doc, positionOf(doc, 'aws_lambda_function', { delta: 4 }));
    assert.ok(hover, 'no responsibility hover on aws_lambda_function');
    assert.ok(hover.markdown.includes('AWS Lambda'), hover.markdown);
  });
});
