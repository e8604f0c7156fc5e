// `npm start`: builds the extension, installs it into a real VS Code (code-server 4.100.3 = VS Code 1.100.3,
// installed offline into node_modules/.cache on first use) and serves the sample workspace (examples/) at a
// local URL to open in a browser. Runs until Ctrl-C, then stops code-server and everything it started.
//   npm start                   a free port
//   PORT=8080 npm start         a fixed port
//   npm start -- --no-build     skip `npm run build`
//   npm start -- path/to/folder open another folder
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CS_VERSION, ROOT, cleanupAll, ensureCodeServer, packageVsix, setSignalExitCode, startCodeServer, tempDir, vscodeVersion, workbenchUrl } from './vscode-host.mjs';

const args = process.argv.slice(2);
const folder = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(ROOT, 'examples'));
if (!fs.existsSync(folder)) {
  console.error(`no such folder: ${folder}`);
  process.exit(2);
}

async function main() {
  setSignalExitCode(0); // Ctrl-C is the normal way to stop
  if (!args.includes('--no-build')) {
    const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  ensureCodeServer({ chromium: false });
  const vsix = packageVsix(tempDir('vsix'));
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  const server = await startCodeServer({ name: 'start', vsix, port, settings: { 'editor.hover.delay': 300 } });
  const url = workbenchUrl(server.url, folder);
  console.log(`
AWS Shared Responsibility Lens is running in VS Code ${vscodeVersion()} (code-server ${CS_VERSION}), workspace ${path.relative(process.cwd(), folder) || '.'}

  Open:  ${url}

Hover over a resource type (AWS::S3::Bucket, AWS::Lambda::Function, ...) to see who secures what.
code-server log: ${server.logFile}
Press Ctrl-C to stop.`);
  const child = await server.exited;
  console.error(`code-server stopped unexpectedly (${JSON.stringify(child)}); last output:\n${server.output().slice(-2000)}`);
  await cleanupAll();
  process.exit(1);
}

main().catch(async (e) => {
  console.error(e.message);
  await cleanupAll();
  process.exit(1);
});
