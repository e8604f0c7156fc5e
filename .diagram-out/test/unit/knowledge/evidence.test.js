"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const helpers_1 = require("../helpers");
/**
 * Curated types with no ✓ / ○ marker in their hover and diagram: none of the customer duties they show has a setting
 * on them. Grouped by reason; every other curated type must have evidence.
 */
const NO_EVIDENCE_GROUPS = [
    {
        reason: 'links or attaches other resources: the duties are shown on the resources it links',
        types: [
            'AWS::EC2::VolumeAttachment', 'aws_volume_attachment', 'aws_lb_target_group_attachment', 'aws_alb_target_group_attachment',
            'AWS::WAFRegional::WebACLAssociation', 'aws_wafregional_web_acl_association',
            'AWS::Cognito::UserPoolUserToGroupAttachment', 'aws_cognito_user_in_group',
            'AWS::Route53Resolver::ResolverRuleAssociation', 'aws_route53_resolver_rule_association',
            'AWS::ECS::ClusterCapacityProviderAssociations', 'aws_ecs_cluster_capacity_providers', 'AWS::ECS::PrimaryTaskSet',
            'AWS::AppSync::SourceApiAssociation', 'aws_appsync_source_api_association', 'AWS::GuardDuty::CustomDetectionRuleAssociation',
            'AWS::NetworkFirewall::ContainerAssociation', 'AWS::SecretsManager::SecretTargetAttachment', 'aws_transfer_tag',
            'AWS::EC2::NetworkInterfaceAttachment', 'aws_network_interface_attachment', 'AWS::EC2::EIPAssociation', 'aws_eip_association',
            'AWS::EC2::VPCDHCPOptionsAssociation', 'aws_vpc_dhcp_options_association', 'AWS::EC2::SecurityGroupVpcAssociation',
            'AWS::IAM::InstanceProfile', 'aws_iam_instance_profile', 'aws_networkfirewall_container_association',
            'aws_networkfirewall_firewall_transit_gateway_attachment_accepter',
            // bound to usage plans by AWS::ApiGateway::UsagePlanKey, which the services do not list (Terraform's key reads its satellite)
            'AWS::ApiGateway::ApiKey',
        ],
    },
    {
        reason: 'a version, alias, part or copy of a resource whose settings, and so its markers, are on that resource',
        types: [
            'AWS::Bedrock::AgentAlias', 'aws_bedrockagent_agent_alias', 'AWS::StepFunctions::StateMachineAlias', 'aws_sfn_alias',
            'AWS::StepFunctions::StateMachineVersion', 'AWS::Logs::LogStream', 'aws_cloudwatch_log_stream', 'AWS::Kinesis::StreamConsumer',
            'aws_kinesis_stream_consumer', 'AWS::FSx::Snapshot', 'aws_fsx_openzfs_snapshot', 'AWS::FSx::Backup',
            'AWS::ElasticBeanstalk::ApplicationVersion', 'aws_elastic_beanstalk_application_version', 'aws_neptune_cluster_endpoint',
            'AWS::SageMaker::Endpoint', 'aws_sagemaker_endpoint', 'AWS::EMR::InstanceGroupConfig', 'aws_emr_instance_group',
            'AWS::EMR::InstanceFleetConfig', 'aws_emr_instance_fleet', 'AWS::Glue::Table', 'aws_glue_catalog_table',
            // an origin access identity has only a comment; the distribution that uses it shows origin access
            'AWS::CloudFront::CloudFrontOriginAccessIdentity', 'aws_cloudfront_origin_access_identity',
            'aws_api_gateway_deployment',
        ],
    },
    {
        reason: 'is itself what another resource\'s marker reads (a client certificate of a stage, the DKIM setting of a domain): nothing of its own shows more',
        types: ['AWS::ApiGateway::ClientCertificate', 'aws_api_gateway_client_certificate', 'aws_ses_domain_dkim'],
    },
    {
        reason: 'engine parameters: RDS names its TLS and logging switches with dots (rds.force_ssl), which a property path cannot name',
        types: ['AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup'],
    },
    {
        reason: 'engine parameters that none of the service\'s duties names',
        types: ['AWS::ElastiCache::ParameterGroup', 'aws_elasticache_parameter_group', 'AWS::Neptune::DBParameterGroup', 'aws_neptune_parameter_group', 'AWS::DAX::ParameterGroup', 'aws_dax_parameter_group'],
    },
    {
        reason: 'what it configures is security-relevant, but the service lists no duty for it yet (content to curate)',
        types: [
            // mutual TLS trust stores; domain registration (transfer lock, privacy); DNSSEC validation in VPCs
            'AWS::ElasticLoadBalancingV2::TrustStore', 'aws_lb_trust_store', 'AWS::ElasticLoadBalancingV2::TrustStoreRevocation',
            'aws_lb_trust_store_revocation', 'aws_route53domains_domain', 'aws_route53domains_registered_domain',
            'AWS::Route53Resolver::ResolverDNSSECConfig', 'aws_route53_resolver_dnssec_config',
            // custom domain certificates; AS2 certificates, profiles and server host keys
            'AWS::AppSync::DomainName', 'aws_appsync_domain_name', 'AWS::Cognito::UserPoolDomain', 'aws_cognito_user_pool_domain',
            'AWS::Transfer::Certificate', 'aws_transfer_certificate', 'AWS::Transfer::Profile', 'aws_transfer_profile',
            'AWS::Transfer::HostKey', 'aws_transfer_host_key',
            // event subscriptions; threat lists; EMR Serverless network and logging
            'AWS::Redshift::EventSubscription', 'AWS::DMS::EventSubscription', 'aws_dms_event_subscription',
            'aws_redshift_event_subscription',
            // the provider side of endpoint services; client VPN authorization rules; traffic mirroring (a copy of the traffic)
            'AWS::EC2::VPCEndpointService', 'AWS::EC2::VPCEndpointServicePermissions', 'AWS::EC2::ClientVpnAuthorizationRule',
            'aws_ec2_client_vpn_authorization_rule', 'AWS::EC2::TrafficMirrorSession', 'aws_ec2_traffic_mirror_session',
            'AWS::GuardDuty::ThreatIntelSet', 'aws_guardduty_threatintelset', 'AWS::GuardDuty::ThreatEntitySet',
            'AWS::EMRServerless::Application', 'aws_emrserverless_application',
            // federation, users and groups of a user pool
            'AWS::Cognito::UserPoolIdentityProvider', 'aws_cognito_identity_provider', 'AWS::Cognito::UserPoolUser', 'aws_cognito_user',
            'AWS::Cognito::UserPoolGroup', 'aws_cognito_user_group',
            // image replication and pull-through caches; hybrid activations; mail relays and MAIL FROM domains
            'AWS::ECR::ReplicationConfiguration', 'aws_ecr_replication_configuration', 'AWS::ECR::PullThroughCacheRule',
            'aws_ecr_pull_through_cache_rule', 'aws_ssm_activation', 'AWS::SES::MailManagerRelay', 'aws_mailmanager_relay',
            'aws_ses_domain_mail_from', 'aws_sesv2_email_identity_mail_from_attributes',
        ],
    },
    {
        reason: 'nothing a template can show: no security setting of its own, only the access and application duties of its service',
        types: [
            'AWS::CloudFormation::WaitCondition', 'AWS::CloudFormation::WaitConditionHandle',
            'AWS::CloudWatch::OTelEnrichment', 'aws_cloudwatch_otel_enrichment', 'AWS::CloudWatch::AnomalyDetector',
            'AWS::CloudWatch::InsightRule', 'aws_cloudwatch_contributor_insight_rule', 'aws_cloudwatch_contributor_managed_insight_rule',
            'AWS::CodePipeline::CustomActionType', 'aws_codepipeline_custom_action_type',
            'AWS::Config::Connector', 'AWS::Config::StoredQuery', 'aws_config_retention_configuration',
            'AWS::Athena::CapacityReservation', 'aws_athena_capacity_reservation', 'AWS::Athena::DataCatalog', 'aws_athena_data_catalog',
            'AWS::Batch::JobQueue', 'aws_batch_job_queue', 'AWS::Batch::SchedulingPolicy', 'aws_batch_scheduling_policy',
            'AWS::Bedrock::ApplicationInferenceProfile', 'aws_bedrock_inference_profile', 'aws_bedrock_provisioned_model_throughput',
            'AWS::CloudTrail::Channel', 'AWS::Cognito::ManagedLoginBranding', 'aws_cognito_managed_login_branding', 'AWS::Cognito::Terms',
            'AWS::Cognito::UserPoolReplica', 'AWS::Cognito::UserPoolUICustomizationAttachment', 'aws_cognito_user_pool_ui_customization',
            // cache encryption is AWS's now: the flags are deprecated
            'AWS::AppSync::ApiCache', 'aws_appsync_api_cache',
            'AWS::Events::ApiDestination', 'aws_cloudwatch_event_api_destination', 'AWS::Scheduler::ScheduleGroup', 'aws_scheduler_schedule_group',
            'AWS::Glue::Trigger', 'aws_glue_trigger', 'AWS::Glue::Workflow', 'aws_glue_workflow',
            'AWS::KafkaConnect::WorkerConfiguration', 'aws_mskconnect_worker_configuration',
            'AWS::Route53::CidrCollection', 'aws_route53_cidr_collection', 'aws_route53_cidr_location', 'AWS::Route53::DelegationSet',
            'aws_route53_delegation_set', 'AWS::Route53::HealthCheck', 'aws_route53_health_check', 'AWS::Route53::TrafficPolicy',
            'aws_route53_traffic_policy', 'AWS::Route53Resolver::ResolverConfig', 'aws_route53_resolver_config',
            'AWS::Route53Resolver::ResolverRule', 'aws_route53_resolver_rule',
            'AWS::SES::ContactList', 'aws_sesv2_contact_list', 'AWS::SES::DedicatedIpPool', 'aws_sesv2_dedicated_ip_pool',
            'AWS::SES::ReceiptRuleSet', 'aws_ses_receipt_rule_set', 'aws_ses_active_receipt_rule_set', 'AWS::SES::Template', 'aws_ses_template',
            'AWS::SES::VdmAttributes', 'aws_sesv2_account_vdm_attributes', 'aws_ses_domain_identity_verification',
            'AWS::Transfer::Workflow', 'aws_transfer_workflow', 'aws_transfer_web_app_customization', 'aws_wafv2_api_key',
            'AWS::EC2::CustomerGateway', 'aws_customer_gateway', 'AWS::EC2::DHCPOptions', 'aws_vpc_dhcp_options', 'AWS::EC2::IPAM',
            'aws_vpc_ipam', 'AWS::EC2::VPCCidrBlock', 'aws_vpc_ipv4_cidr_block_association', 'AWS::EC2::PrefixList',
            'aws_ec2_managed_prefix_list', 'AWS::EC2::EIP', 'aws_eip', 'aws_backup_global_settings', 'aws_backup_region_settings',
            // a service-linked role's trust and permissions are the service's
            'AWS::IAM::ServiceLinkedRole', 'aws_iam_service_linked_role',
        ],
    },
];
const NO_EVIDENCE = new Map(NO_EVIDENCE_GROUPS.flatMap(({ reason, types }) => types.map((type) => [type, reason])));
/** `<Terraform type> <duty>`: duties the CloudFormation twin shows a setting for and the Terraform type cannot, and why. */
const TERRAFORM_CANNOT_SHOW = new Map([
    ...['waf-throttling', 'cache-encryption', 'logging', 'tracing'].map((duty) => [
        `aws_api_gateway_deployment apigateway.cust.${duty}`,
        'a CloudFormation deployment can create its stage (StageDescription); a Terraform stage is always aws_api_gateway_stage',
    ]),
    ...['roles', 'monitoring'].map((duty) => [
        `aws_backup_logically_air_gapped_vault backup.cust.${duty}`,
        'the provider documents its vault policy and notification resources for backup vaults; for air-gapped vaults that is unverified',
    ]),
    ['aws_cloudwatch_event_rule events.cust.monitoring', 'Terraform writes targets, and their dead-letter queues, as aws_cloudwatch_event_target'],
    ['aws_fsx_ontap_volume fsx.cust.maintenance-window', 'the CloudFormation path names the file system\'s setting; only its first segment exists on a volume'],
    ['aws_fsx_file_cache fsx.cust.backups', 'the CloudFormation path names a Lustre file system\'s setting; only its first segment exists on a file cache'],
    ['aws_glue_ml_transform glue.cust.ml-transform-encryption', 'the AWS provider has no argument for transform encryption'],
    ['aws_iam_policy iam.cust.no-user-policies', 'Terraform attaches a managed policy with separate attachment resources'],
    ['aws_rds_cluster rds.cust.public-access', 'the AWS provider has no publicly_accessible on aws_rds_cluster (it sits on the instances)'],
    ['aws_redshiftserverless_namespace redshift.cust.snapshots', 'the AWS provider has no snapshot copy configuration for namespaces'],
    ['aws_secretsmanager_secret secretsmanager.cust.no-plaintext', 'a Terraform secret\'s value is set on aws_secretsmanager_secret_version, which shows it'],
    ['aws_secretsmanager_secret_rotation secretsmanager.cust.rotation-network', 'hosted rotation functions exist only in CloudFormation'],
    ['aws_ssm_association ssm.cust.roles', 'the AWS provider has no AssociationDispatchAssumeRole'],
]);
const CFN_TYPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
/** The Terraform twin of a CloudFormation type; a SAM type answers for the type its transform creates. */
function terraformTwin(type) {
    const expanded = cfnCatalog().types[type]?.expandsTo ?? type;
    return (0, helpers_1.knowledge)().profile(expanded)?.equivalents.find((name) => name.startsWith('aws_'));
}
/** Whether resources of `related` can configure a resource of the profile's type: a declared Terraform satellite. */
function configures(related, profile) {
    if (profile.dialect === 'tf')
        return profile.satellites.some((satellite) => satellite.type === related);
    // CloudFormation declares no satellites: a related type counts where its Terraform twin is a satellite of ours.
    const own = terraformTwin(profile.type);
    const twin = terraformTwin(related);
    return own !== undefined && twin !== undefined && ((0, helpers_1.knowledge)().profile(own)?.satellites.some((satellite) => satellite.type === twin) ?? false);
}
/**
 * Whether an evidence path can be read on a type: a path whose first segment is one of the type's top-level
 * properties (attributes and blocks in Terraform), or a resource type (a Terraform satellite, a CloudFormation bucket
 * policy or flow log) whose resources refer to this one. A resource type counts only where it is declared to configure
 * this type (`tf_satellites`): a flow log shows the duty on a VPC, not on the VPC's security groups.
 */
