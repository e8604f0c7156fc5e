// extensionTestsPath entry point: VS Code's extension host require()s this file and awaits run().
// Used both by code-server (scripts/test.mjs integration, through the workbench `payload`) and by
// @vscode/test-electron (test/integration/run-electron.mjs). Runs every suite/*.itest.js in name order
// (activation checks first: they need a fresh extension host), with a reporter that writes the counts to
// $SRM_IT_RESULT_FILE for the orchestrator. $SRM_IT_GREP limits the run to matching tests.
const fs = require('fs');
const path = require('path');
const mochaModule = require('mocha');
const Mocha = mochaModule.Mocha || mochaModule;
const CountReporter = require('../../scripts/mocha-count-reporter.cjs');

function run() {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30000,
    reporter: CountReporter,
    reporterOptions: { resultFile: process.env.SRM_IT_RESULT_FILE },
    grep: process.env.SRM_IT_GREP || undefined,
  });
  const dir = path.join(__dirname, 'suite');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.itest.js')).sort()) {
    mocha.addFile(path.join(dir, file));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}

module.exports = { run };
