import * as assert from 'node:assert/strict';
import { parseCloudFormation } from '../../../src/core/template/cloudformation';
import type { Template } from '../../../src/core/template/model';
import { referenceIndex } from '../../../src/core/template/references';
import { parseTerraformJson } from '../../../src/core/template/terraform';

const CFN = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Logs:
    Type: AWS::S3::Bucket
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration: {DestinationBucketName: !Ref Logs}
  DataPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Resource: !Sub "arn:aws:s3:::\${Logs}/*"
  LogsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: {Ref: Logs}
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !GetAtt Data.Arn
`;

const TF_JSON = JSON.stringify({
  variable: { env: { default: '${not.an.expression}' } },
  resource: {
    aws_s3_bucket: { logs: { bucket: 'logs-${var.env}' }, data: { bucket: '${var.env}' } },
    aws_s3_bucket_versioning: { data: { bucket: '${aws_s3_bucket.data.id}', versioning_configuration: [{ status: 'Enabled' }] } },
    aws_s3_bucket_logging: { data: { bucket: '${aws_s3_bucket.data.id}', target_bucket: '${aws_s3_bucket.logs.id}' } },
  },
});

/** Each resource's referrers of each type, asked in the order given; ids only. */
function referrersByType(template: Template, wholeIndexFirst: boolean): string[][][] {
  const index = referenceIndex(template);
  if (wholeIndexFirst) for (const target of template.resources) index.referrersOf(target);
  const types = [...new Set(template.resources.map((r) => r.type))];
  return template.resources.map((target) => types.map((type) => index.referrers(target, type).map((r) => r.id)));
}

describe('reference index', () => {
  for (const [name, parse] of [['CloudFormation', () => parseCloudFormation(CFN)!], ['Terraform JSON', () => parseTerraformJson(TF_JSON)]] as const) {
    it(`${name}: the referrers of a type are the whole index's, of that type, whichever is asked first`, () => {
      const byType = referrersByType(parse(), false);
      assert.deepEqual(referrersByType(parse(), true), byType);
      const template = parse();
      const index = referenceIndex(template);
      const types = [...new Set(template.resources.map((r) => r.type))];
      const fromWhole = template.resources.map((target) =>
        types.map((type) => index.referrersOf(target).filter((r) => r.type === type && r.kind === 'resource').map((r) => r.id)),
      );
      assert.deepEqual(byType, fromWhole);
    });
  }

  it('finds references written every way', () => {
    const template = parseCloudFormation(CFN)!;
    const index = referenceIndex(template);
    const of = (id: string) => index.referrersOf(template.resources.find((r) => r.id === id)!).map((r) => r.id);
    assert.deepEqual(of('Logs'), ['Data', 'DataPolicy', 'LogsPolicy']);
    assert.deepEqual(of('Data'), ['DataPolicy', 'Topic']);
    const bucket = template.resources.find((r) => r.id === 'Data')!;
    assert.deepEqual(index.referrers(bucket, 'AWS::S3::BucketPolicy', 'Bucket').map((r) => r.id), ['DataPolicy']);
    assert.deepEqual(index.referrers(template.resources[0]!, 'AWS::S3::BucketPolicy', 'Bucket').map((r) => r.id), ['LogsPolicy']);
  });
});

describe('Terraform JSON interpolations', () => {
  it('are marked in resource bodies, not in variable defaults', () => {
    const template = parseTerraformJson(TF_JSON);
    const body = (id: string) => template.resources.find((r) => r.id === id)!.properties!;
    const bucket = body('aws_s3_bucket.data').entries[0]!.value!;
    assert.deepEqual([bucket.tag, bucket.kind === 'scalar' && bucket.value], ['!Ref', 'var.env']);
    const named = body('aws_s3_bucket.logs').entries[0]!.value!;
    assert.deepEqual([named.tag, named.kind === 'scalar' && named.value], ['!Expr', 'logs-${var.env}']);
    const nested = body('aws_s3_bucket_versioning.data').entries[1]!.value!;
    assert.equal(nested.kind === 'seq' && nested.items[0]!.kind === 'map' && nested.items[0]!.entries[0]!.value!.tag, undefined);
    const fallback = template.parameterDefaults!.get('var.env')!;
    assert.deepEqual([fallback.tag, fallback.kind === 'scalar' && fallback.value], [undefined, '${not.an.expression}']);
  });
});