function readableOn(path, profile) {
    const namesResourceType = profile.dialect === 'tf' ? path.startsWith('aws_') : CFN_TYPE.test(path);
    return namesResourceType ? configures(path, profile) : profile.properties.has(path.split(/[.[]/)[0]);
}
function customerItems(profile) {
    return profile.customer.flatMap(({ entry }) => (Array.isArray(entry) ? entry : []));
}
function showsEvidence(item, profile) {
    return (item.evidence?.[profile.dialect] ?? []).some((path) => readableOn(path, profile));
}
function hasEvidence(profile) {
    return customerItems(profile).some((item) => showsEvidence(item, profile));
}
let catalog;
function cfnCatalog() {
    catalog ??= JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'data/generated/cfn-catalog.json'), 'utf8'));
    return catalog;
}
/** Every curated resource type: the CloudFormation and Terraform types the services list, and every SAM type. */
function curatedTypes() {
    const listed = (0, helpers_1.knowledge)().services.flatMap((service) => service.resource_types.flatMap((entry) => [entry.cfn, entry.tf]));
    const sam = Object.keys(cfnCatalog().types).filter((type) => type.startsWith('AWS::Serverless::'));
    return [...new Set([...listed, ...sam])].filter((type) => Boolean(type)).sort();
}
describe('evidence: what shows that a template addresses a duty', () => {
    const types = curatedTypes();
    const withoutEvidence = types.filter((type) => {
        const profile = (0, helpers_1.knowledge)().profile(type);
        return !profile || !hasEvidence(profile);
    });
    it('covers the curated types of every kind: CloudFormation, Terraform and SAM', () => {
        for (const type of ['AWS::EC2::Instance', 'aws_instance', 'aws_security_group', 'AWS::Serverless::Function', 'AWS::Serverless::SimpleTable']) {
            assert.ok(types.includes(type), type);
        }
    });
    it('every curated type has a customer item whose evidence it can show, or is a named exception', () => {
        const unexplained = withoutEvidence.filter((type) => !NO_EVIDENCE.has(type));
        assert.deepEqual(unexplained, [], `${unexplained.length} curated types have no evidence path they can show:\n${unexplained.join('\n')}`);
    });
    it('a Terraform twin shows evidence for every duty its CloudFormation twin shows evidence for, or names why not', () => {
        const gaps = (0, helpers_1.knowledge)().services.flatMap((service) => service.resource_types.flatMap(({ cfn, tf }) => {
            const [cfnProfile, tfProfile] = [cfn && (0, helpers_1.knowledge)().profile(cfn), tf && (0, helpers_1.knowledge)().profile(tf)];
            if (!cfnProfile || !tfProfile)
                return [];
            const onTerraform = new Set(customerItems(tfProfile).map((item) => item.id));
            return customerItems(cfnProfile)
                .filter((item) => onTerraform.has(item.id) && showsEvidence(item, cfnProfile) && !showsEvidence(item, tfProfile))
                .map((item) => `${tf} ${item.id}`);
        }));
        assert.deepEqual(gaps.filter((gap) => !TERRAFORM_CANNOT_SHOW.has(gap)), [], 'Terraform twins without the evidence their CloudFormation twin has');
        assert.deepEqual([...TERRAFORM_CANNOT_SHOW.keys()].filter((gap) => !gaps.includes(gap)), [], 'these are no gaps any more: remove them');
    });
    it('every exception is a curated type that still has no evidence, named once', () => {
        const listed = NO_EVIDENCE_GROUPS.flatMap(({ types }) => types);
        assert.equal(listed.length, NO_EVIDENCE.size, 'a type is listed in two groups');
        const stale = listed.filter((type) => !withoutEvidence.includes(type));
        assert.deepEqual(stale, [], 'these exceptions now have evidence (or are no curated type): remove them from NO_EVIDENCE');
    });
});
//# sourceMappingURL=evidence.test.js.map