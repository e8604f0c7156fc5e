// Measures our findings against what checkov and cfn_nag document for the shared corpus.
//   npm run eval [-- --verbose] [--min-precision N] [--corpus DIR]
//
// For every rule of data/rules/*.yaml and every checkov / cfn_nag check id the rule claims in `matches`, it
// takes the corpus files whose expected findings (../shared/corpus/expected_findings/{checkov,cfn_nag}.json)
// cover that check, scans them all with one `node dist/cli.js scan … --format json`, and counts per resource:
//   agreed flag   both flag the resource
//   agreed pass   neither does, where the expectation says the resource passes (checkov's passing list; for
//                 cfn_nag, the file's other resources of a type the rule covers, since its spec lists every
//                 resource it expects)
//   ours only     we flag it, they expect a pass (checkov: a resource in neither of its lists is not judged, not counted)
//   theirs only   they flag it, we do not
// "We flag" means a finding of the rule that is not suppressed and is at the rule's own severity or above: a
// finding downgraded to `hint` (an AWS default covers it) or `information` (depends on a parameter) is not a flag;
// such cases are counted in the `theirs only, we soft` column and shown by --verbose.
// Expectations that only name the file (checkov tests that assert counts, marked with a `note`): a file that
// says FAILED counts once, as agreed when we flag anything of the rule in it, else as theirs only; a file that
// says PASSED (or UNKNOWN) expects no failing resource, so each resource we flag there is ours only.
//
// precision = agreed flag / (agreed flag + ours only), recall = agreed flag / (agreed flag + theirs only), for the
// rules of severity warning and error, and for all rules. Writes the same table to test-results/eval.md.
// Exits 0 whatever it measures (it is a measurement); with --min-precision N (a fraction such as 0.8, or a
// percentage such as 80) it exits 1 when the warning+error precision is below N. Exits 2 when it cannot run.
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname, resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = ['checkov', 'cfn_nag'];
const RANK = { hint: 0, information: 1, warning: 2, error: 3 };
const USAGE = 'usage: node scripts/eval.mjs [--verbose] [--min-precision N] [--corpus DIR]';

function parseArgs(argv) {
  const options = { verbose: false, minPrecision: undefined, corpus: resolve(root, '..', 'shared', 'corpus') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') ? argv[i].split('=', 2) : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--verbose' || flag === '-v') options.verbose = true;
    else if (flag === '--min-precision') {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0 || n > 100) throw new UsageError('--min-precision takes a number: a fraction (0.8) or a percentage (80)');
      options.minPrecision = n > 1 ? n / 100 : n;
    } else if (flag === '--corpus') options.corpus = resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`unknown argument '${argv[i]}'`);
  }
  return options;
}

class UsageError extends Error {}

const posix = (p) => p.split(sep).join('/');

// ---------------------------------------------------------------------------------------------- our rules

function loadRules() {
  const dir = join(root, 'data', 'rules');
  const rules = new Map();
  if (!existsSync(dir)) return rules;
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const doc = parseYaml(readFileSync(join(dir, name), 'utf8'));
    for (const rule of doc?.rules ?? []) {
      if (!rule?.id) continue;
      const types = rule.resource_types;
      rules.set(rule.id, {
        id: rule.id,
        file: name,
        severity: rule.severity ?? 'unknown',
        absentSeverity: rule.absent?.severity,
        types: types ? new Set([...(types.cfn ?? []), ...(types.tf ?? [])]) : undefined,
        matches: Object.fromEntries(['checkov', 'cfn_nag', 'trivy'].map((t) => [t, [...new Set(rule.matches?.[t] ?? [])]])),
      });
    }
  }
  return rules;
}

// ---------------------------------------------------------------------------------------------- their expectations

/** A checkov resource string: `AWS::S3::Bucket.Foo` or a Terraform address `aws_s3_bucket.foo` / `data.x.y`. */
function checkovResource(text) {
  const cfn = /^(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+(?:::[A-Za-z0-9]+)?)\.(.+)$/.exec(text);
  if (cfn) return { id: cfn[2], type: cfn[1] };
  const parts = text.split('.');
  return { id: text, type: parts[0] === 'data' ? parts[1] : parts[0] };
}

