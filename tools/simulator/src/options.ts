/** Command-line options of `npm run simulate`, parsed and checked once. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run simulate -- [options]

Pushes realistic records for many institutions through the public API.

  --url URL              API base URL (default http://localhost:3000, or $SIM_URL)
  --institutions N       institutions sending concurrently (default 10)
  --rate R               target records per second, all institutions together (default 500)
  --duration S           seconds to send for (default 60)
  --batch N              records per REST request, 1–5000 (default 200)
  --error-rate P         share of records with one injected defect (default 0.05)
  --resend-share P       share of records re-sent (half unchanged, half a newer version) (default 0.05)
  --fhir-share P         share of pushes sent as FHIR bundles to POST /fhir/R4 (default 0)
  --child-first-share P  share of lab/exam/prescription records sent before their encounter (default 0.05)
  --seed S               seed of the generator (default "rhip"); same seed, same records
  --run-tag T            tag in every sourceId (default: derived from the start time); fix it with --now to replay a run exactly
  --now ISO              reference time for event timestamps (default: the clock)
  --population N         residents the institutions draw patients from (default 200000)
  --concurrency N        requests in flight at most (default 16)
  --every S              seconds between progress lines (default 5)
  --no-track             do not follow batches to their final status
  --drain S              after sending, wait at most S seconds for batches to finish (default 30)
  --keys-file FILE       API key cache (default tools/simulator/.keys.json, git-ignored)
  --username U --password P  staff login (default $ADMIN_USERNAME/$ADMIN_PASSWORD or admin/Admin@12345)
  --allow-remote         allow a non-loopback --url (load tests target this machine only by default)
  --dry-run              generate without sending; prints one sample push and the generation rate
  -h, --help`;

export interface SimulatorOptions {
  url: string;
  institutions: number;
  rate: number;
  durationS: number;
  batch: number;
  errorRate: number;
  resendShare: number;
  fhirShare: number;
  childFirstShare: number;
  seed: string;
  runTag: string;
  nowMs: number | null;
  population: number;
  concurrency: number;
  everyS: number;
  track: boolean;
  drainS: number;
  keysFile: string;
  username: string;
  password: string;
  allowRemote: boolean;
  dryRun: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_KEYS_FILE = path.resolve(here, '..', '.keys.json');

function num(value: string | undefined, name: string, def: number, min: number, max: number): number {
  if (value === undefined) return def;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number in [${min}, ${max}], got "${value}"`);
  return n;
}

/** A short base-36 tag that changes every second: fresh sourceIds on every run. */
export function defaultRunTag(nowMs: number): string {
  return Math.floor(nowMs / 1000).toString(36).slice(-5).toUpperCase();
}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function parseSimulatorArgs(argv: string[], env: Record<string, string | undefined> = process.env): SimulatorOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      institutions: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      batch: { type: 'string' },
      'error-rate': { type: 'string' },
      'resend-share': { type: 'string' },
      'fhir-share': { type: 'string' },
      'child-first-share': { type: 'string' },
      seed: { type: 'string' },
      'run-tag': { type: 'string' },
      now: { type: 'string' },
      population: { type: 'string' },
      concurrency: { type: 'string' },
      every: { type: 'string' },
      'no-track': { type: 'boolean' },
      drain: { type: 'string' },
      'keys-file': { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      'allow-remote': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const nowMs = values.now ? Date.parse(values.now) : null;
  if (values.now && !Number.isFinite(nowMs)) throw new Error(`--now must be an ISO date-time, got "${values.now}"`);
  const runTag = values['run-tag'] ?? defaultRunTag(nowMs ?? Date.now());
  if (!/^[A-Za-z0-9]{1,12}$/.test(runTag)) throw new Error('--run-tag must be 1–12 letters or digits');
  const url = values.url ?? env.SIM_URL ?? 'http://localhost:3000';
  try {
    new URL(url);
  } catch {
    throw new Error(`--url is not a URL: "${url}"`);
  }
  return {
    url,
    institutions: Math.round(num(values.institutions, 'institutions', 10, 1, 2000)),
    rate: num(values.rate, 'rate', 500, 0.1, 1_000_000),
    durationS: num(values.duration, 'duration', 60, 0.1, 7 * 86_400),
    batch: Math.round(num(values.batch, 'batch', 200, 1, 5000)),
    errorRate: num(values['error-rate'], 'error-rate', 0.05, 0, 1),
    resendShare: num(values['resend-share'], 'resend-share', 0.05, 0, 1),
    fhirShare: num(values['fhir-share'], 'fhir-share', 0, 0, 1),
    childFirstShare: num(values['child-first-share'], 'child-first-share', 0.05, 0, 1),
    seed: values.seed ?? 'rhip',
    runTag,
    nowMs,
    population: Math.round(num(values.population, 'population', 200_000, 100, 5_000_000)),
    concurrency: Math.round(num(values.concurrency, 'concurrency', 16, 1, 1024)),
    everyS: num(values.every, 'every', 5, 0.5, 3600),
    track: !values['no-track'],
    drainS: num(values.drain, 'drain', 30, 0, 3600),
    keysFile: path.resolve(values['keys-file'] ?? DEFAULT_KEYS_FILE),
    username: values.username ?? env.ADMIN_USERNAME ?? 'admin',
    password: values.password ?? env.ADMIN_PASSWORD ?? 'Admin@12345',
    allowRemote: values['allow-remote'] ?? false,
    dryRun: values['dry-run'] ?? false,
  };
}
