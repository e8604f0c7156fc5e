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
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const encoding_1 = require("../../../src/core/syntax/encoding");
const run_1 = require("./run");
const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bücket:\n    Type: AWS::S3::Bucket\n';
function utf16(text, littleEndian, bom) {
    const le = Buffer.from(text, 'utf16le');
    const bytes = littleEndian ? le : Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]));
    const mark = littleEndian ? [0xff, 0xfe] : [0xfe, 0xff];
    return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}
describe('hostile input: encodings are decoded, never skipped silently', () => {
    it('decodes UTF-16 LE and BE, with a BOM or without, and UTF-8 with a BOM, dropping the BOM as the editor does', () => {
        for (const littleEndian of [true, false]) {
            for (const bom of [true, false])
                assert.equal((0, encoding_1.decodeText)(utf16(TEMPLATE, littleEndian, bom)), TEMPLATE, `LE ${littleEndian} BOM ${bom}`);
        }
        assert.equal((0, encoding_1.decodeText)(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEMPLATE)])), TEMPLATE);
        assert.equal((0, encoding_1.decodeText)(Buffer.from(TEMPLATE)), TEMPLATE);
    });
    it('the CLI scans a UTF-16 template with its positions as in the editor', () => {
        const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'srm-utf16-'));
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'le.yaml'), utf16(TEMPLATE, true, true));
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'be.yaml'), utf16(TEMPLATE, false, true));
        const result = (0, run_1.cli)(['scan', dir, '--format', 'json']);
        assert.equal(result.status, 0, result.stderr);
        const files = JSON.parse(result.stdout).files;
        assert.deepEqual(files.map((f) => f.path.slice(dir.length + 1)), ['be.yaml', 'le.yaml']);
        for (const file of files) {
            assert.deepEqual(file.resources.map((r) => r.id), ['Bücket']);
            assert.deepEqual(file.resources[0].range.start, { line: 3, character: 10 });
        }
    });
});
//# sourceMappingURL=encodings.test.js.map