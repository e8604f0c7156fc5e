"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dialectOf = dialectOf;
exports.resourceAt = resourceAt;
exports.resourceTypeAt = resourceTypeAt;
function dialectOf(format) {
    return format.startsWith('cloudformation') ? 'cfn' : 'tf';
}
/** The resource whose declaration contains `offset`, or undefined. */
function resourceAt(template, offset) {
    for (const resource of template.resources) {
        if (offset >= resource.span.start && offset <= resource.span.end)
            return resource;
    }
    return undefined;
}
/** The resource whose type token contains `offset` (the hover target), or undefined. */
function resourceTypeAt(template, offset) {
    for (const resource of template.resources) {
        if (offset >= resource.typeSpan.start && offset <= resource.typeSpan.end)
            return resource;
    }
    return undefined;
}
//# sourceMappingURL=model.js.map