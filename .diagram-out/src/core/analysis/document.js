"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OVERSIZED_SNIFF_LENGTH = void 0;
exports.analyzeDocument = analyzeDocument;
exports.oversizedTemplate = oversizedTemplate;
exports.isOversized = isOversized;
exports.mayDeclareResourceType = mayDeclareResourceType;
const settings_1 = require("../settings");
const lineIndex_1 = require("../syntax/lineIndex");
const cloudformation_1 = require("../template/cloudformation");
const terraform_1 = require("../template/terraform");
const MB = 1024 * 1024;
/** How much of an oversized file is read to tell whether it is a template at all. */
exports.OVERSIZED_SNIFF_LENGTH = 64 * 1024;
/**
 * Parses a document if it is infrastructure as code the core understands: Terraform by file name (`.tf`,
 * `.tf.json`; `.tf` needs the HCL parser, which the host creates once), otherwise a CloudFormation or SAM
 * template recognised by content, in YAML or JSON, whatever the name. Returns undefined for anything else.
 * The size is checked first: nothing proportional to an oversized text is built. Never throws: an unexpected
 * internal failure becomes a problem on an empty template.
 */
function analyzeDocument(text, fileName = '', hcl, options = {}) {
    const maxSize = options.maxSize ?? settings_1.DEFAULT_MAX_FILE_SIZE_MB * MB;
    if (text.length > maxSize)
        return oversizedTemplate(text.slice(0, exports.OVERSIZED_SNIFF_LENGTH), fileName, text.length, maxSize);
    const terraform = (0, terraform_1.terraformFormatOf)(fileName);
    try {
        if (terraform === 'terraform-hcl')
            return hcl ? (0, terraform_1.parseTerraformHcl)(text, hcl, options) : undefined;
        if (terraform === 'terraform-json')
            return (0, terraform_1.parseTerraformJson)(text);
        return (0, cloudformation_1.parseCloudFormation)(text);
    }
    catch (error) {
        const format = formatOf(text, fileName);
        return format ? problemOnly(format, `Internal error while analysing this file: ${String(error)}`) : undefined;
    }
}
const oversized = new WeakSet();
/**
 * The template of a file over the size limit, from its first bytes only (`head`): one problem that says so, or
 * undefined when the file is not a template at all. For hosts that check a file's size before reading it.
 */
function oversizedTemplate(head, fileName, size, maxSize) {
    const format = formatOf(head, fileName);
    if (!format)
        return undefined;
    const template = problemOnly(format, `This file is ${sizeText(size)}, over the analysis limit of ${sizeText(maxSize)}: it was not analysed ` +
        '(the setting srmLens.analysis.maxFileSize, or --max-size on the command line, raises the limit)');
    oversized.add(template);
    return template;
}
/** True for the template of a file that was not analysed for its size (see oversizedTemplate). */
function isOversized(template) {
    return oversized.has(template);
}
function formatOf(text, fileName) {
    return (0, terraform_1.terraformFormatOf)(fileName) ?? ((0, cloudformation_1.mightBeCloudFormation)(text) ? ((0, cloudformation_1.looksLikeJson)(text) ? 'cloudformation-json' : 'cloudformation-yaml') : undefined);
}
function problemOnly(format, message) {
    return {
        format,
        resources: [],
        problems: [{ message, span: { start: 0, end: 0 } }],
        parameters: new Set(),
        resourceIds: new Set(),
        lines: new lineIndex_1.LineIndex(''),
    };
}
/** `250 MB`, `7.3 MB`, `2 KB`: rounded up below a megabyte, so a file over a limit never reads as equal to it. */
function sizeText(bytes) {
    if (bytes < MB)
        return `${Math.ceil(bytes / 1024)} KB`;
    const megabytes = bytes / MB;
    return `${megabytes >= 10 ? Math.round(megabytes) : Number(megabytes.toFixed(1))} MB`;
}
/** True for a line that declares a resource type (`Type: AWS::S3::Bucket`, `resource "aws_s3_bucket" "x" {`). */
function mayDeclareResourceType(line) {
    return /^\s*["']?Type["']?\s*:\s*["']?[A-Za-z0-9]+::/.test(line) || /^\s*(resource|data)\s+"/.test(line);
}
//# sourceMappingURL=document.js.map