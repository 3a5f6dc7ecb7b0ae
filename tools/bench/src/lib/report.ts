/**
 * Results of a benchmark: a printed table and a JSON file under
 * bench-results/ (git-ignored), with the machine it ran on. Benchmarks
 * report; they never assert.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');

export interface MachineInfo {
  cpuModel: string;
  cpus: number;
  memoryGiB: number;
  loadAverage: number[];
  node: string;
  postgres: string | null;
  platform: string;
}

export function machineInfo(postgresVersion: string | null = null): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    postgres: postgresVersion,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function gitRevision(): string | null {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${rev}+dirty` : rev;
  } catch {
    return null;
  }
}

export type Row = readonly [label: string, value: string, note?: string];

/** A two- or three-column table with a title. */
export function formatTable(title: string, rows: readonly Row[]): string {
  const w0 = Math.max(...rows.map((r) => r[0].length), 10);
  const w1 = Math.max(...rows.map((r) => r[1].length), 8);
  const line = '─'.repeat(Math.min(110, w0 + w1 + 40));
  const body = rows.map(([k, v, note]) => `  ${k.padEnd(w0)}  ${v.padStart(w1)}${note ? `   ${note}` : ''}`);
  return [``, `${title}`, line, ...body, line].join('\n');
}

/** Writes bench-results/<name>-<timestamp>.json and returns its path. */
export function writeResult(name: string, result: Record<string, unknown>): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const file = path.join(RESULTS_DIR, `${name}-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), revision: gitRevision(), machine: machineInfo(), ...result }, null, 2)}\n`);
  return file;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    count: s.length,
    p50: r(percentile(s, 50)),
    p90: r(percentile(s, 90)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s[s.length - 1] ?? Number.NaN),
    mean: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
  };
}

export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
export const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms` : '–');
export const pct = (n: number, digits = 2) => (Number.isFinite(n) ? `${(n * 100).toFixed(digits)}%` : '–');
export const secs = (n: number) => `${n.toFixed(2)} s`;

export const log = (line: string) => process.stderr.write(`${line}\n`);
