import type { HclParser } from '../syntax/hcl';
import { LineIndex } from '../syntax/lineIndex';
import { looksLikeJson, mightBeCloudFormation, parseCloudFormation } from '../template/cloudformation';
import type { Template, TemplateFormat } from '../template/model';
import { parseTerraformHcl, parseTerraformJson, terraformFormatOf } from '../template/terraform';

/**
 * Parses a document if it is infrastructure as code the core understands: Terraform by file name (`.tf`,
 * `.tf.json`; `.tf` needs the HCL parser, which the host creates once), otherwise a CloudFormation or SAM
 * template recognised by content, in YAML or JSON, whatever the name. Returns undefined for anything else.
 * Never throws: an unexpected internal failure becomes a problem on an empty template.
 */
export function analyzeDocument(text: string, fileName = '', hcl?: HclParser): Template | undefined {
  const terraform = terraformFormatOf(fileName);
  try {
    if (terraform === 'terraform-hcl') return hcl ? parseTerraformHcl(text, hcl) : undefined;
    if (terraform === 'terraform-json') return parseTerraformJson(text);
    return parseCloudFormation(text);
  } catch (error) {
    const format: TemplateFormat | undefined =
      terraform ?? (mightBeCloudFormation(text) ? (looksLikeJson(text) ? 'cloudformation-json' : 'cloudformation-yaml') : undefined);
    if (!format) return undefined;
    return {
      format,
      resources: [],
      problems: [{ message: `Internal error while analysing this file: ${String(error)}`, span: { start: 0, end: 0 } }],
      parameters: new Set(),
      resourceIds: new Set(),
      lines: new LineIndex(text),
    };
  }
}
