// Generates the Prisma client (WASM only). Prisma's CLI would download a native
// schema engine from a host this machine cannot reach; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file makes it skip the download,
// and generation itself needs no engine. See ../shared/ENVIRONMENT.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'packages/db/node_modules/prisma/build/index.js');
if (!existsSync(cli) || !existsSync(path.join(root, 'prisma/schema.prisma'))) {
  console.log('prisma-generate: nothing to generate yet');
  process.exit(0);
}
const res = spawnSync(process.execPath, [cli, 'generate', '--schema', 'prisma/schema.prisma'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
});
if (res.status !== 0) {
  process.stdout.write(res.stdout);
  process.exit(res.status ?? 1);
}
console.log('prisma-generate: client generated');
