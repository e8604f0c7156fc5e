// Generates data/generated/tf-catalog.json: every resource type and data source of the pinned Terraform AWS
// provider (hashicorp/aws PROVIDER_VERSION) with its CloudFormation namespace (from the hand-curated
// data/terraform/services.yaml), its attribute names and its blocks, and an availability note for the types a
// configuration pinned to another major version cannot use:
//   - "added in provider 6.x": absent from BASELINE_VERSION, the last 5.x release (data/generated/tf-baseline.json);
//   - "removed in provider 6.0": in BASELINE_VERSION, gone from PROVIDER_VERSION (the provider removes types only in
//     a major version); kept so older configurations still get their service, category and the note;
//   - types of other versions that real configurations use (data/terraform/other-versions.yaml), with their note.
//
// The provider's names come from either of two sources, which give the same names:
//   - the provider schema (`terraform providers schema -json`), when terraform is on PATH and the plugin folder
//     ($TF_PLUGIN_DIR or /opt/tf-plugins, or --plugin-dir) holds hashicorp/aws at that version; no network is used;
//   - the prebuilt CDK Terrain bindings of that provider version (CDKTN_PACKAGE@CDKTN_VERSION, whose README names
//     the provider version): every resource and data source class carries its Terraform type name and the
//     attribute and block names. The tarball (about 46 MB) is fetched with `npm pack` into
//     node_modules/.cache/cdktn-provider-aws the first time, checked against its pinned integrity, and read in
//     place; it is never a dependency. The bindings type a few very deep blocks as free-form values (the QuickSight
//     `definition`): those are listed as attributes, below which any path is accepted.
//
//   node scripts/generate-tf-catalog.mjs                 writes the catalog and prints what changed (added, removed, renamed)
//   node scripts/generate-tf-catalog.mjs --print         prints it instead (the unit tests compare it with the committed file)
//   node scripts/generate-tf-catalog.mjs --baseline      writes data/generated/tf-baseline.json, the type and top-level
//                                                        names of BASELINE_VERSION, from terraform (with --print: prints it)
//   --source terraform|cdktn   forces a source        --schema FILE      reads a saved `terraform providers schema -json`
//   --plugin-dir DIR           the provider mirror    --offline          never fetches: exits 3 when no source is at hand
// Exits 1 with a list when a type matches no entry of services.yaml, or when services.yaml names a namespace that is
// not in data/generated/cfn-catalog.json; exits 3 when no source of the provider's names is available.
//
// Output, one type per line (sorted):
//   resources:   type -> {namespace, availability?, attributes: [top-level attribute names],
//                         blocks: {block: [attribute and nested-block names one level down]},
//                         removed?: [top-level names BASELINE_VERSION had and PROVIDER_VERSION removed]}
//                (a type removed since BASELINE_VERSION lists its BASELINE_VERSION names as attributes)
//   dataSources: type -> {namespace, availability?}
// All attributes are listed, computed-only ones (read-only outputs such as arn, tags_all) included: nothing is
// dropped. The provider schema has no descriptions worth keeping (one type in 1,500 had one), so there are none.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createGunzip } from 'node:zlib';
import { parse } from 'yaml';
import { changeLines, previousCatalog, typeChanges } from './catalog-changes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROVIDER_SOURCE = 'hashicorp/aws';
const PROVIDER_VERSION = '6.66.0';
/** The last 5.x release: what a configuration pinned to `~> 5.0` gets. */
const BASELINE_VERSION = '5.100.0';
const CDKTN_PACKAGE = '@cdktn/provider-aws';
const CDKTN_VERSION = '25.7.0';
const CDKTN_INTEGRITY = 'sha512-E/nhu0yVZE4mXMgIPuI8tEFt1BExLkA7ARjihdG+/HmfDfzLr+OEF3dkFRvI6glRt30lrrBWQLwXqCJBxcmyUg==';
const CDKTN_CACHE = join(root, 'node_modules/.cache/cdktn-provider-aws');
const CATALOG_FILE = join(root, 'data/generated/tf-catalog.json');
const BASELINE_FILE = join(root, 'data/generated/tf-baseline.json');
const SERVICES_FILE = join(root, 'data/terraform/services.yaml');
const CFN_CATALOG_FILE = join(root, 'data/generated/cfn-catalog.json');
const OTHER_VERSIONS_FILE = join(root, 'data/terraform/other-versions.yaml');
const SCHEMA_KEY = `registry.terraform.io/${PROVIDER_SOURCE}`;
const major = (version) => version.split('.')[0];
const ADDED_NOTE = `added in provider ${major(PROVIDER_VERSION)}.x (not in ${BASELINE_VERSION}, the last ${major(BASELINE_VERSION)}.x release)`;
const REMOVED_NOTE = `removed in provider ${major(PROVIDER_VERSION)}.0 (last in ${BASELINE_VERSION})`;
/** The exit status when no source of the provider's names is at hand (the unit test then skips). */
const NO_SOURCE = 3;

