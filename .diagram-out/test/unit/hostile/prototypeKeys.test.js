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
const resourceView_1 = require("../../../src/core/analysis/resourceView");
const helpers_1 = require("../helpers");
const run_1 = require("./run");
const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
describe('hostile input: prototype keys are never known types', () => {
    it('reports Type: constructor, __proto__, toString… as unknown types', () => {
        const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${PROTOTYPE_KEYS.map((key, i) => `  R${i}:\n    Type: "${key}"\n`).join('')}`;
        const { outputs } = (0, run_1.scanText)(text, 'proto.yaml');
        const [file] = JSON.parse(outputs.json).files;
        assert.deepEqual(file.resources.map((r) => [r.type, r.known]), PROTOTYPE_KEYS.map((key) => [key, false]));
        for (const key of PROTOTYPE_KEYS) {
            assert.equal((0, helpers_1.knowledge)().profile(key), undefined, key);
            assert.equal((0, helpers_1.knowledge)().profile(key, true), undefined, key);
            assert.equal((0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), key), undefined, key);
        }
    });
    it('explain exits 2 for a prototype key', () => {
        for (const key of ['constructor', '__proto__', 'toString']) {
            const result = (0, run_1.cli)(['explain', key]);
            assert.equal(result.status, 2, key);
            assert.equal(result.stdout, '');
        }
    });
    it('a policy document condition keyed __proto__ neither pollutes Object.prototype nor crashes', async () => {
        const text = `data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
    condition {
      test     = "__proto__"
      variable = "polluted"
      values   = ["yes"]
    }
  }
}
resource "aws_iam_policy" "admin" {
  policy = data.aws_iam_policy_document.p.json
}
`;
        const { template } = (0, run_1.scanText)(text, 'policy.tf', await (0, helpers_1.hclParser)());
        assert.deepEqual(template?.resources.map((r) => r.id), ['data.aws_iam_policy_document.p', 'aws_iam_policy.admin']);
        assert.equal({}['polluted'], undefined);
    });
});
//# sourceMappingURL=prototypeKeys.test.js.map