// Runs a TypeScript entry point with tsx, so `npm run <script>` works before
// anything is built. Arguments after the entry point are passed through.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
let tsxCli;
try {
  tsxCli = require.resolve('tsx/cli');
} catch {
  console.error('Dependencies are not installed: run `npm start` or `npx --yes pnpm@10 install` first.');
  process.exit(1);
}
const [entry, ...args] = process.argv.slice(2);
const res = spawnSync(process.execPath, [tsxCli, path.join(root, entry), ...args], { stdio: 'inherit', cwd: root });
process.exit(res.status ?? 1);