/**
 * expectations.get(`${tool}:${check}`) = [{ file, kind, failing: Map(id -> type|undefined), passing: Map | null, note }]
 * kind: 'lists' (resource lists), 'count-fail' / 'count-pass' (file name only), 'nag' (cfn_nag complete list).
 */
function loadExpectations(corpus) {
  const expectations = new Map();
  const add = (tool, check, entry) => {
    const key = `${tool}:${check}`;
    if (!expectations.has(key)) expectations.set(key, []);
    expectations.get(key).push(entry);
  };
  const checkov = JSON.parse(readFileSync(join(corpus, 'expected_findings', 'checkov.json'), 'utf8'));
  for (const [file, entry] of Object.entries(checkov)) {
    for (const check of entry.checks ?? []) {
      if (!check?.check_id) continue;
      if (entry.failing_resources_in_file || entry.passing_resources_in_file) {
        const toMap = (list) => new Map((list ?? []).map(checkovResource).map((r) => [r.id, r.type]));
        add('checkov', check.check_id, {
          file,
          kind: 'lists',
          failing: toMap(entry.failing_resources_in_file),
          // Four entries carry only a failing list: their other resources are not known to pass.
          passing: entry.passing_resources_in_file ? toMap(entry.passing_resources_in_file) : null,
          partial: !entry.passing_resources_in_file,
        });
      } else {
        const base = file.split('/').pop();
        const failed = entry.note ? /says FAILED/i.test(entry.note) : /FAIL/i.test(base);
        add('checkov', check.check_id, { file, kind: failed ? 'count-fail' : 'count-pass', failing: new Map(), passing: null, note: entry.note });
      }
    }
  }
  const cfnNag = JSON.parse(readFileSync(join(corpus, 'expected_findings', 'cfn_nag.json'), 'utf8'));
  for (const [file, entry] of Object.entries(cfnNag)) {
    for (const rule of entry.rules ?? []) {
      if (!rule?.rule_id) continue; // a spec that only checks the template parses
      add('cfn_nag', rule.rule_id, {
        file,
        kind: 'nag',
        failing: new Map((rule.expected_logical_resource_ids ?? []).map((id) => [id, undefined])),
        passing: null,
      });
    }
  }
  return expectations;
}

// ---------------------------------------------------------------------------------------------- our findings

