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
const diagramMessages_1 = require("../../../src/vscode/diagramMessages");
describe('messages from the diagram webview', () => {
    it('accepts exactly the ToHost shapes', () => {
        assert.deepEqual((0, diagramMessages_1.parseToHost)({ type: 'ready' }), { type: 'ready' });
        assert.deepEqual((0, diagramMessages_1.parseToHost)({ type: 'reveal', id: 'Bucket', extra: 1 }), { type: 'reveal', id: 'Bucket' });
        assert.deepEqual((0, diagramMessages_1.parseToHost)({ type: 'select', id: 'aws_s3_bucket.logs' }), { type: 'select', id: 'aws_s3_bucket.logs' });
        assert.deepEqual((0, diagramMessages_1.parseToHost)({ type: 'openLink', url: 'https://docs.aws.amazon.com/' }), { type: 'openLink', url: 'https://docs.aws.amazon.com/' });
        assert.deepEqual((0, diagramMessages_1.parseToHost)({ type: 'exportReport' }), { type: 'exportReport' });
        assert.deepEqual((0, diagramMessages_1.parseToHost)({ type: 'rendered', resources: ['A', 'B'], selectedId: 'A' }), { type: 'rendered', resources: ['A', 'B'], selectedId: 'A' });
    });
    it('rejects anything else', () => {
        for (const raw of [
            undefined, null, 'ready', 42, [], {}, { type: 'unknown' }, { type: 'reveal' }, { type: 'reveal', id: 3 }, { type: 'reveal', id: '' },
            { type: 'reveal', id: 'x'.repeat(5000) }, { type: 'openLink', url: {} }, { type: 'rendered', resources: [1] },
            { type: 'rendered', resources: 'A' }, { type: 'rendered', resources: [], selectedId: 7 }, { type: '__proto__' },
        ]) {
            assert.equal((0, diagramMessages_1.parseToHost)(raw), undefined, JSON.stringify(raw));
        }
    });
    it('opens only https links the host sent itself', () => {
        const sent = new Set(['https://docs.aws.amazon.com/AmazonS3/latest/userguide/security.html']);
        assert.equal((0, diagramMessages_1.isOpenableLink)('https://docs.aws.amazon.com/AmazonS3/latest/userguide/security.html', sent), true);
        assert.equal((0, diagramMessages_1.isOpenableLink)('https://evil.example/', sent), false);
        assert.equal((0, diagramMessages_1.isOpenableLink)('command:workbench.action.terminal.new', new Set(['command:workbench.action.terminal.new'])), false);
        assert.equal((0, diagramMessages_1.isOpenableLink)('http://docs.aws.amazon.com/', new Set(['http://docs.aws.amazon.com/'])), false);
        assert.equal((0, diagramMessages_1.isOpenableLink)('not a url', sent), false);
    });
    it('keeps only well-formed fields of a restored state', () => {
        assert.deepEqual((0, diagramMessages_1.parseDiagramState)({ uri: 'file:///a.yaml', selectedId: 'A', expanded: ['customer_data', 3] }), { uri: 'file:///a.yaml', selectedId: 'A', expanded: ['customer_data'] });
        assert.deepEqual((0, diagramMessages_1.parseDiagramState)(undefined), {});
        assert.deepEqual((0, diagramMessages_1.parseDiagramState)({ uri: 5 }), {});
        // The template view's filter, sort and collapsed groups.
        assert.deepEqual((0, diagramMessages_1.parseDiagramState)({ onlyOpen: true, sort: 'severity', collapsed: ['data', {}] }), { onlyOpen: true, sort: 'severity', collapsed: ['data'] });
        assert.deepEqual((0, diagramMessages_1.parseDiagramState)({ onlyOpen: 'yes', sort: 'random', collapsed: 'data' }), {});
    });
});
//# sourceMappingURL=diagramMessages.test.js.map