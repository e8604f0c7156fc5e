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
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const helpers_1 = require("../helpers");
const run_1 = require("./run");
const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n';
/** A folder every user may enter (mkdtemp makes it private), for runs as another user. */
function sharedFolder(prefix) {
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), prefix));
    (0, node_fs_1.chmodSync)(dir, 0o755);
    return dir;
}
/**
 * How to run the CLI where permissions apply: as root, whom no mode bit stops, as `nobody` through setpriv;
 * undefined when that is not possible here.
 */
function unprivileged() {
    if (process.getuid?.() !== 0)
        return [];
    const setpriv = ['--reuid=65534', '--regid=65534', '--clear-groups'];
    const probe = (0, node_child_process_1.spawnSync)('setpriv', [...setpriv, process.execPath, '-e', `require('fs').accessSync(${JSON.stringify((0, node_path_1.join)(helpers_1.ROOT, 'dist', 'cli.js'))})`]);
    return probe.status === 0 ? ['setpriv', ...setpriv] : undefined;
}
describe('hostile input: files that are not files', () => {
    it('refuses a FIFO named on the command line instead of waiting on it, and scans the rest', function () {
        if (process.platform === 'win32')
            this.skip();
        const dir = sharedFolder('srm-fifo-');
        const fifo = (0, node_path_1.join)(dir, 'pipe.yaml');
        assert.equal((0, node_child_process_1.spawnSync)('mkfifo', [fifo]).status, 0);
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'app.yaml'), TEMPLATE);
        const result = (0, run_1.cli)(['scan', fifo, (0, node_path_1.join)(dir, 'app.yaml'), '--format', 'json']);
        assert.equal(result.status, 2, result.stderr);
        const output = JSON.parse(result.stdout);
        assert.deepEqual(output.files.map((f) => f.resources.map((r) => r.id)), [['B']]);
        assert.deepEqual(output.errors, [{ path: fifo, message: 'not a regular file (a pipe, a device or a socket): not read' }]);
    });
    it('an unreadable file and an unreadable folder are one error entry each, and the scan goes on', function () {
        const as = unprivileged();
        if (as === undefined) {
            console.log('      skipped: running as root without setpriv, no file is unreadable');
            this.skip();
        }
        const dir = sharedFolder('srm-unreadable-');
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'a.yaml'), TEMPLATE);
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'b-secret.yaml'), TEMPLATE);
        (0, node_fs_1.chmodSync)((0, node_path_1.join)(dir, 'b-secret.yaml'), 0o000);
        (0, node_fs_1.mkdirSync)((0, node_path_1.join)(dir, 'c-locked'));
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'c-locked', 'inside.yaml'), TEMPLATE);
        (0, node_fs_1.chmodSync)((0, node_path_1.join)(dir, 'c-locked'), 0o000);
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'd.yaml'), TEMPLATE);
        for (const format of ['json', 'text', 'sarif', 'markdown']) {
            const result = (0, run_1.cli)(['scan', dir, '--format', format], { cwd: dir, as });
            assert.equal(result.status, 2, `${format}: ${result.stderr}`);
            assert.doesNotMatch(result.stderr, /at .*\.js:\d+/, 'no stack trace');
            if (format === 'json') {
                const output = JSON.parse(result.stdout);
                assert.deepEqual(output.files.map((f) => f.path.slice(dir.length + 1)), ['a.yaml', 'd.yaml']);
                assert.deepEqual(output.errors, [
                    { path: (0, node_path_1.join)(dir, 'b-secret.yaml'), message: 'cannot read this file (EACCES)' },
                    { path: (0, node_path_1.join)(dir, 'c-locked'), message: 'cannot read this folder (EACCES): its files were not scanned' },
                ]);
            }
            else {
                assert.match(result.stdout, /b-secret\.yaml/, format);
                assert.match(result.stdout, /c-locked/, format);
            }
        }
        (0, node_fs_1.chmodSync)((0, node_path_1.join)(dir, 'c-locked'), 0o755); // so the temporary folder can be removed
    });
    it('`scan … | head` ends quietly when the reader closes the pipe', async () => {
        const dir = sharedFolder('srm-pipe-');
        const many = Array.from({ length: 3000 }, (_, i) => `  Bucket${i}:\n    Type: AWS::S3::Bucket\n`).join('');
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'many.yaml'), `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${many}`);
        const child = (0, node_child_process_1.spawn)(process.execPath, [(0, node_path_1.join)(helpers_1.ROOT, 'dist', 'cli.js'), 'scan', (0, node_path_1.join)(dir, 'many.yaml')], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        // Read the first chunk, then close the pipe as `head` does.
        child.stdout.once('data', () => child.stdout.destroy());
        const code = await new Promise((resolve) => child.on('close', resolve));
        assert.equal(stderr, '');
        assert.equal(code, 0);
    });
});
//# sourceMappingURL=files.test.js.map