/**
 * npm run simulate -- --institutions 50 --rate 2000 --error-rate 0.05 --duration 60
 *
 * Logs in as staff, picks or registers institutions and gives each a key,
 * then pushes records at the target rate and prints progress and a summary.
 */
import { createApiClient } from './api-client';
import { runSimulation, trafficWeight, type Agent } from './driver';
import { prepareInstitutions } from './institutions';
import { USAGE, isLoopback, parseSimulatorArgs, type SimulatorOptions } from './options';
import { createPopulation } from './people';
import { createRng } from './random';
import { fmtInt } from './stats';
import { InstitutionWorkload, createCatchment, pushSize, type Push } from './workload';

const print = (line: string) => process.stdout.write(`${line}\n`);

function describePush(push: Push): string {
  if (push.kind === 'fhir') return `FHIR bundle, ${push.bundle.entry.length} entries, ${push.visits} visits`;
  return `${push.dataset}, ${push.records.length} records, defects ${push.defects.filter(Boolean).length}, re-sends ${push.sends.filter((s) => s !== 'fresh').length}`;
}

function workloads(opts: SimulatorOptions, institutions: { index: number; code: string; name: string; regionCode: string; type: string }[]) {
  const t = performance.now();
  const population = createPopulation(createRng(`${opts.seed}/population`), opts.population);
  const catchment = createCatchment(population);
  print(`population: ${fmtInt(population.length)} residents generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return institutions.map(
    (institution) =>
      new InstitutionWorkload({
        seed: opts.seed,
        institution,
        catchment,
        runTag: opts.runTag,
        options: { batchSize: opts.batch, errorRate: opts.errorRate, resendShare: opts.resendShare, fhirShare: opts.fhirShare, childFirstShare: opts.childFirstShare },
      }),
  );
}

function dryRun(opts: SimulatorOptions): void {
  const fake = Array.from({ length: opts.institutions }, (_, index) => ({ index, code: `SIM${index}`, name: `模拟机构${index}`, regionCode: ['511002', '511011', '511024', '511025', '511083'][index % 5] as string, type: 'general_hospital' }));
  const loads = workloads(opts, fake);
  const rng = createRng(`${opts.seed}/driver`);
  const now = opts.nowMs ?? Date.now();
  const first = loads[0]?.next(now);
  if (first) print(`first push of institution 0: ${describePush(first)}`);
  const sample = loads[0]?.nextRest(now, 'encounters', 1);
  if (sample) print(JSON.stringify(sample.records[0], null, 2));
  const t = performance.now();
  let records = 0;
  let bytes = 0;
  while (performance.now() - t < Math.min(opts.durationS, 5) * 1000) {
    const push = rng.pick(loads).next(now);
    records += pushSize(push);
    bytes += JSON.stringify(push.kind === 'rest' ? { records: push.records } : push.bundle).length;
  }
  const s = (performance.now() - t) / 1000;
  print(`generated ${fmtInt(records)} records (${(bytes / 1e6).toFixed(1)} MB JSON) in ${s.toFixed(1)} s: ${fmtInt(records / s)} records/s on one core`);
}

async function main(): Promise<void> {
  let opts: SimulatorOptions | 'help';
  try {
    opts = parseSimulatorArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (opts === 'help') {
    print(USAGE);
    return;
  }
  if (opts.dryRun) return dryRun(opts);
  if (!isLoopback(opts.url) && !opts.allowRemote) {
    console.error(`Refusing to load ${opts.url}: not a loopback address. Pass --allow-remote to target another host you own.`);
    process.exit(2);
  }

  const api = createApiClient(opts.url);
  if (!(await api.health())) {
    console.error(`No API answers at ${opts.url}/healthz — start it (npm start) or pass --url.`);
    process.exit(1);
  }
  const token = await api.login(opts.username, opts.password);
  const institutions = await prepareInstitutions({ api, token, count: opts.institutions, keysFile: opts.keysFile, log: print });
  print(`institutions: ${institutions.length} (${institutions.slice(0, 3).map((i) => i.name).join(', ')}${institutions.length > 3 ? ', …' : ''})`);

  const loads = workloads(opts, institutions);
  const agents: Agent[] = institutions.map((institution, i) => ({ institution, workload: loads[i] as InstitutionWorkload, weight: trafficWeight(institution.type) }));
  print(
    `sending ~${fmtInt(opts.rate)} records/s for ${opts.durationS} s to ${opts.url} (batch ${opts.batch}, errors ${opts.errorRate}, re-sends ${opts.resendShare}, FHIR ${opts.fhirShare}, seed "${opts.seed}", run tag ${opts.runTag})`,
  );

  const stop = { stopped: false };
  process.once('SIGINT', () => {
    print('stopping (Ctrl-C again to abort)…');
    stop.stopped = true;
    process.once('SIGINT', () => process.exit(130));
  });
  const fixedNow = opts.nowMs;
  const stats = await runSimulation({
    api,
    agents,
    rng: createRng(`${opts.seed}/driver`),
    options: { rate: opts.rate, durationS: opts.durationS, concurrency: opts.concurrency, summaryEveryS: opts.everyS, trackOutcomes: opts.track, drainS: opts.drainS, maxRetries: 5 },
    print,
    stopSignal: stop,
    ...(fixedNow !== null ? { clock: () => fixedNow } : {}),
  });
  print(stats.formatFinal(opts.rate));
}

main().catch((err: unknown) => {
  console.error((err as Error).message ?? err);
  process.exit(1);
});
