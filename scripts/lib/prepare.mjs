// Shared by `npm start` and `npm test`: runs before any dependency is
// installed, so it uses nothing but Node itself.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function log(msg) {
  console.log(`\x1b[36m[rhip]\x1b[0m ${msg}`);
}

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return res.status ?? 1;
}

export function mustRun(cmd, args, opts = {}) {
  const status = run(cmd, args, opts);
  if (status !== 0) {
    console.error(`[rhip] failed: ${cmd} ${args.join(' ')} (exit ${status})`);
    process.exit(status);
  }
}

/** pnpm 10 on PATH, or through npx when it is not installed globally. */
export function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && /^10\./.test(probe.stdout.trim())) return ['pnpm', []];
  return ['npx', ['--yes', 'pnpm@10']];
}

export function pnpm(args, opts) {
  const [cmd, pre] = pnpmCommand();
  return run(cmd, [...pre, ...args], opts);
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = path.join(root, 'node_modules/.modules.yaml');
  const lock = path.join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && existsSync(lock) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing dependencies (pnpm install)…');
  const [cmd, pre] = pnpmCommand();
  const frozen = existsSync(lock) ? ['--frozen-lockfile'] : [];
  mustRun(cmd, [...pre, 'install', ...frozen], { env: { ...process.env, CI: process.env.CI ?? 'true' } });
}

function hostPort(url, defaultPort) {
  const u = new URL(url);
  return { host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(u.port || defaultPort) };
}

function canConnect({ host, port }, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/rhip';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** One clear line and a non-zero exit when PostgreSQL or Redis cannot be reached. */
export async function ensureServices(env = process.env) {
  const dbUrl = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const redisUrl = env.REDIS_URL ?? DEFAULT_REDIS_URL;
  const pg = hostPort(dbUrl, 5432);
  const redis = hostPort(redisUrl, 6379);
  if (!(await canConnect(pg))) {
    console.error(`[rhip] PostgreSQL is not reachable at ${pg.host}:${pg.port}: start it (e.g. \`pg_ctlcluster 15 main start\`) or set DATABASE_URL to a reachable server.`);
    process.exit(2);
  }
  if (!(await canConnect(redis))) {
    console.error(`[rhip] Redis is not reachable at ${redis.host}:${redis.port}: start it (e.g. \`redis-server --daemonize yes\`) or set REDIS_URL to a reachable server.`);
    process.exit(2);
  }
}

/** Reads `.env` at the project root if present (simple KEY=VALUE lines), without overriding the environment. */
export function loadDotEnv() {
  const file = path.join(root, '.env');
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (m && process.env[m[1]] === undefined) process.env[m[1]] = m[2].replace(/^["']|["']$/g, '');
  }
}
