// Hovers on CloudFormation resource types, through VS Code's own hover pipeline (vscode.executeHoverProvider).
const assert = require('assert');
const { extension, openFixture, positionOf, hoversAt, responsibilityHoverAt, waitFor } = require('./helpers');

/** The Markdown link to the CloudFormation reference page of a type, e.g. ...aws-resource-s3-bucket.html */
const docsLink = (slug) => new RegExp(`\\]\\(https://docs\\.aws\\.amazon\\.com/[^)\\s]*aws-resource-${slug}\\.html[^)]*\\)`);

function assertResponsibilityMarkdown(markdown, { service, docsSlug }) {
  assert.ok(markdown.includes(service), `hover does not name the service ${JSON.stringify(service)}:\n${markdown}`);
  assert.match(markdown, /AWS secures/, 'hover has no "AWS secures" section');
  assert.match(markdown, /You secure/, 'hover has no "You secure" section');
  assert.ok(markdown.indexOf('AWS secures') < markdown.indexOf('You secure'), '"AWS secures" should come before "You secure"');
  assert.match(markdown, docsLink(docsSlug), `hover has no link to the AWS documentation of the type:\n${markdown}`);
}

describe('hover on CloudFormation YAML', () => {
  let doc;
  before(async () => {
    doc = await openFixture('templates/storage.yaml');
    await waitFor(() => extension().isActive, 'the extension to activate on a YAML document');
  });

  it('explains AWS::S3::Bucket: service, both sections, docs link', async () => {
    const hover = await responsibilityHoverAt(doc, positionOf(doc, 'AWS::S3::Bucket', { delta: 6 }));
    assert.ok(hover, 'no responsibility hover on Type: AWS::S3::Bucket');
    assertResponsibilityMarkdown(hover.markdown, { service: 'Amazon S3', docsSlug: 's3-bucket' });
  });

  it('ranges the hover over exactly the resource type', async () => {
    const start = positionOf(doc, 'AWS::S3::Bucket');
    const hover = await responsibilityHoverAt(doc, start.translate(0, 3));
    assert.ok(hover && hover.range, 'the hover has no range');
    assert.strictEqual(doc.getText(hover.range), 'AWS::S3::Bucket');
    assert.strictEqual(hover.range.start.line, start.line);
    assert.strictEqual(hover.range.start.character, start.character);
    // The first and the last character of the type both hover too.
    assert.ok(await responsibilityHoverAt(doc, start), 'no hover on the first character of the type');
    assert.ok(await responsibilityHoverAt(doc, start.translate(0, 'AWS::S3::Bucket'.length - 1)), 'no hover on the last character');
  });

  it('explains a quoted type ("AWS::Lambda::Function") with a range inside the quotes', async () => {
    const hover = await responsibilityHoverAt(doc, positionOf(doc, 'AWS::Lambda::Function', { delta: 8 }));
    assert.ok(hover, 'no responsibility hover on Type: "AWS::Lambda::Function"');
    assertResponsibilityMarkdown(hover.markdown, { service: 'AWS Lambda', docsSlug: 'lambda-function' });
    assert.strictEqual(doc.getText(hover.range), 'AWS::Lambda::Function');
  });

  it('gives no responsibility hover outside resource types (top-level key, property value)', async () => {
    const onKeyword = await responsibilityHoverAt(doc, positionOf(doc, 'AWSTemplateFormatVersion', { delta: 3 }));
    assert.strictEqual(onKeyword, undefined, 'hover on AWSTemplateFormatVersion');
    const onValue = await responsibilityHoverAt(doc, positionOf(doc, 'python3.12', { delta: 2 }));
    assert.strictEqual(onValue, undefined, 'hover on a property value');
  });
});

describe('hover on CloudFormation JSON', () => {
  let doc;
  before(async () => {
    doc = await openFixture('templates/storage.json');
    assert.strictEqual(doc.languageId, 'json');
  });

  it('explains "AWS::S3::Bucket" in a JSON template, range without the quotes', async () => {
    const hover = await responsibilityHoverAt(doc, positionOf(doc, 'AWS::S3::Bucket', { delta: 4 }));
    assert.ok(hover, 'no responsibility hover on "Type": "AWS::S3::Bucket"');
    assertResponsibilityMarkdown(hover.markdown, { service: 'Amazon S3', docsSlug: 's3-bucket' });
    assert.strictEqual(doc.getText(hover.range), 'AWS::S3::Bucket');
  });

  it('explains "AWS::Lambda::Function" in a JSON template', async () => {
    const hover = await responsibilityHoverAt(doc, positionOf(doc, 'AWS::Lambda::Function', { delta: 4 }));
    assert.ok(hover, 'no responsibility hover on "Type": "AWS::Lambda::Function"');
    assertResponsibilityMarkdown(hover.markdown, { service: 'AWS Lambda', docsSlug: 'lambda-function' });
  });
});

describe('hover on a SAM template', () => {
  it('explains AWS::Serverless::Function as AWS Lambda, linking the SAM reference', async () => {
    const doc = await openFixture('templates/sam-api.yaml');
    const hover = await responsibilityHoverAt(doc, positionOf(doc, 'AWS::Serverless::Function', { delta: 8 }));
    assert.ok(hover, 'no responsibility hover on Type: AWS::Serverless::Function');
    assert.ok(hover.markdown.includes('AWS Lambda'), `hover does not name AWS Lambda:\n${hover.markdown}`);
    assert.match(hover.markdown, /AWS secures/);
    assert.match(hover.markdown, /You secure/);
    assert.match(hover.markdown, /\]\(https:\/\/docs\.aws\.amazon\.com\/serverless-application-model\/[^)\s]*function[^)\s]*\)/, hover.markdown);
    assert.strictEqual(doc.getText(hover.range), 'AWS::Serverless::Function');
  });
});

describe('files that are not templates', () => {
  it('gives no hover in a YAML file that is not a template (a GitHub workflow)', async () => {
    const doc = await openFixture('other/deploy-workflow.yml');
    assert.strictEqual(doc.languageId, 'yaml');
    const hovers = await hoversAt(doc, positionOf(doc, 'AWS::S3::Bucket', { delta: 5 }));
    const ours = hovers.filter((h) => /AWS secures|You secure|Amazon S3/.test(h.markdown));
    assert.deepStrictEqual(ours.map((h) => h.markdown), [], 'responsibility hover on a non-template YAML file');
  });

  it('gives no hover in a JSON file that is not a template', async () => {
    const doc = await openFixture('other/package-settings.json');
    assert.strictEqual(doc.languageId, 'json');
    const hovers = await hoversAt(doc, positionOf(doc, 'AWS::S3::Bucket', { nth: 1, delta: 5 }));
    const ours = hovers.filter((h) => /AWS secures|You secure|Amazon S3/.test(h.markdown));
    assert.deepStrictEqual(ours.map((h) => h.markdown), [], 'responsibility hover on a non-template JSON file');
  });
});
