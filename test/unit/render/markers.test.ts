import * as assert from 'node:assert/strict';
import { viewResource } from '../../../src/core/analysis/resourceView';
import { renderHoverMarkdown } from '../../../src/core/render/hoverMarkdown';
import { findingsOf } from '../../../src/core/rules/engine';
import { parseCloudFormation } from '../../../src/core/template/cloudformation';
import { knowledge } from '../helpers';

/** The state of one customer item on one resource of a template, as the hover and the diagram mark it. */
function state(text: string, id: string, item: string) {
  const template = parseCloudFormation(text)!;
  const resource = template.resources.find((r) => r.id === id)!;
  const findings = findingsOf(knowledge().rules, template, text);
  const view = viewResource(knowledge(), resource.type, resource, template, findings)!;
  return { status: view.evidence.get(item), hover: renderHoverMarkdown(knowledge(), view, findings.filter((f) => f.resource === resource)) };
}

const GROUP = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  WebGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
`;

describe('markers tell the truth', () => {
  it('a world-open SSH ingress resource shows its finding, not a ✓, on itself and on its group', () => {
    const text = `${GROUP}  Ssh:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref WebGroup
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 0.0.0.0/0
`;
    const ingress = state(text, 'Ssh', 'vpc.cust.security-groups');
    assert.equal(ingress.status?.state, 'finding');
    assert.equal(ingress.status?.finding?.severity, 'error');
    assert.doesNotMatch(ingress.hover, /✓/);
    assert.match(ingress.hover, /\*\*✗ error\*\* · .*`vpc-sg-ingress-admin-ports-open`/);
    const group = state(text, 'WebGroup', 'vpc.cust.security-groups');
    assert.equal(group.status?.state, 'finding', 'the group is as open as its separate ingress resource');
    // The VPC the group refers to is not judged by the group's rules.
    assert.notEqual(state(text, 'Vpc', 'vpc.cust.security-groups').status?.state, 'met');
  });

  it('a group whose rules are separate ingress resources is not "not set"', () => {
    const text = `${GROUP}  Https:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt WebGroup.GroupId
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 0.0.0.0/0
`;
    const group = state(text, 'WebGroup', 'vpc.cust.security-groups');
    assert.equal(group.status?.state, 'met', 'the rules on its ingress resources pass');
    assert.doesNotMatch(group.hover, /Security groups.*not addressed in this template/);
  });

  it('mere presence is never a ✓: a setting no rule judges is "set"', () => {
    const text = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms"}\n';
    assert.equal(state(text, 'Bucket', 's3.cust.encryption-mode').status?.state, 'set');
  });
});
