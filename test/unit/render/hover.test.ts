import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { viewResource } from '../../../src/core/analysis/resourceView';
import { escapeMarkdown, renderHoverMarkdown, renderUnknownTypeMarkdown } from '../../../src/core/render/hoverMarkdown';
import { findingsOf } from '../../../src/core/rules/engine';
import { parseCloudFormation } from '../../../src/core/template/cloudformation';
import { fixture, knowledge, ROOT } from '../helpers';

const text = fixture('cfn/app.yaml');
const template = parseCloudFormation(text)!;

function hoverFor(id: string): string {
  const resource = template.resources.find((r) => r.id === id)!;
  const view = viewResource(knowledge(), resource.type, resource, template)!;
  return renderHoverMarkdown(knowledge(), view);
}

function viewFor(id: string) {
  const resource = template.resources.find((r) => r.id === id)!;
  return viewResource(knowledge(), resource.type, resource, template)!;
}

/** Compares with test/golden/<name>.md; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function assertGolden(name: string, actual: string) {
  const file = join(ROOT, 'test', 'golden', `${name}.md`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `hover differs from ${file}; rerun with UPDATE_GOLDEN=1 if intended`);
}

describe('hover Markdown', () => {
  it('leads with this resource\'s findings, most severe first, right under the header', () => {
    const db = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: true\n';
    const dbTemplate = parseCloudFormation(db)!;
    const resource = dbTemplate.resources[0]!;
    const findings = findingsOf(knowledge().rules, dbTemplate, db);
    const md = renderHoverMarkdown(knowledge(), viewResource(knowledge(), resource.type, resource, dbTemplate)!, findings);
    const lines = md.split('\n');
    assert.equal(lines[2], '**In this template**');
    assert.match(lines[3]!, /^- \*\*✗ error\*\* · .*`rds-instance-publicly-accessible` · RDS\.2\) \[derived · RDS\.2\]/);
    assert.ok(md.indexOf('In this template') < md.indexOf('AWS secures'));
  });

  it('S3: service and category in one line, both sides, stated and derived sources, links', () => {
    const md = hoverFor('LogsBucket');
    const lines = md.split('\n');
    assert.equal(lines[0], '**Amazon S3** · `AWS::S3::Bucket` · abstracted service');
    assert.match(md, /\*\*AWS secures\*\* \(security \*of\* the cloud\)\n- /);
    assert.match(md, /\*\*You secure\*\* \(security \*in\* the cloud\)\n- \*\*/);
    assert.match(md, / \[AWS\]\(https:\/\/docs\.aws\.amazon\.com\/AmazonS3\/latest\/userguide\/security\.html "AWS states this: /);
    assert.match(md, / \[derived · S3\.\d+/);
    assert.match(md, /\[AWS::S3::Bucket reference\]\(https:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\/latest\/TemplateReference\/aws-resource-s3-bucket\.html\)/);
    assert.match(md, /\[Shared Responsibility Model\]\(https:\/\/aws\.amazon\.com\/compliance\/shared-responsibility-model\/\)/);
    assertGolden('s3-bucket-kms', md);
  });

  it('S3: the encryption mode as written moves key management to the customer', () => {
    const md = hoverFor('LogsBucket');
    assert.match(md, /\*\*This resource as written\*\*/);
    assert.match(md, /\*Encryption mode decides who manages keys\*: \*\*SSE-KMS \/ DSSE-KMS with your key\*\*/);
    // SSE-KMS is written, but no rule judges the choice of key: present is not a ✓.
    assert.match(md, /\*\*◇ set\*\* · Data: Choose the encryption mode.* — `BucketEncryption` set here, not checked by a rule/);
    assert.doesNotMatch(md, /✓/);
    const plain = hoverFor('PlainBucket');
    assert.match(plain, /\*\*SSE-S3 \(AWS default since 2023-01-05\)\*\*/);
    assert.match(plain, /\*\*○ open\*\* · Data: Choose the encryption mode.* — not addressed in this template/);
  });

  it('Lambda: a zip function on a managed runtime leaves OS and runtime patching to AWS', () => {
    const view = viewFor('ZipFunction');
    assert.equal(view.shifts.find((s) => s.shift.id === 'lambda.shift.package-type')?.state?.id, 'zip');
    assert.ok(view.aws.some((item) => item.id === 'lambda.aws.os-runtime'));
    const md = hoverFor('ZipFunction');
    assert.match(md, /\*Zip on a managed runtime vs container image\*: \*\*Zip archive on a managed runtime\*\*/);
    assert.doesNotMatch(md, /rebuild from the latest base image/i);
  });

  it('Lambda: a container image moves OS and runtime patching to the customer', () => {
    const view = viewFor('ImageFunction');
    assert.equal(view.shifts.find((s) => s.shift.id === 'lambda.shift.package-type')?.state?.id, 'image');
    assert.ok(!view.aws.some((item) => item.id === 'lambda.aws.os-runtime'), 'AWS does not patch the OS inside an image');
    const md = hoverFor('ImageFunction');
    assert.match(md, /\*\*Container image\*\*/);
    assert.match(md, /rebuild from the latest base image/i);
  });

  it('Lambda: a package type from a parameter is reported as undecided, never guessed', () => {
    const view = viewFor('ParamFunction');
    const outcome = view.shifts.find((s) => s.shift.id === 'lambda.shift.package-type')!;
    assert.equal(outcome.state, undefined);
    assert.deepEqual(outcome.possible.map((s) => s.id), ['zip', 'image']);
    assert.match(hoverFor('ParamFunction'), /depends on parameter PackageKind: \*\*Zip archive on a managed runtime\*\* or \*\*Container image\*\*/);
  });

  it('ECS: a service on Fargate is abstracted-like, on EC2 infrastructure-like', () => {
    const fargate = viewFor('FargateService');
    const ec2 = viewFor('Ec2Service');
    assert.equal(fargate.category, 'abstracted');
    assert.equal(ec2.category, 'infrastructure');
    assert.match(hoverFor('FargateService'), /Fargate/);
    assert.match(hoverFor('Ec2Service'), /as configured \([^)]*EC2[^)]*\)/);
    assert.notEqual(hoverFor('FargateService'), hoverFor('Ec2Service'));
  });

  it('an uncurated service shows the general split of its category, labelled as such', () => {
    const profile = knowledge().profile('AWS::IoT::Thing')!; // IoT Core is not curated
    const md = renderHoverMarkdown(knowledge(), viewResource(knowledge(), profile.type)!);
    assert.match(md, /\(our classification\)/);
    assert.match(md, /Not curated yet: this is the general split/);
    assert.match(md, /\*\*AWS secures\*\*/);
  });

  it('an unknown AWS type gets a "did you mean"; custom types get no hover', () => {
    assert.match(renderUnknownTypeMarkdown(knowledge(), 'AWS::S3::Buckt')!, /Did you mean `AWS::S3::Bucket`/);
    assert.equal(renderUnknownTypeMarkdown(knowledge(), 'Custom::Thing'), undefined);
  });

  it('escapes Markdown in text from templates', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)> [a](b) *c*'), '\\<img src=x onerror=alert\\(1\\)\\> \\[a\\]\\(b\\) \\*c\\*');
  });
});
