"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.referenceIndex = referenceIndex;
const tree_1 = require("../syntax/tree");
const model_1 = require("./model");
const values_1 = require("./values");
const indexes = new WeakMap();
/** Nodes visited per resource at most: YAML aliases can make a small file a huge tree. */
const MAX_NODES_PER_RESOURCE = 20000;
function referenceIndex(template) {
    let index = indexes.get(template);
    if (!index) {
        index = buildIndex(template);
        indexes.set(template, index);
    }
    return index;
}
function buildIndex(template) {
    const terraform = (0, model_1.dialectOf)(template.format) === 'tf';
    const byId = new Map();
    for (const resource of template.resources)
        if (resource.kind === 'resource' || resource.kind === 'data')
            byId.set(resource.id, resource);
    const referrersById = new Map();
    const idsIn = (node, budget = { left: MAX_NODES_PER_RESOURCE }) => {
        const found = new Set();
        collectReferences(node ?? null, terraform, byId, found, budget);
        return found;
    };
    for (const resource of template.resources) {
        for (const id of idsIn(resource.properties)) {
            if (id === resource.id)
                continue;
            let list = referrersById.get(id);
            if (!list)
                referrersById.set(id, (list = []));
            list.push(resource);
        }
    }
    return {
        referrers(target, type, link) {
            const candidates = (referrersById.get(target.id) ?? []).filter((r) => r.type === type && r.kind === 'resource');
            if (link === undefined)
                return candidates;
            return candidates.filter((candidate) => (0, values_1.selectPath)(candidate.properties, link, template).some((value) => 'node' in value && idsIn(value.node).has(target.id)));
        },
        referrersOf(target) {
            return referrersById.get(target.id) ?? [];
        },
        resolve(node) {
            const [id] = idsIn(node);
            return id === undefined ? undefined : byId.get(id);
        },
    };
}
const SUB_VARIABLE = /\$\{([A-Za-z0-9_:]+)(?:\.[A-Za-z0-9_.]+)?\}/g;
const TF_ADDRESS = /\b((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)/g;
function collectReferences(node, terraform, byId, found, budget) {
    const stack = node ? [node] : [];
    while (stack.length > 0 && budget.left-- > 0) {
        const current = stack.pop();
        if (current.kind === 'scalar') {
            if (typeof current.value === 'string')
                scalarReferences(current.value, current.tag, terraform, byId, found);
            continue;
        }
        if (current.kind === 'seq') {
            if (current.tag === '!GetAtt')
                addIfKnown((0, tree_1.stringValue)(current.items[0]), byId, found);
            for (const item of current.items)
                stack.push(item);
            continue;
        }
        const single = current.entries.length === 1 ? current.entries[0] : undefined;
        if (single && (single.key.value === 'Ref' || single.key.value === 'Fn::GetAtt')) {
            const argument = single.value;
            const name = argument?.kind === 'seq' ? (0, tree_1.stringValue)(argument.items[0]) : (0, tree_1.stringValue)(argument)?.split('.')[0];
            addIfKnown(name, byId, found);
        }
        for (const entry of current.entries)
            if (entry.value)
                stack.push(entry.value);
    }
}
function scalarReferences(value, tag, terraform, byId, found) {
    if (terraform) {
        if (tag !== '!GetAtt' && tag !== '!Expr')
            return;
        for (const match of value.matchAll(TF_ADDRESS))
            addIfKnown(match[1], byId, found);
        return;
    }
    if (tag === '!Ref')
        addIfKnown(value, byId, found);
    else if (tag === '!GetAtt')
        addIfKnown(value.split('.')[0], byId, found);
    if (value.includes('${'))
        for (const match of value.matchAll(SUB_VARIABLE))
            addIfKnown(match[1], byId, found);
}
function addIfKnown(id, byId, found) {
    if (id !== undefined && byId.has(id))
        found.add(id);
}
//# sourceMappingURL=references.js.map