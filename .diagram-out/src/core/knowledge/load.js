"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DATA_FILES = void 0;
exports.knowledgeFromJson = knowledgeFromJson;
const knowledge_1 = require("./knowledge");
/** The data files every host loads, relative to the data folder (dist/data; scripts/build.mjs writes them). */
exports.DATA_FILES = {
    content: 'content.json',
    services: 'services.jsonl',
    rules: 'rules.json',
    cfnCatalog: 'cfn-catalog.jsonl',
    tfCatalog: 'tf-catalog.jsonl',
};
/**
 * Builds the Knowledge over the data files, however the host reads them (fs, workspace.fs, fetch). Only content.json
 * is parsed at once; a service, the rules, a catalog and each of its entries are read and parsed at their first use.
 */
function knowledgeFromJson(read) {
    let serviceLines;
    return new knowledge_1.Knowledge(JSON.parse(read('content')), {
        service: (position) => JSON.parse((serviceLines ??= read('services').split('\n'))[position]),
        rules: () => JSON.parse(read('rules')),
        cfnCatalog: () => catalogFromLines(read('cfnCatalog')),
        tfCatalog: () => catalogFromLines(read('tfCatalog')),
    });
}
/**
 * A catalog from its JSON lines (scripts/build.mjs catalogLines): the first line holds the catalog with each entry
 * of a record replaced by the number of its line. An entry is parsed when it is first read, so a run that meets ten
 * types parses ten of the catalog's thousands of entries; the keys read as they always do.
 */
function catalogFromLines(text) {
    const lines = text.split('\n');
    const { catalog, records } = JSON.parse(lines[0]);
    for (const field of records) {
        const lineOf = catalog[field];
        const parsed = new Map();
        catalog[field] = new Proxy(lineOf, {
            get: (target, key) => {
                if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(target, key))
                    return undefined;
                if (!parsed.has(key))
                    parsed.set(key, JSON.parse(lines[target[key]]));
                return parsed.get(key);
            },
        });
    }
    return catalog;
}
//# sourceMappingURL=load.js.map