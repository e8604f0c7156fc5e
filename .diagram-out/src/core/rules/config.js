"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EMPTY_CONFIG = exports.CONFIG_FILE_NAME = void 0;
exports.parseLensConfig = parseLensConfig;
exports.matchesGlob = matchesGlob;
exports.isIgnored = isIgnored;
exports.configSuppressionsFor = configSuppressionsFor;
// `.srm-lens.yaml` at the repository root: the one configuration the extension and the CLI both read, so the
// editor and CI agree. Parsed here from its text (the host reads the file); anything invalid is reported, not fatal.
const yaml_1 = require("yaml");
const types_1 = require("./types");
exports.CONFIG_FILE_NAME = '.srm-lens.yaml';
exports.EMPTY_CONFIG = { rules: new Map(), ignore: [], suppress: [], minimumSeverity: undefined, problems: [] };
const isSeverity = (value) => typeof value === 'string' && types_1.SEVERITIES.includes(value);
function parseLensConfig(text) {
    const problems = [];
    let raw;
    try {
        raw = (0, yaml_1.parse)(text, { maxAliasCount: 100 });
    }
    catch (error) {
        return { ...exports.EMPTY_CONFIG, problems: [`${exports.CONFIG_FILE_NAME} is not valid YAML: ${String(error.message).split('\n')[0]}`] };
    }
    if (raw === null || raw === undefined)
        return exports.EMPTY_CONFIG;
    if (typeof raw !== 'object' || Array.isArray(raw))
        return { ...exports.EMPTY_CONFIG, problems: [`${exports.CONFIG_FILE_NAME} must be a map`] };
    const map = raw;
    const rules = new Map();
    if (map['rules'] !== undefined) {
        if (typeof map['rules'] !== 'object' || map['rules'] === null || Array.isArray(map['rules']))
            problems.push('rules: must map rule ids to a severity or off');
        else {
            for (const [id, value] of Object.entries(map['rules'])) {
                if (value === 'off' || value === false || isSeverity(value))
                    rules.set(id, value === false ? 'off' : value);
                else
                    problems.push(`rules.${id}: expected error, warning, information, hint or off`);
            }
        }
    }
    const strings = (key, value) => {
        if (value === undefined)
            return [];
        const list = typeof value === 'string' ? [value] : value;
        if (Array.isArray(list) && list.every((item) => typeof item === 'string'))
            return list;
        problems.push(`${key}: expected a path pattern or a list of them`);
        return [];
    };
    const ignore = strings('ignore', map['ignore']);
    const suppress = [];
    if (map['suppress'] !== undefined) {
        if (!Array.isArray(map['suppress']))
            problems.push('suppress: expected a list of {rule, paths, reason}');
        else {
            for (const [i, entry] of map['suppress'].entries()) {
                const item = (entry ?? {});
                if (typeof item['rule'] !== 'string') {
                    problems.push(`suppress[${i}]: needs a rule id`);
                    continue;
                }
                const paths = item['paths'] === undefined ? ['**'] : strings(`suppress[${i}].paths`, item['paths']);
                suppress.push({ rule: item['rule'], paths, reason: typeof item['reason'] === 'string' ? item['reason'] : '' });
            }
        }
    }
    const minimum = map['minimum_severity'];
    if (minimum !== undefined && !isSeverity(minimum))
        problems.push('minimum_severity: expected error, warning, information or hint');
    return { rules, ignore, suppress, minimumSeverity: isSeverity(minimum) ? minimum : undefined, problems };
}
/** True when a path (relative, `/`-separated) matches a pattern: `**` any folders, `*` and `?` within a name. */
function matchesGlob(path, pattern) {
    return globRegex(pattern).test(path.replace(/\\/g, '/').replace(/^\.\//, ''));
}
const globCache = new Map();
function globRegex(pattern) {
    let regex = globCache.get(pattern);
    if (regex)
        return regex;
    let source = '';
    const text = pattern.replace(/^\.\//, '').replace(/\/$/, '/**');
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '*' && text[i + 1] === '*') {
            const slash = text[i + 2] === '/';
            source += slash ? '(?:.*/)?' : '.*';
            i += slash ? 2 : 1;
        }
        else if (ch === '*')
            source += '[^/]*';
        else if (ch === '?')
            source += '[^/]';
        else
            source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    // A pattern without a slash matches the name at any depth, as in .gitignore.
    regex = new RegExp(text.includes('/') ? `^${source}$` : `(?:^|/)${source}$`);
    globCache.set(pattern, regex);
    return regex;
}
function isIgnored(config, relativePath) {
    return config.ignore.some((pattern) => matchesGlob(relativePath, pattern));
}
/** The configuration's suppressions that apply to one file. */
function configSuppressionsFor(config, relativePath) {
    const result = new Map();
    for (const entry of config.suppress) {
        if (entry.paths.some((pattern) => matchesGlob(relativePath, pattern)))
            result.set(entry.rule, entry.reason);
    }
    return result;
}
//# sourceMappingURL=config.js.map