class GenerationError extends Error {}
class NoSourceError extends Error {}

/** The provider's type names, whatever the source: resources with their attributes and blocks, data sources. */
function emptyProvider(version) {
  return { version, resources: new Map(), dataSources: new Set() };
}

// --- Source 1: `terraform providers schema -json` -------------------------------------------------------------

/** Runs `terraform init` against the local provider mirror in a temp dir and returns the parsed schema JSON. */
function schemaFromTerraform(pluginDir, version) {
  const dir = mkdtempSync(join(tmpdir(), 'srm-tf-schema-'));
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  const run = (args) => {
    try {
      return execFileSync('terraform', args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      throw new GenerationError(`terraform ${args[0]} ${args[1] ?? ''} failed in ${dir}:\n${`${error.stderr ?? ''}${error.stdout ?? ''}`.trim()}`);
    }
  };
  try {
    writeFileSync(
      join(dir, 'main.tf'),
      `terraform {\n  required_providers {\n    aws = {\n      source  = "${PROVIDER_SOURCE}"\n      version = "${version}"\n    }\n  }\n}\n`,
    );
    run(['init', '-input=false', '-no-color', `-plugin-dir=${pluginDir}`]);
    return JSON.parse(run(['providers', 'schema', '-json']));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Attribute names (computed-only included) and nested block type names of a schema block. */
function schemaNames(block) {
  return [...Object.keys(block.attributes ?? {}), ...Object.keys(block.block_types ?? {})].sort();
}

function providerFromSchema(schema, version) {
  const schemas = schema?.provider_schemas?.[SCHEMA_KEY];
  if (!schemas) throw new GenerationError(`schema has no provider ${SCHEMA_KEY}`);
  const provider = emptyProvider(version);
  for (const [type, { block = {} }] of Object.entries(schemas.resource_schemas ?? {})) {
    const blocks = {};
    for (const [name, nested] of Object.entries(block.block_types ?? {})) blocks[name] = schemaNames(nested.block ?? {});
    provider.resources.set(type, { attributes: Object.keys(block.attributes ?? {}), blocks });
  }
  for (const type of Object.keys(schemas.data_source_schemas ?? {})) provider.dataSources.add(type);
  return provider;
}

function terraformAvailable(pluginDir, version) {
  if (!existsSync(join(pluginDir, 'registry.terraform.io', PROVIDER_SOURCE, version))) return false;
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// --- Source 2: the CDK Terrain bindings (@cdktn/provider-aws) -------------------------------------------------

const CDKTN_TARBALL = join(CDKTN_CACHE, `cdktn-provider-aws-${CDKTN_VERSION}.tgz`);

async function sha512(file) {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return `sha512-${hash.digest('base64')}`;
}

/** The bindings tarball in the cache, fetched with `npm pack` when missing (unless offline). */
async function cdktnTarball(offline) {
  if (!existsSync(CDKTN_TARBALL)) {
    if (offline) throw new NoSourceError(`${CDKTN_PACKAGE}@${CDKTN_VERSION} is not in ${CDKTN_CACHE} (npm run data:tf fetches it)`);
    mkdirSync(CDKTN_CACHE, { recursive: true });
    console.error(`fetching ${CDKTN_PACKAGE}@${CDKTN_VERSION} (about 46 MB) into ${CDKTN_CACHE}`);
    const spec = `${CDKTN_PACKAGE}@${CDKTN_VERSION}`;
    try {
      execFileSync('npm', ['pack', spec, '--pack-destination', CDKTN_CACHE, '--silent'], { cwd: CDKTN_CACHE, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      throw new NoSourceError(`npm pack ${spec} failed: ${`${error.stderr ?? error.message}`.trim()}`);
    }
  }
  const integrity = await sha512(CDKTN_TARBALL);
  if (integrity !== CDKTN_INTEGRITY) {
    renameSync(CDKTN_TARBALL, `${CDKTN_TARBALL}.rejected`);
    throw new GenerationError(`${CDKTN_TARBALL} does not match the pinned integrity (moved aside to .rejected): ${integrity}`);
  }
  return CDKTN_TARBALL;
}

/** Calls onFile(path, text) for the regular files of a .tgz that `wanted` accepts, streaming (it unpacks to ~480 MB). */
async function readTarball(file, wanted, onFile) {
  const text = (header, start, length) => {
    const field = header.subarray(start, start + length);
    const end = field.indexOf(0);
    return field.toString('utf8', 0, end < 0 ? length : end);
  };
  let buffered = Buffer.alloc(0);
  let entry;
  let longPath; // from a pax ('x') or GNU ('L') header, for the entry that follows
  for await (const chunk of createReadStream(file).pipe(createGunzip())) {
    buffered = buffered.length > 0 ? Buffer.concat([buffered, chunk]) : chunk;
    let offset = 0;
    for (;;) {
      if (entry) {
        const take = Math.min(entry.remaining, buffered.length - offset);
        if (entry.keep) entry.chunks.push(buffered.subarray(offset, offset + take));
        offset += take;
        entry.remaining -= take;
        if (entry.remaining > 0) break;
        if (entry.keep) {
          const data = Buffer.concat(entry.chunks).subarray(0, entry.size).toString('utf8');
          if (entry.type === 'x') longPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data)?.[1];
          else if (entry.type === 'L') longPath = data.replace(/\0[\s\S]*$/, '');
          else onFile(entry.path, data);
        }
        entry = undefined;
        continue;
      }
      if (buffered.length - offset < 512) break;
      const header = buffered.subarray(offset, offset + 512);
      offset += 512;
      if (header.every((byte) => byte === 0)) continue;
      const size = parseInt(text(header, 124, 12).trim() || '0', 8);
      const type = header[156] === 0 ? '0' : String.fromCharCode(header[156]);
      const prefix = text(header, 345, 155);
      const path = longPath ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
      if (type !== 'x' && type !== 'L') longPath = undefined;
      const keep = type === 'x' || type === 'L' || (type === '0' && wanted(path));
      entry = { path, type, size, remaining: Math.ceil(size / 512) * 512, keep, chunks: [] };
    }
    buffered = buffered.subarray(offset);
  }
}

const CLASS = /^class (\w+) extends (?:cdktn|cdktf)\.(\w+) \{$/gm;
/** The generated code says `// name - computed: …` above every attribute and block, nested ones included. */
const ATTRIBUTE_COMMENT = /^\s*\/\/ (\w+) - computed: (?:true|false), optional: (?:true|false), required: (?:true|false)$/gm;
const HCL_ENTRY = /^\s*(\w+): \{\s*value: [^\n]*\n\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",/gm;

/** The classes of one generated file: name, base class, Terraform type, attribute names and blocks. */
function classesOf(text) {
  const starts = [...text.matchAll(CLASS)];
  return starts.map((match, i) => {
    const body = text.slice(match.index, starts[i + 1]?.index ?? text.length);
    const hcl = /synthesizeHclAttributes\(\) \{([\s\S]*?)\n {4}\}\n/.exec(body)?.[1] ?? '';
    return {
      name: match[1],
      base: match[2],
      tfType: /(?:static |\.)tfResourceType = "([^"]+)";/.exec(body)?.[1],
      attributes: [...body.matchAll(ATTRIBUTE_COMMENT)].map((m) => m[1]),
      // A block's values live in a class of their own: its OutputReference (for a list, set or map: the element's).
      blocks: [...hcl.matchAll(HCL_ENTRY)].filter((m) => m[2] === 'true').map((m) => ({ name: m[1], struct: `${m[4].replace(/(List|Map)$/, '')}OutputReference` })),
    };
  });
}

async function providerFromCdktn(tarball) {
  const classes = new Map();
  let readme = '';
  await readTarball(
    tarball,
    (path) => path === 'package/README.md' || /^package\/lib\/[^/]+\/(index|index-structs\/structs\d+)\.js$/.test(path),
    (path, text) => {
      if (path === 'package/README.md') readme = text;
      else for (const found of classesOf(text)) classes.set(found.name, found);
    },
  );
  const version = /bindings for hashicorp\/aws provider version (\d+\.\d+\.\d+)/.exec(readme)?.[1];
  if (version !== PROVIDER_VERSION) throw new GenerationError(`${CDKTN_PACKAGE}@${CDKTN_VERSION} binds provider ${version ?? '(no version in its README)'}, not ${PROVIDER_VERSION}`);
  const provider = emptyProvider(version);
  const problems = [];
  for (const found of classes.values()) {
    if (!found.tfType) continue;
    if (found.base === 'TerraformDataSource') provider.dataSources.add(found.tfType);
    if (found.base !== 'TerraformResource') continue;
    const blocks = {};
    for (const block of found.blocks) {
      const nested = classes.get(block.struct);
      if (nested) blocks[block.name] = [...nested.attributes].sort();
      else problems.push(`${found.tfType}.${block.name}: no class ${block.struct}`);
    }
    provider.resources.set(found.tfType, { attributes: found.attributes.filter((name) => !(name in blocks)), blocks });
  }
  if (problems.length) throw new GenerationError(`${CDKTN_PACKAGE}@${CDKTN_VERSION}: blocks whose names were not found:\n  ${problems.join('\n  ')}`);
  if (provider.resources.size < 1000) throw new GenerationError(`${CDKTN_PACKAGE}@${CDKTN_VERSION}: only ${provider.resources.size} resources read; has the generated code changed shape?`);
  return provider;
}

// --- The catalog ----------------------------------------------------------------------------------------------

/** Loads services.yaml and returns lookup(type) -> {namespace, note?, via} | undefined, plus the entries. */
function loadServiceTable(text = readFileSync(SERVICES_FILE, 'utf8')) {
  const doc = parse(text);
  if (doc?.schema !== 'srm.tf-services/v1') throw new GenerationError(`${SERVICES_FILE}: expected schema: srm.tf-services/v1`);
  const problems = [];
  const prefixes = new Map();
  for (const entry of doc.prefixes ?? []) {
    if (typeof entry?.prefix !== 'string' || typeof entry?.namespace !== 'string') {
      problems.push(`prefix entry needs prefix and namespace: ${JSON.stringify(entry)}`);
    } else if (prefixes.has(entry.prefix)) problems.push(`duplicate prefix ${entry.prefix}`);
    else prefixes.set(entry.prefix, { namespace: entry.namespace, note: entry.note, via: `prefix ${entry.prefix}` });
  }
  const exact = new Map();
  for (const [type, value] of Object.entries(doc.exact ?? {})) {
    const entry = typeof value === 'string' ? { namespace: value } : value;
    if (typeof entry?.namespace !== 'string') problems.push(`exact ${type}: needs a namespace`);
    else exact.set(type, { namespace: entry.namespace, note: entry.note, via: `exact ${type}` });
  }
  if (problems.length) throw new GenerationError(`${SERVICES_FILE}:\n  ${problems.join('\n  ')}`);
  const byLength = [...prefixes.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const lookup = (type) => exact.get(type) ?? prefixes.get(byLength.find((prefix) => type.startsWith(prefix)));
  return { lookup, prefixes, exact };
}

const sorted = (names) => [...names].sort();
const sortedObject = (map) => Object.fromEntries(sorted(Object.keys(map)).map((key) => [key, map[key]]));

/** The committed names of BASELINE_VERSION: resource type -> its top-level names, and the data sources. */
function readBaseline() {
  const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8'));
  if (baseline.source !== `${PROVIDER_SOURCE} ${BASELINE_VERSION}`) throw new GenerationError(`${BASELINE_FILE} is of ${baseline.source}, not ${BASELINE_VERSION}: run --baseline`);
  return { resources: new Map(Object.entries(baseline.resources)), dataSources: new Set(baseline.dataSources) };
}

function buildCatalogText(provider, baseline = readBaseline()) {
  const { lookup, prefixes, exact } = loadServiceTable();
  const cfnNamespaces = new Set(Object.values(JSON.parse(readFileSync(CFN_CATALOG_FILE, 'utf8')).types).map((t) => t.namespace));
  const problems = [];
  for (const [key, entry] of [...prefixes, ...exact]) {
    if (!cfnNamespaces.has(entry.namespace)) problems.push(`${entry.via}: namespace ${entry.namespace} is not in cfn-catalog.json`);
    if (!key.startsWith('aws_')) problems.push(`${entry.via}: does not start with aws_`);
  }
  const used = new Set();
  const namespaceOf = (type, kind) => {
    const entry = lookup(type);
    if (!entry) {
      problems.push(`${kind} ${type} matches no prefix or exact entry`);
      return '';
    }
    used.add(entry.via);
    return entry.namespace;
  };
  const withNote = (entry, note) => (note ? { namespace: entry.namespace, availability: note, ...entry } : entry);

  const resources = {};
  for (const [type, { attributes, blocks }] of provider.resources) {
    const entry = { namespace: namespaceOf(type, 'resource'), attributes: sorted(attributes), blocks: sortedObject(blocks) };
    const before = baseline.resources.get(type);
    // Names the last 5.x had and this version removed: configurations pinned to 5.x still write them.
    const gone = (before ?? []).filter((name) => !attributes.includes(name) && !(name in blocks));
    resources[type] = withNote(gone.length > 0 ? { ...entry, removed: gone } : entry, before ? undefined : ADDED_NOTE);
  }
  const dataSources = {};
  for (const type of provider.dataSources) {
    dataSources[type] = withNote({ namespace: namespaceOf(type, 'data source') }, baseline.dataSources.has(type) ? undefined : ADDED_NOTE);
  }
  // What the last 5.x had and this version removed: older configurations still use them.
  const removed = [...baseline.resources.keys()].filter((type) => !provider.resources.has(type));
  for (const type of removed) {
    resources[type] = { namespace: namespaceOf(type, 'resource'), availability: REMOVED_NOTE, attributes: baseline.resources.get(type), blocks: {} };
  }
  const removedDataSources = [...baseline.dataSources].filter((type) => !provider.dataSources.has(type));
  for (const type of removedDataSources) dataSources[type] = { namespace: namespaceOf(type, 'data source'), availability: REMOVED_NOTE };
  // Types of other provider versions that real configurations use (data/terraform/other-versions.yaml).
  const otherVersions = parse(readFileSync(OTHER_VERSIONS_FILE, 'utf8')).types;
  for (const [type, entry] of Object.entries(otherVersions)) {
    if (resources[type]) problems.push(`other-versions.yaml: ${type} is in ${provider.resources.has(type) ? PROVIDER_VERSION : BASELINE_VERSION}; remove it`);
    if (!cfnNamespaces.has(entry.namespace)) problems.push(`other-versions.yaml: namespace ${entry.namespace} is not in cfn-catalog.json`);
    resources[type] = { namespace: entry.namespace, availability: entry.availability, attributes: [], blocks: {} };
  }
  if (problems.length) throw new GenerationError(`data/terraform/services.yaml does not fit ${PROVIDER_SOURCE} ${PROVIDER_VERSION}:\n  ${problems.join('\n  ')}`);
  const unused = [...prefixes.values(), ...exact.values()].map((e) => e.via).filter((via) => !used.has(via));
  if (unused.length) console.warn(`warning: services.yaml entries that match no type: ${unused.join(', ')}`);

  const namespaces = new Set([...Object.values(resources), ...Object.values(dataSources)].map((e) => e.namespace));
  const header = {
    generatedBy: 'scripts/generate-tf-catalog.mjs',
    source: `${PROVIDER_SOURCE} ${PROVIDER_VERSION}`,
    providerVersion: PROVIDER_VERSION,
    baseline: `${PROVIDER_SOURCE} ${BASELINE_VERSION}`,
    count: Object.keys(resources).length,
    addedSinceBaselineCount: [...provider.resources.keys()].filter((type) => !baseline.resources.has(type)).length,
    removedSinceBaselineCount: removed.length,
    otherVersionCount: Object.keys(otherVersions).length,
    dataSourceCount: Object.keys(dataSources).length,
    namespaceCount: namespaces.size,
    notes:
      `resources and data sources of ${PROVIDER_SOURCE} ${PROVIDER_VERSION}, with "${ADDED_NOTE}" on those ${BASELINE_VERSION} lacks, plus those ${BASELINE_VERSION} had ` +
      `and ${PROVIDER_VERSION} lacks ("${REMOVED_NOTE}") and those of data/terraform/other-versions.yaml; namespace from data/terraform/services.yaml; ` +
      'attributes lists all top-level attributes (computed-only included, nothing dropped); blocks maps each top-level block to its attribute and nested-block names, one level deep; ' +
      `removed lists the top-level names ${BASELINE_VERSION} had and ${PROVIDER_VERSION} removed`,
  };
  // One type per line: compact, and diffs stay readable.
  const lines = (map) => Object.entries(sortedObject(map)).map(([type, entry]) => `  ${JSON.stringify(type)}: ${JSON.stringify(entry)}`).join(',\n');
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},\n"resources": {\n${lines(resources)}\n},\n"dataSources": {\n${lines(dataSources)}\n}}\n`;
}

/** The baseline file: the resource types of BASELINE_VERSION with their top-level names, one per line, and its data sources. */
function buildBaselineText(provider) {
  const header = {
    generatedBy: 'scripts/generate-tf-catalog.mjs --baseline',
    source: `${PROVIDER_SOURCE} ${provider.version}`,
    notes:
      `the resource types (with their top-level attribute and block names) and data sources of the last ${major(provider.version)}.x release: ` +
      'the catalog notes the types and names added and removed since',
  };
  const resources = sorted(provider.resources.keys()).map((type) => {
    const { attributes, blocks } = provider.resources.get(type);
    return `  ${JSON.stringify(type)}: ${JSON.stringify(sorted([...attributes, ...Object.keys(blocks)]))}`;
  });
  const dataSources = sorted(provider.dataSources).map((name) => `  ${JSON.stringify(name)}`);
  return `${JSON.stringify(header).slice(0, -1)},\n"resources": {\n${resources.join(',\n')}\n},\n"dataSources": [\n${dataSources.join(',\n')}\n]}\n`;
}

// --- Command line -----------------------------------------------------------------------------------------------

function optionValue(args, name) {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (!value || value.startsWith('--')) throw new GenerationError(`${name} needs a value`);
  return value;
}

/** The provider's names at `version`, from the source asked for or the first one at hand. */
async function loadProvider(args, version) {
  const schemaFile = optionValue(args, '--schema');
  if (schemaFile) {
    try {
      return providerFromSchema(JSON.parse(readFileSync(schemaFile, 'utf8')), version);
    } catch (error) {
      if (error instanceof GenerationError) throw error;
      throw new GenerationError(`cannot read schema ${schemaFile}: ${error.message}`);
    }
  }
  const pluginDir = resolve(optionValue(args, '--plugin-dir') ?? process.env.TF_PLUGIN_DIR ?? '/opt/tf-plugins');
  const source = optionValue(args, '--source') ?? (terraformAvailable(pluginDir, version) ? 'terraform' : 'cdktn');
  if (source === 'terraform') {
    if (!terraformAvailable(pluginDir, version)) throw new NoSourceError(`terraform or ${PROVIDER_SOURCE} ${version} in ${pluginDir} is missing`);
    return providerFromSchema(schemaFromTerraform(pluginDir, version), version);
  }
  if (source !== 'cdktn') throw new GenerationError(`--source must be terraform or cdktn, not ${source}`);
  if (version !== PROVIDER_VERSION) throw new NoSourceError(`${PROVIDER_SOURCE} ${version} comes from terraform only, and ${pluginDir} does not hold it`);
  return providerFromCdktn(await cdktnTarball(args.includes('--offline')));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const baselineMode = args.includes('--baseline');
  const file = baselineMode ? BASELINE_FILE : CATALOG_FILE;
  try {
    const provider = await loadProvider(args, baselineMode ? BASELINE_VERSION : PROVIDER_VERSION);
    const text = baselineMode ? buildBaselineText(provider) : buildCatalogText(provider);
    if (args.includes('--print')) process.stdout.write(text);
    else {
      const before = previousCatalog(file);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      const after = JSON.parse(text);
      if (baselineMode) console.log(`wrote ${file} (${Object.keys(after.resources).length} resources, ${after.dataSources.length} data sources of ${after.source})`);
      else {
        console.log(`wrote ${file}: ${after.source} (${after.count} resources, ${after.addedSinceBaselineCount} of them added since ${BASELINE_VERSION}, ` +
          `${after.removedSinceBaselineCount} removed since; ${after.dataSourceCount} data sources; ${after.namespaceCount} namespaces; ${text.length} bytes)`);
        console.log(`changes against the previous catalog (${before?.source ?? 'none'}):`);
        for (const line of changeLines('resources', typeChanges(before?.resources, after.resources))) console.log(line);
        for (const line of changeLines('data sources', typeChanges(before?.dataSources, after.dataSources))) console.log(line);
      }
    }
  } catch (error) {
    if (!(error instanceof GenerationError || error instanceof NoSourceError)) throw error;
    console.error(`generate-tf-catalog: ${error.message}`);
    process.exit(error instanceof NoSourceError ? NO_SOURCE : 1);
  }
}
