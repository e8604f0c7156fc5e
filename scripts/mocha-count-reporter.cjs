// Mocha reporter used by scripts/test.mjs: prints like the "spec" reporter and writes the run's counts as JSON
// ({ passed, failed, pending, failures: [{ title, error }] }) to the file named by --reporter-option
// resultFile=PATH or by $SRM_TEST_RESULT_FILE, so the orchestrator can total them.
const fs = require('fs');
const path = require('path');
const { reporters } = require('mocha');

class CountReporter extends reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = (options && options.reporterOption && options.reporterOption.resultFile) || process.env.SRM_TEST_RESULT_FILE;
    const failures = [];
    runner.on('fail', (test, err) => failures.push({ title: test.fullTitle(), error: String((err && err.message) || err) }));
    runner.once('end', () => {
      if (!file) return;
      const s = this.stats;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ passed: s.passes, failed: s.failures, pending: s.pending, failures }, null, 2));
    });
  }
}
module.exports = CountReporter;