function scan(corpus, files) {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${posix(relative(process.cwd(), cli))} is missing: run npm run build first`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [cli, 'scan', ...files, '--format', 'json'], {
    cwd: corpus,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  let output;
  try {
    output = JSON.parse(run.stdout);
  } catch {
    throw new Error(`srm-lens scan exited ${run.status} without JSON: ${(run.stderr || run.stdout).trim().split('\n')[0] ?? ''}`);
  }
  const byFile = new Map();
  for (const file of output.files ?? []) {
    const path = posix(relative(corpus, resolve(corpus, file.path)));
    byFile.set(path, {
      format: file.format,
      resources: new Map((file.resources ?? []).map((r) => [r.id, r])),
      findings: file.findings ?? [],
      errors: file.errors ?? [],
    });
  }
  return { byFile, seconds: (Date.now() - started) / 1000, exit: run.status, stderr: run.stderr, version: output.tool?.version };
}

// ---------------------------------------------------------------------------------------------- comparison

const line = (range) => (range?.start?.line !== undefined ? `:${range.start.line + 1}` : '');
const clip = (text, n = 110) => {
  const t = String(text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

/** Whether a finding of `rule` counts as a flag: not suppressed, and not downgraded below the rule's severity. */
function isFlag(finding, rule) {
  if (finding.suppressed) return false;
  if (!(finding.severity in RANK)) return true;
  // The lowest level the rule raises on its own: its severity, or its `absent.severity` when that is not a hint.
  const levels = [rule.severity, rule.absentSeverity].filter((s) => s in RANK && s !== 'hint');
  if (levels.length === 0) return true;
  return RANK[finding.severity] >= Math.min(...levels.map((s) => RANK[s]));
}

function describeOurs(findings) {
  return findings
    .map((f) => `${f.suppressed ? `${f.severity}, suppressed by ${f.suppressed.by}` : f.severity}${f.range ? ` (line ${f.range.start.line + 1})` : ''}: ${clip(f.message)}`)
    .join(' | ');
}

function compare(rules, expectations, ours) {
  const rows = [];
  const disagreements = [];
  const unclaimedInCorpus = [];
  // Which rules claim each check, to give a resource of the other tool to the rule(s) that cover its type.
  const claimants = new Map();
  for (const rule of rules.values())
    for (const tool of TOOLS) for (const check of rule.matches[tool]) {
      const key = `${tool}:${check}`;
      if (!claimants.has(key)) claimants.set(key, []);
      claimants.get(key).push(rule);
    }
  const covers = (rule, type) => !rule.types || type === undefined || rule.types.has(type);
  const attributed = (rule, key, type) =>
    type === undefined || covers(rule, type) || !claimants.get(key).some((other) => covers(other, type));

  for (const rule of [...rules.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const tool of TOOLS) {
      for (const check of rule.matches[tool]) {
        const key = `${tool}:${check}`;
        const entries = expectations.get(key);
        if (!entries) {
          unclaimedInCorpus.push(`${rule.id} ${key}`);
          continue;
        }
        const row = { rule, tool, check, files: 0, agreedFlag: 0, agreedPass: 0, oursOnly: 0, theirsOnly: 0, theirsSoft: 0, notScanned: 0, sibling: 0, notJudged: 0 };
        const record = (file, resource, kind, theirs, we) => disagreements.push({ rule: rule.id, severity: rule.severity, tool, check, file, resource, kind, theirs, we });
        for (const entry of entries) {
          const scanned = ours.byFile.get(entry.file);
          if (!scanned) {
            row.notScanned++;
            continue;
          }
          const typeOf = (id, given) => given ?? scanned.resources.get(id)?.type;
          const mine = scanned.findings.filter((f) => f.ruleId === rule.id);
          const othersOn = (resource) => {
            const others = scanned.findings.filter((f) => f.resource === resource && f.ruleId !== rule.id);
            return others.length ? `; other rules on it: ${[...new Set(others.map((f) => `${f.ruleId} (${f.severity})`))].join(', ')}` : '';
          };
          const flags = new Map();
          const soft = new Map();
          for (const f of mine) {
            const into = isFlag(f, rule) ? flags : soft;
            if (!into.has(f.resource)) into.set(f.resource, []);
            into.get(f.resource).push(f);
          }
          // A file-level expectation only counts when the file holds something this rule (or no claimant) covers.
          const fileConcerns = () => {
            const types = [...scanned.resources.values()].map((r) => r.type);
            if (types.some((t) => rule.types?.has(t) ?? true)) return true;
            return !claimants.get(key).some((other) => types.some((t) => other.types?.has(t) ?? true));
          };
          if (entry.kind === 'count-fail') {
            if (!fileConcerns() && flags.size === 0) continue;
            row.files++;
            if (flags.size > 0) row.agreedFlag++;
            else {
              row.theirsOnly++;
              if (soft.size) row.theirsSoft++;
              record(entry.file, '(file says FAILED; resources not named)', 'theirs only', 'fails (count-only test)', soft.size ? describeOurs([...soft.values()].flat()) : 'no finding');
            }
            continue;
          }
          if (entry.kind === 'count-pass') {
            if (!fileConcerns() && flags.size === 0) continue;
            row.files++;
            for (const [resource, fs] of flags) {
              row.oursOnly++;
              record(entry.file, resource, 'ours only', `file says PASSED/other (${clip(entry.note, 60)})`, describeOurs(fs));
            }
            continue;
          }
          // A resource that another check claimed by the same rule expects to fail (cfn_nag W31 public-read vs
          // F14 public-read-write, both one rule of ours) is neither agreement nor disagreement for this check.
          const sibling = new Set();
          for (const other of rule.matches[tool])
            if (other !== check)
              for (const e of expectations.get(`${tool}:${other}`) ?? []) if (e.file === entry.file) for (const id of e.failing.keys()) sibling.add(id);
          const neutral = (resource) => sibling.has(resource) && !entry.failing.has(resource);
          let passing = entry.passing;
          if (entry.kind === 'nag') {
            // cfn_nag's spec names every resource it flags: the file's other resources of our rule's types pass.
            passing = new Map();
            for (const r of scanned.resources.values())
              if (!entry.failing.has(r.id) && rule.types?.has(r.type)) passing.set(r.id, r.type);
          }
          let counted = false;
          for (const [resource, given] of entry.failing) {
            const type = typeOf(resource, given);
            if (!attributed(rule, key, type)) continue;
            counted = true;
            if (flags.has(resource)) row.agreedFlag++;
            else {
              row.theirsOnly++;
              const missing = !scanned.resources.has(resource);
              const uncovered = type !== undefined && rule.types && !rule.types.has(type) ? `[no rule of ours claiming ${check} covers ${type}] ` : '';
              if (soft.has(resource)) row.theirsSoft++;
              record(
                entry.file,
                resource,
                'theirs only',
                `flags ${type ?? ''}`.trim(),
                uncovered + (missing ? '[resource not in our scan] ' : '') +
                  (soft.has(resource) ? describeOurs(soft.get(resource)) : 'no finding') +
                  (scanned.resources.get(resource)?.range ? ` (resource at line ${scanned.resources.get(resource).range.start.line + 1})` : '') +
                  othersOn(resource),
              );
            }
          }
          for (const [resource, given] of passing ?? []) {
            if (!attributed(rule, key, typeOf(resource, given))) continue;
            if (neutral(resource)) {
              row.sibling++;
              continue;
            }
            counted = true;
            if (flags.has(resource)) {
              row.oursOnly++;
              record(entry.file, resource, 'ours only', entry.kind === 'nag' ? 'not flagged' : 'passes', describeOurs(flags.get(resource)));
            } else row.agreedPass++;
          }
          for (const [resource, fs] of flags) {
            if (entry.failing.has(resource) || passing?.has(resource)) continue;
            counted = true;
            if (neutral(resource)) {
              row.sibling++;
              continue;
            }
            // checkov lists both the failing and the passing resources of its check: one in neither list is a
            // resource it does not judge (another type, another shape), so it says nothing about precision.
            if (entry.kind !== 'nag' && !entry.partial) {
              row.notJudged++;
              record(entry.file, resource, 'not judged by them', 'not listed as failing or passing', describeOurs(fs));
              continue;
            }
            row.oursOnly++;
            record(entry.file, resource, 'ours only', entry.kind === 'nag' ? 'not flagged' : 'not listed (only failing resources known)', describeOurs(fs));
          }
          if (counted) row.files++;
        }
        rows.push(row);
      }
    }
  }
  return { rows, disagreements, unclaimedInCorpus };
}

// ---------------------------------------------------------------------------------------------- report

const ratio = (num, den) => (den === 0 ? undefined : num / den);
const pct = (x) => (x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`);

