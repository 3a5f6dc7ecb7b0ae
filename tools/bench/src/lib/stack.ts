/**
 * A throwaway platform for a benchmark: a fresh, migrated scratch database
 * and the real API and worker processes (apps/api/src/server.ts,
 * apps/worker/src/main.ts) started against it on free ports, with their own
 * BullMQ prefix so they never pick up another stack's jobs. `stop()` ends
 * both processes and drops the database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseConfig } from '@rhip/config';
import { applyMigrations, dropDatabase } from '@rhip/db/migrate';
import { REPO_ROOT, log } from './report';

export interface Stack {
  readonly url: string;
  readonly databaseUrl: string;
  /** Pids of the processes (for CPU accounting). */
  readonly pids: { api: number; workers: number[] };
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Label in the scratch database's name. */
  readonly name: string;
  /** Use this database (migrated, kept on stop) instead of a fresh scratch one. */
  readonly databaseUrl?: string;
  readonly workers?: number;
  readonly workerConcurrency?: number;
  /** Keep the database after stop() (to inspect it). */
  readonly keepDatabase?: boolean;
  readonly env?: Record<string, string>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** A database URL on the configured server with another database name. */
export function scratchDatabaseUrl(name: string): string {
  const base = new URL(parseConfig(process.env).DATABASE_URL);
  base.pathname = `/${name}`;
  return base.toString();
}

function startProcess(label: string, entry: string, env: Record<string, string>, logFile: string): ChildProcess {
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, entry)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL') log(`${label} exited with ${code ?? signal}: see ${logFile}`);
  });
  return child;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(20_000).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const dbName = opts.databaseUrl ? new URL(opts.databaseUrl).pathname.slice(1) : `rhip_bench_${opts.name}_${process.pid}`;
  const databaseUrl = opts.databaseUrl ?? scratchDatabaseUrl(dbName);
  const keepDatabase = opts.keepDatabase || opts.databaseUrl !== undefined;
  const logFile = path.join(os.tmpdir(), `rhip_bench_${opts.name}_${process.pid}.log`);
  log(`database ${dbName}: migrating…`);
  await applyMigrations(databaseUrl);
  const port = await freePort();
  const common = {
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `{bench${process.pid}}`,
    LOG_LEVEL: 'warn',
    SERVE_CONSOLE: 'false',
    ...opts.env,
  };
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
    if (!keepDatabase) await dropDatabase(databaseUrl).catch((err: unknown) => log(`could not drop ${dbName}: ${(err as Error).message}`));
    else if (opts.keepDatabase) log(`kept database ${databaseUrl}`);
  };
  try {
    const api = startProcess('api', 'apps/api/src/server.ts', { ...common, PORT: String(port), HOST: '127.0.0.1' }, logFile);
    children.push(api);
    const workers: ChildProcess[] = [];
    for (let i = 0; i < (opts.workers ?? 1); i++) {
      const w = startProcess(`worker ${i}`, 'apps/worker/src/main.ts', { ...common, WORKER_HEALTH_PORT: String(await freePort()), ...(opts.workerConcurrency ? { WORKER_CONCURRENCY: String(opts.workerConcurrency) } : {}) }, logFile);
      children.push(w);
      workers.push(w);
    }
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(`${url}/healthz`, api, 90_000);
    log(`api on ${url}, ${workers.length} worker(s); logs in ${logFile}`);
    return { url, databaseUrl, pids: { api: api.pid ?? 0, workers: workers.map((w) => w.pid ?? 0) }, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc; null where unavailable. */
export async function processCpuSeconds(pid: number): Promise<number | null> {
  try {
    const { readFile } = await import('node:fs/promises');
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / 100;
  } catch {
    return null;
  }
}

/** CPU seconds used so far by all processes whose command name is `comm` (e.g. 'postgres'), from /proc. */
export async function commandCpuSeconds(comm: string): Promise<number | null> {
  try {
    const { readdir, readFile } = await import('node:fs/promises');
    let total = 0;
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
      if (!stat) continue;
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name !== comm) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    }
    return total;
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by the PostgreSQL backends of one database plus the
 * server's shared writers (WAL writer, checkpointer, background writer), from
 * /proc — other databases' work on the shared server is left out.
 */
export async function postgresCpuSeconds(database: string): Promise<number | null> {
  try {
    const { readdir, readFile } = await import('node:fs/promises');
    let total = 0;
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
      if (!stat || stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const cmd = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).replace(/\0/g, ' ');
      if (!cmd.includes(` ${database} `) && !/walwriter|checkpointer|background writer|wal writer/.test(cmd)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    }
    return total;
  } catch {
    return null;
  }
}
