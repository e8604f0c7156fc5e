"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.awsccNameOf = awsccNameOf;
/**
 * The AWS Cloud Control provider's name for a CloudFormation type: `awscc_` + lower-case namespace + `_` +
 * snake_case resource name (`AWS::EC2::VPCEndpoint` → `awscc_ec2_vpc_endpoint`), except for the few types the
 * provider names otherwise (data/terraform/awscc-exceptions.yaml). See data-sources.md section 2.
 */
function awsccNameOf(cfnType, exceptions) {
    const exception = exceptions.get(cfnType);
    if (exception)
        return exception;
    const [, namespace = '', resource = ''] = cfnType.split('::');
    return `awscc_${namespace.toLowerCase()}_${snakeCase(resource)}`;
}
function snakeCase(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
        .toLowerCase();
}
//# sourceMappingURL=awscc.js.map