function totals(rows) {
  const t = { rows: rows.length, agreedFlag: 0, agreedPass: 0, oursOnly: 0, theirsOnly: 0, theirsSoft: 0 };
  for (const r of rows) for (const k of ['agreedFlag', 'agreedPass', 'oursOnly', 'theirsOnly', 'theirsSoft']) t[k] += r[k];
  t.precision = ratio(t.agreedFlag, t.agreedFlag + t.oursOnly);
  t.recall = ratio(t.agreedFlag, t.agreedFlag + t.theirsOnly);
  return t;
}

const HEAD = ['rule', 'severity', 'tool:check', 'files', 'agreed flag', 'agreed pass', 'ours only', 'theirs only', 'theirs only, we soft'];

function tableCells(rows) {
  return rows.map((r) => [
    r.rule.id,
    r.rule.absentSeverity && r.rule.absentSeverity !== r.rule.severity ? `${r.rule.severity} (absent: ${r.rule.absentSeverity})` : r.rule.severity,
    `${r.tool}:${r.check}`,
    String(r.files),
    String(r.agreedFlag),
    String(r.agreedPass),
    String(r.oursOnly),
    String(r.theirsOnly),
    String(r.theirsSoft),
  ]);
}

function totalCells(label, t) {
  return [label, '', `${t.rows} rows`, '', String(t.agreedFlag), String(t.agreedPass), String(t.oursOnly), String(t.theirsOnly), String(t.theirsSoft)];
}

