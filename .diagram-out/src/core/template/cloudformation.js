"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_PARSE_LENGTH = void 0;
exports.mightBeCloudFormation = mightBeCloudFormation;
exports.looksLikeJson = looksLikeJson;
exports.parseCloudFormation = parseCloudFormation;
const json_1 = require("../syntax/json");
const lineIndex_1 = require("../syntax/lineIndex");
const tree_1 = require("../syntax/tree");
const yaml_1 = require("../syntax/yaml");
/**
 * Above this size a template is not parsed: its resource types are found by a line scan instead, so a huge file
 * costs milliseconds, not seconds, and still gets hovers. CloudFormation itself accepts templates up to 1 MB.
 */
exports.MAX_PARSE_LENGTH = 1024 * 1024;
const SNIFF = /AWSTemplateFormatVersion|AWS::Serverless|["']?Resources["']?\s*:/;
/** Cheap test on the raw text: could this be a CloudFormation template at all? */
function mightBeCloudFormation(text) {
    return SNIFF.test(text);
}
/** True when the text is JSON rather than YAML (its first significant character opens an object). */
function looksLikeJson(text) {
    const match = /^\uFEFF?\s*(\S)/.exec(text);
    return match?.[1] === '{';
}
/**
 * Parses a CloudFormation or SAM template, in YAML or JSON, whatever its file name. Returns undefined when the
 * text is not a template (detected by content: `AWSTemplateFormatVersion`, `Transform`, or a `Resources` map whose
 * entries have a `Type`). Never throws; problems come back in `problems`.
 */
function parseCloudFormation(text) {
    if (!mightBeCloudFormation(text))
        return undefined;
    const json = looksLikeJson(text);
    const format = json ? 'cloudformation-json' : 'cloudformation-yaml';
    const lines = new lineIndex_1.LineIndex(text);
    if (text.length > exports.MAX_PARSE_LENGTH)
        return scanLargeTemplate(text, format, lines);
    const parsed = json ? (0, json_1.parseJson)(text) : (0, yaml_1.parseYaml)(text);
    const { problems } = parsed;
    // YAML only: in JSON, a key at column 0 may sit at any depth.
    const root = !json && (0, tree_1.isMap)(parsed.root) && problems.length > 0 ? withStrayTopLevelKeys(text, parsed.root) : parsed.root;
    if (!(0, tree_1.isMap)(root) || !isTemplateRoot(root))
        return undefined;
    const parameters = new Set();
    const parameterDefaults = new Map();
    const parametersNode = (0, tree_1.getValue)(root, 'Parameters');
    if ((0, tree_1.isMap)(parametersNode)) {
        for (const entry of parametersNode.entries) {
            const name = String(entry.key.value);
            parameters.add(name);
            const fallback = (0, tree_1.isMap)(entry.value) ? (0, tree_1.getValue)(entry.value, 'Default') : undefined;
            if (fallback)
                parameterDefaults.set(name, fallback);
        }
    }
    const resources = [];
    const resourcesEntry = root.entries.find((entry) => entry.key.value === 'Resources');
    const resourcesNode = resourcesEntry?.value;
    if (resourcesEntry && !(0, tree_1.isMap)(resourcesNode)) {
        problems.push({ message: 'Resources must be a map of logical IDs to resource declarations', span: resourcesNode ?? resourcesEntry.key });
    }
    const globals = (0, tree_1.getValue)(root, 'Globals');
    if ((0, tree_1.isMap)(resourcesNode)) {
        for (const { key, value } of resourcesNode.entries) {
            const resource = readResource(text, key, value, problems);
            if (resource)
                resources.push(withSamGlobals(resource, globals));
        }
    }
    return {
        format,
        resources,
        problems,
        parameters,
        parameterDefaults,
        resourceIds: new Set(resources.map((resource) => resource.id)),
        lines,
    };
}
/**
 * After a syntax error (`Description: a: b` is a nested mapping YAML refuses), the parser may nest the keys that
 * follow inside the broken value. A key written at column 0 is always top level, so such keys are lifted back out:
 * the Resources after a bad Description line still get hovers.
 */
function withStrayTopLevelKeys(text, root) {
    const atColumnZero = (key) => key.start === 0 || text[key.start - 1] === '\n' || text[key.start - 1] === '\r';
    const entries = [];
    let lifted = false;
    for (const entry of root.entries) {
        const value = entry.value;
        const stray = (0, tree_1.isMap)(value) ? value.entries.filter((inner) => atColumnZero(inner.key)) : [];
        if (stray.length === 0 || !(0, tree_1.isMap)(value)) {
            entries.push(entry);
            continue;
        }
        lifted = true;
        const strayKeys = new Set(stray);
        const kept = value.entries.filter((inner) => !strayKeys.has(inner));
        entries.push({ key: entry.key, value: kept.length > 0 ? { ...value, entries: kept } : null });
        for (const inner of stray)
            entries.push(inner); // not spread: a broken file may hold more keys than a call takes
    }
    return lifted ? { ...root, entries } : root;
}
function isTemplateRoot(root) {
    if ((0, tree_1.getValue)(root, 'AWSTemplateFormatVersion') !== undefined)
        return true;
    const transform = (0, tree_1.getValue)(root, 'Transform');
    if (transform !== undefined && transform !== null && mentionsAws(transform))
        return true;
    const resources = (0, tree_1.getValue)(root, 'Resources');
    return (0, tree_1.isMap)(resources) && resources.entries.some(({ value }) => (0, tree_1.isMap)(value) && (0, tree_1.getValue)(value, 'Type') !== undefined);
}
/** Nodes looked at in a Transform at most: YAML aliases can make a 300-byte Transform a tree of billions of nodes. */
const MAX_TRANSFORM_NODES = 1000;
/** True when a string (value or key) in the node names an AWS transform (`AWS::Serverless-2016-10-31`). */
function mentionsAws(node) {
    const stack = [node];
    for (let budget = MAX_TRANSFORM_NODES; stack.length > 0 && budget > 0; budget--) {
        const current = stack.pop();
        if (current.kind === 'scalar') {
            if (String(current.value).includes('AWS::'))
                return true;
        }
        else if (current.kind === 'seq') {
            for (const item of current.items)
                stack.push(item);
        }
        else {
            for (const entry of current.entries) {
                stack.push(entry.key);
                if (entry.value)
                    stack.push(entry.value);
            }
        }
    }
    return false;
}
function readResource(text, key, value, problems) {
    const id = String(key.value);
    const span = { start: key.start, end: value?.end ?? key.end };
    if (!(0, tree_1.isMap)(value)) {
        problems.push({ message: `Resource ${id} must be a map with a Type`, span: value ?? key });
        return undefined;
    }
    const typeNode = halfTypedType(text, (0, tree_1.getValue)(value, 'Type'));
    const type = (0, tree_1.stringValue)(typeNode);
    if (type === undefined || !(0, tree_1.isScalar)(typeNode)) {
        const where = typeNode ?? key;
        const message = typeNode === undefined ? `Resource ${id} has no Type` : `The Type of resource ${id} must be a string`;
        problems.push({ message, span: where });
        return undefined;
    }
    const propertiesNode = (0, tree_1.getValue)(value, 'Properties');
    const metadataNode = (0, tree_1.getValue)(value, 'Metadata');
    return {
        id,
        type,
        typeSpan: unquoted(text, typeNode),
        idSpan: unquoted(text, key),
        span,
        properties: (0, tree_1.isMap)(propertiesNode) ? propertiesNode : undefined,
        ...((0, tree_1.isMap)(metadataNode) ? { metadata: metadataNode } : {}),
        declaration: value,
        kind: 'resource',
    };
}
/**
 * SAM's `Globals` section gives defaults to every resource of a kind (`Globals.Function` for each
 * `AWS::Serverless::Function`); a resource's own properties win. Merged so shifts see e.g. a global PackageType.
 */
function withSamGlobals(resource, globals) {
    if (!(0, tree_1.isMap)(globals) || !resource.type.startsWith('AWS::Serverless::'))
        return resource;
    const section = (0, tree_1.getValue)(globals, resource.type.slice('AWS::Serverless::'.length));
    if (!(0, tree_1.isMap)(section))
        return resource;
    const own = resource.properties?.entries ?? [];
    const ownKeys = new Set(own.map((entry) => entry.key.value));
    const inherited = section.entries.filter((entry) => !ownKeys.has(entry.key.value));
    if (inherited.length === 0)
        return resource;
    const base = resource.properties ?? { start: resource.span.start, end: resource.span.end };
    return { ...resource, properties: { kind: 'map', entries: [...inherited, ...own], start: base.start, end: base.end } };
}
/**
 * `Type: AWS::S3::` being typed parses as a nested key `AWS::S3:` (a colon before a line break starts a map):
 * read it back as the scalar the user is typing, so the hover and the "did you mean" still work.
 */
function halfTypedType(text, node) {
    if (!(0, tree_1.isMap)(node) || node.entries.length !== 1)
        return node;
    const { key, value } = node.entries[0];
    const empty = value === null || ((0, tree_1.isScalar)(value) && value.value === null && value.start === value.end);
    if (!empty || typeof key.value !== 'string' || text[key.end] !== ':')
        return node;
    return { kind: 'scalar', value: `${key.value}:`, start: key.start, end: key.end + 1 };
}
/** The span of a scalar's text without its quotes, so ranges cover exactly the type as written. */
function unquoted(text, node) {
    const first = text[node.start];
    if ((first === '"' || first === "'") && node.end - node.start >= 2 && text[node.end - 1] === first) {
        return { start: node.start + 1, end: node.end - 1 };
    }
    return node;
}
const LARGE_TYPE_LINE = /^([ \t]*)["']?Type["']?[ \t]*:[ \t]*["']?([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)/gm;
/** For templates over MAX_PARSE_LENGTH: finds `Type: AWS::…` lines without parsing, and says so. */
function scanLargeTemplate(text, format, lines) {
    const resources = [];
    for (const match of text.matchAll(LARGE_TYPE_LINE)) {
        const type = match[2];
        const start = match.index + match[0].length - type.length;
        const typeSpan = { start, end: start + type.length };
        resources.push({
            id: `line ${lines.positionAt(start).line + 1}`,
            type,
            typeSpan,
            idSpan: typeSpan,
            span: typeSpan,
            properties: undefined,
            kind: 'resource',
        });
    }
    const megabytes = (text.length / 1024 / 1024).toFixed(1);
    const message = `This template is ${megabytes} MB, over CloudFormation's 1 MB limit and the analysis limit: resource types were found by a quick scan, without their properties`;
    return {
        format,
        resources,
        problems: [{ message, span: { start: 0, end: 0 } }],
        parameters: new Set(),
        resourceIds: new Set(),
        lines,
    };
}
//# sourceMappingURL=cloudformation.js.map