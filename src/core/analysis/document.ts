import { LineIndex } from '../syntax/lineIndex';
import { looksLikeJson, mightBeCloudFormation, parseCloudFormation } from '../template/cloudformation';
import type { Template } from '../template/model';

/**
 * Parses a document if it is infrastructure as code the core understands: a CloudFormation or SAM template
 * (recognised by content, in YAML or JSON, whatever the name). Returns undefined for anything else. Never throws:
 * an unexpected internal failure becomes a problem on an empty template, so callers still get an answer.
 */
export function analyzeDocument(text: string): Template | undefined {
  try {
    return parseCloudFormation(text);
  } catch (error) {
    if (!mightBeCloudFormation(text)) return undefined;
    return {
      format: looksLikeJson(text) ? 'cloudformation-json' : 'cloudformation-yaml',
      resources: [],
      problems: [{ message: `Internal error while analysing this template: ${String(error)}`, span: { start: 0, end: 0 } }],
      parameters: new Set(),
      resourceIds: new Set(),
      lines: new LineIndex(text),
      root: null,
    };
  }
}