function textTable(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const numeric = (i) => i >= 3;
  const fmt = (row) => row.map((c, i) => (numeric(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n');
}

const mdEscape = (s) => String(s).replace(/\|/g, '\\|');
function mdTable(head, body) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i >= 3 ? '---:' : '---')).join(' | ')} |`,
    ...body.map((row) => `| ${row.map(mdEscape).join(' | ')} |`),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------- main

function main() {
  const options = parseArgs(process.argv.slice(2));
  const corpus = options.corpus;
  if (!existsSync(join(corpus, 'expected_findings'))) {
    console.log(`eval: no corpus at ${corpus} (expected_findings/ absent); nothing to compare.`);
    return 0;
  }
  const rules = loadRules();
  const expectations = loadExpectations(corpus);
  const files = [...new Set([...expectations.values()].flat().map((e) => e.file))].filter((f) => existsSync(join(corpus, f))).sort();
  const ours = scan(corpus, files);
  const { rows, disagreements, unclaimedInCorpus } = compare(rules, expectations, ours);

  const severe = rows.filter((r) => r.rule.severity === 'warning' || r.rule.severity === 'error');
  const tSevere = totals(severe);
  const tAll = totals(rows);

  // Things in our output that look wrong, whatever the other tools say.
  const problems = [];
  let findingCount = 0;
  const unknownRules = new Map();
  const mismatches = new Map();
  for (const [path, file] of ours.byFile) {
    for (const e of file.errors) problems.push(`${path}${line(e.range)}: parse error: ${clip(e.message)}`);
    for (const f of file.findings) {
      findingCount++;
      const rule = rules.get(f.ruleId);
      if (!rule) {
        unknownRules.set(f.ruleId, (unknownRules.get(f.ruleId) ?? 0) + 1);
        continue;
      }
      if (!file.resources.has(f.resource)) problems.push(`${path}${line(f.range)}: ${f.ruleId} names resource '${f.resource}', which is not in the file's resources`);
      for (const tool of ['checkov', 'cfn_nag', 'trivy']) {
        const got = [...new Set(f.matches?.[tool] ?? [])].sort().join(',');
        const want = [...rule.matches[tool]].sort().join(',');
        if (got !== want) {
          const key = `${f.ruleId}: findings carry matches.${tool} [${got}] but the rule claims [${want}]`;
          if (!mismatches.has(key)) mismatches.set(key, { count: 0, example: path });
          mismatches.get(key).count++;
        }
      }
      if (!(f.severity in RANK)) problems.push(`${path}: ${f.ruleId} has severity '${f.severity}'`);
    }
  }
  for (const [key, { count, example }] of mismatches) problems.push(`${key} (${count} finding(s), e.g. ${example})`);
  for (const [id, n] of unknownRules) problems.push(`${n} finding(s) of rule '${id}', which data/rules does not define`);
  const notScanned = rows.reduce((n, r) => n + r.notScanned, 0);
  if (files.length !== ours.byFile.size) problems.push(`scanned ${files.length} files but the CLI reported ${ours.byFile.size}`);

  const claimed = [...rules.values()].reduce((n, r) => n + r.matches.checkov.length + r.matches.cfn_nag.length, 0);
  const header = [
    `srm-lens ${ours.version ?? '?'} vs checkov/cfn_nag expected findings (${relative(root, corpus).startsWith(`..${sep}..`) ? corpus : posix(relative(root, corpus))})`,
    `${rules.size} rules in data/rules, ${claimed} checkov/cfn_nag ids claimed, ${rows.length} with expectations in the corpus; ` +
      `${files.length} files scanned in ${ours.seconds.toFixed(1)} s, ${findingCount} findings`,
  ];
  const summary = [
    `warning+error rules: precision ${pct(tSevere.precision)} (${tSevere.agreedFlag}/${tSevere.agreedFlag + tSevere.oursOnly}), recall ${pct(tSevere.recall)} (${tSevere.agreedFlag}/${tSevere.agreedFlag + tSevere.theirsOnly})`,
    `all rules:           precision ${pct(tAll.precision)} (${tAll.agreedFlag}/${tAll.agreedFlag + tAll.oursOnly}), recall ${pct(tAll.recall)} (${tAll.agreedFlag}/${tAll.agreedFlag + tAll.theirsOnly})`,
  ];
  const body = tableCells(rows);
  const withTotals = [...body, totalCells('total, warning+error', tSevere), totalCells('total, all', tAll)];
  const notes = [];
  if (rules.size === 0) notes.push('data/rules holds no rules yet: nothing to compare.');
  else if (rows.length === 0) notes.push('No rule claims a checkov or cfn_nag id that the corpus has expectations for.');
  const unclaimedNote = unclaimedInCorpus.length ? `Claimed ids with no expectation in the corpus (${unclaimedInCorpus.length}): ${unclaimedInCorpus.join(', ')}` : undefined;
  const siblings = rows.reduce((n, r) => n + r.sibling, 0);
  if (siblings) notes.push(`${siblings} resource(s) not counted for a check because another check the same rule claims expects them to fail: ${rows.filter((r) => r.sibling).map((r) => `${r.rule.id} ${r.tool}:${r.check}`).join(', ')}`);
  if (notScanned) notes.push(`${notScanned} expectation file(s) missing from the scan output.`);

  // Disagreements, grouped by rule and check.
  disagreements.sort((a, b) => a.rule.localeCompare(b.rule) || a.check.localeCompare(b.check) || a.kind.localeCompare(b.kind) || a.file.localeCompare(b.file) || a.resource.localeCompare(b.resource));
  const disagreementLines = disagreements.map((d) => `${d.rule} ${d.tool}:${d.check} ${d.kind}: ${d.file} ${d.resource} — they: ${d.theirs}; we: ${d.we}`);

  console.log(header.join('\n'));
  console.log();
  console.log(rows.length ? textTable(HEAD, withTotals) : '(no rows)');
  console.log();
  console.log(summary.join('\n'));
  for (const n of notes) console.log(`note: ${n}`);
  if (unclaimedNote)
    console.log(options.verbose ? `note: ${unclaimedNote}` : `note: ${unclaimedInCorpus.length} claimed ids have no expectation in the corpus (--verbose or test-results/eval.md lists them)`);
  if (problems.length) {
    console.log(`\nin our output (${problems.length}):`);
    for (const p of problems.slice(0, options.verbose ? Infinity : 10)) console.log(`  ${p}`);
    if (!options.verbose && problems.length > 10) console.log(`  … ${problems.length - 10} more (--verbose)`);
  }
  if (options.verbose) {
    console.log(`\ndisagreements (${disagreements.length}):`);
    for (const l of disagreementLines) console.log(`  ${l}`);
  } else if (disagreements.length) console.log(`\n${disagreements.length} disagreements (--verbose lists them)`);

  const md = [
    '# Evaluation against checkov and cfn_nag expected findings',
    '',
    ...header.map((h) => `${h}  `),
    `Generated ${new Date().toISOString()} by \`npm run eval\` (scripts/eval.mjs).`,
    '',
    rows.length ? mdTable(HEAD, withTotals) : '_No rows._',
    '',
    ...summary.map((s) => `- ${s.replace(/\s+/g, ' ')}`),
    ...notes.map((n) => `- ${n}`),
    ...(unclaimedNote ? [`- ${unclaimedNote}`] : []),
    '',
    'agreed flag: both flag the resource; agreed pass: neither does where the expectation says it passes; ours only: we flag, they expect a pass (a resource checkov lists neither as failing nor as passing is not counted); theirs only: they flag, we do not (we soft: we only gave a hint, an information or a suppressed finding). Precision = agreed flag / (agreed flag + ours only); recall = agreed flag / (agreed flag + theirs only).',
  ];
  if (problems.length) md.push('', '## In our output', '', ...problems.map((p) => `- ${mdEscape(p)}`));
  if (options.verbose)
    md.push(
      '',
      `## Disagreements (${disagreements.length})`,
      '',
      mdTable(
        ['rule', 'tool:check', 'kind', 'file', 'resource', 'they', 'we'],
        disagreements.map((d) => [d.rule, `${d.tool}:${d.check}`, d.kind, d.file, d.resource, d.theirs, d.we]),
      ),
    );
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(join(root, 'test-results', 'eval.md'), `${md.join('\n')}\n`);

  if (options.minPrecision !== undefined) {
    if (tSevere.precision === undefined) console.log(`\n--min-precision ${options.minPrecision}: no warning/error flags to measure; not failing.`);
    else if (tSevere.precision < options.minPrecision) {
      console.log(`\nwarning+error precision ${pct(tSevere.precision)} is below --min-precision ${pct(options.minPrecision)}`);
      return 1;
    }
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`eval: ${error instanceof UsageError ? `${error.message}\n${USAGE}` : (error?.stack ?? error)}`);
  process.exitCode = 2;
}
