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
const run_1 = require("./run");
describe('hostile input: .tf.json shapes other than an object', () => {
    it('reports a top level of [], 42, null or a string', () => {
        for (const text of ['[]', '42', 'null', '"resource"', '[{"resource": {}}]']) {
            const { template } = (0, run_1.scanText)(text, 'main.tf.json');
            assert.deepEqual(template?.resources, [], text);
            assert.deepEqual((0, run_1.messages)(template), ['A Terraform JSON file must hold an object at the top level, such as {"resource": {…}}'], text);
        }
    });
    it('reports a section that is neither an object nor a list of objects, and reads the others', () => {
        const text = '{"resource": {"aws_s3_bucket": {"logs": {}}}, "variable": 42, "module": ["x"], "data": [{"aws_caller_identity": {"me": {}}}]}';
        const { template } = (0, run_1.scanText)(text, 'main.tf.json');
        assert.deepEqual(template?.resources.map((r) => r.id), ['aws_s3_bucket.logs', 'data.aws_caller_identity.me']);
        assert.deepEqual((0, run_1.messages)(template), ['The variable section must be an object, or a list of objects', 'The module section must be an object, or a list of objects']);
    });
    it('an empty file is one problem, not two', () => {
        assert.deepEqual((0, run_1.messages)((0, run_1.scanText)('  ', 'main.tf.json').template), ['The document is empty']);
    });
});
//# sourceMappingURL=tfJsonShapes.test.js.map