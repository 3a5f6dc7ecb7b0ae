import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '../../packages/db/src/testing';
import { parseConfig } from '../../packages/config/src';
import { seedRegion } from '../../prisma/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminUsername: string;
    adminPassword: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The browser suite runs against the real thing: a fresh database seeded with
 * the small demo region, the API (serving the built console) and the worker as
 * separate processes, exactly as `npm start` runs them.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, 'apps/web/dist/index.html'))) {
    const built = spawnSync('pnpm', ['--filter', '@rhip/web', 'run', 'build'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('console build failed');
  }
  const db = await createTestDatabase();
  const adminUsername = 'e2e-admin';
  const adminPassword = 'E2e-Admin@2026';
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    QUEUE_PREFIX: `{rhip-e2e-${process.pid}}`,
    LOG_LEVEL: 'warn',
    ADMIN_USERNAME: adminUsername,
    ADMIN_PASSWORD: adminPassword,
    WORKER_HEALTH_PORT: '0',
    // Every browser test logs in from 127.0.0.1; the production limit (20/min) would throttle the suite.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  };
  await seedRegion({ databaseUrl: db.url, size: 'small', seed: 7, config: parseConfig(env) });

  const children: ChildProcess[] = [];
  const start = (entry: string) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    children.push(child);
  };
  start('apps/api/src/server.ts');
  if (existsSync(path.join(root, 'apps/worker/src/main.ts'))) start('apps/worker/src/main.ts');

  const baseUrl = `http://127.0.0.1:${port}`;
  let ready = false;
  for (let i = 0; i < 120 && !ready; i++) {
    ready = await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((r) => setTimeout(r, 500));
  }
  if (!ready) throw new Error(`API did not become ready at ${baseUrl}`);

  project.provide('baseUrl', baseUrl);
  project.provide('adminUsername', adminUsername);
  project.provide('adminPassword', adminPassword);

  return async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
            setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
    await db.drop();
  };
}
