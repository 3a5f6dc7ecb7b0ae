// `npm start`: install, check services, build the console, migrate, seed the
// demo region if the database is empty, then run API + worker until Ctrl-C.
import { spawn } from 'node:child_process';
import { ensureInstalled, ensureServices, loadDotEnv, log, mustRun, pnpm, root } from './lib/prepare.mjs';

loadDotEnv();
await ensureServices();
ensureInstalled();

const tsx = ['--import', 'tsx'];
log('building the console…');
if (pnpm(['--filter', '@rhip/web', 'run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) process.exit(1);
log('applying database migrations…');
mustRun(process.execPath, [...tsx, 'packages/db/src/migrate/cli.ts', 'deploy']);
log('seeding the demo region if the database is empty…');
mustRun(process.execPath, [...tsx, 'prisma/seed/cli.ts', '--size', process.env.SEED_SIZE ?? 'demo', '--if-empty']);
// Seeded history never went through the worker: compute its statuses, rollups and KPIs once.
mustRun(process.execPath, [...tsx, 'apps/worker/src/maintenance/rebuild-cli.ts', '--if-missing']);

const port = Number(process.env.PORT ?? 3000);
const children = [
  spawn(process.execPath, [...tsx, 'apps/api/src/server.ts'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, [...tsx, 'apps/worker/src/main.ts'], { cwd: root, stdio: 'inherit' }),
];
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const c of children) {
  c.on('exit', (code) => {
    if (!stopping) {
      console.error(`[rhip] a process exited (code ${code}); stopping the others`);
      stop('SIGTERM');
      process.exitCode = code ?? 1;
    }
  });
}

// Announce once the API answers /readyz.
const base = `http://localhost:${port}`;
for (let i = 0; i < 120 && !stopping; i++) {
  const ok = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
  if (ok) {
    const user = process.env.ADMIN_USERNAME ?? 'admin';
    const password = process.env.ADMIN_PASSWORD ? '(from ADMIN_PASSWORD)' : 'Admin@12345';
    console.log(`\n  区域全民健康信息平台 is up\n  Console:  ${base}/\n  API:      ${base}/api  (docs ${base}/api/docs)\n  Login:    ${user} / ${password}\n  Stop with Ctrl-C.\n`);
    break;
  }
  await new Promise((r) => setTimeout(r, 500));
}
