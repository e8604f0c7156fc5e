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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const fast_check_1 = __importDefault(require("fast-check"));
const helpers_1 = require("../helpers");
const run_1 = require("../hostile/run");
const inputs_1 = require("./inputs");
/** Inputs under this size must be analysed, with the rules and every output format, within ONE_SECOND of CPU time. */
const MB = 1024 * 1024;
const ONE_SECOND = 1000;
/** The CPU time of `run`, in ms: CPU, not wall-clock, so other processes on the machine do not count. */
function cpuTime(run) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
}
describe('fuzz: the core never throws, and answers within 1 s (property tests, fast-check)', function () {
    this.timeout(600000);
    let cases = 0;
    let slowest = { ms: 0, what: 'none' };
    after(() => console.log(`      ${cases} cases; the slowest took ${slowest.ms.toFixed(0)} ms of CPU (${slowest.what})`));
    before(async () => {
        // Warm-up: the first analyses load the catalogs and compile the hot paths, which is no input's cost.
        const hcl = await (0, helpers_1.hclParser)();
        for (const fixture of (0, inputs_1.loadFixtures)(helpers_1.ROOT).filter((_, i) => i % 40 === 0))
            (0, run_1.scanText)(fixture.text, fixture.name, hcl);
    });
    /** One input through the analysis, the rules and the four output formats: no exception, no internal error, in time. */
    async function check(input, hcl) {
        await hcl.ready();
        let problems = [];
        const ms = cpuTime(() => {
            const { template, outputs } = (0, run_1.scanText)(input.text, input.fileName, hcl);
            problems = template?.problems.map((problem) => problem.message) ?? [];
            for (const output of Object.values(outputs))
                assert.equal(typeof output, 'string');
        });
        cases++;
        if (ms > slowest.ms)
            slowest = { ms, what: `${input.kind}, ${input.fileName}, ${input.text.length} characters` };
        assert.ok(!problems.some((message) => message.startsWith('Internal error')), problems.join('\n'));
        if (input.text.length < MB)
            assert.ok(ms < ONE_SECOND, `${input.kind} (${input.text.length} characters) took ${ms.toFixed(0)} ms`);
    }
    const suites = [
        ['mutated fixtures of test/fixtures', () => (0, inputs_1.mutatedFixture)((0, inputs_1.loadFixtures)(helpers_1.ROOT)), 150],
        ['random CloudFormation YAML', () => inputs_1.randomYaml, 100],
        ['random CloudFormation JSON', () => inputs_1.randomJson, 75],
        ['random Terraform HCL', () => inputs_1.randomHcl, 100],
        ['random Terraform JSON', () => inputs_1.randomTfJson, 75],
    ];
    for (const [name, inputs, numRuns] of suites) {
        it(`${name}: ${numRuns} cases`, async () => {
            const hcl = await (0, helpers_1.hclParser)();
            await fast_check_1.default.assert(fast_check_1.default.asyncProperty(inputs(), (input) => check(input, hcl)), { numRuns });
        });
    }
});
//# sourceMappingURL=properties.test.js.map