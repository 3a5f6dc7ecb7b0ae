/**
 * npm run bench -- match [--persons 1000000] [--records 10000]
 *
 * Person matching with ground truth. N master persons (the simulator's
 * population generator, valid resident IDs) are loaded with COPY into a
 * scratch database; then incoming identities WITHOUT a resident ID (idType 03
 * passport or 99 other document, as a clinic registers a patient without the
 * ID card) are linked by the worker's real code — linkPatients() and
 * createMatcher() from apps/worker/src/pipeline, imported by relative path
 * (a benchmark may; apps must not import each other). Most incoming
 * identities are noisy copies of a master person (homophone or wrong name
 * character, swapped birth-date digits, phone missing or changed); the rest
 * are people not in the index, who must become new persons.
 *
 * Each call runs in a transaction that is rolled back, so every record is
 * matched against the same N persons. Reported: time per record in batches,
 * single-record p50/p99, precision and recall of the links (a false link
 * joins two residents' records: precision matters most), the review share,
 * and recall per kind of noise.
 */
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { parseConfig } from '@rhip/config';
import { applyMigrations, dropDatabase } from '@rhip/db/migrate';
import { createPiiCipher } from '@rhip/pii';
import {
  DEFAULT_NOISE, createPopulation, createResident, createRng, hashSeed, noisyIdentity, otherDocumentNumber, type IdentityPerturbation, type Resident,
} from '@rhip/simulator';
// The worker's real linking code (relative import: see the header).
import { identityKey, type PatientIdentity } from '../../../apps/worker/src/pipeline/identity';
import { linkPatients, type LinkResult } from '../../../apps/worker/src/pipeline/link-patients';
import { createMatcher } from '../../../apps/worker/src/pipeline/matcher';
import { parseOptions, usage, type OptionSpec } from './lib/args';
import { formatTable, int, log, machineInfo, ms, pct, secs, summarize, writeResult, type Row } from './lib/report';
import { scratchDatabaseUrl } from './lib/stack';

export const MATCH_TARGETS = { perRecordBatchMs: 0.2, singleP99Ms: 10, precision: 0.999, recall: 0.98 };

const SPEC: OptionSpec = {
  persons: { type: 'string', help: 'master persons in the index', default: '1000000' },
  records: { type: 'string', help: 'incoming identities without a resident ID', default: '10000' },
  batch: { type: 'string', help: 'identities per linkPatients call in batch mode (the worker links a whole ingest batch at once)', default: '1000' },
  single: { type: 'string', help: 'identities linked one at a time for the single-record latency', default: '1000' },
  'new-share': { type: 'string', help: 'share of incoming people who are not in the index', default: '0.1' },
  seed: { type: 'string', help: 'generator seed', default: 'bench' },
  'keep-db': { type: 'boolean', help: 'keep the loaded database; a later run with the same --persons and --seed reuses it' },
  help: { type: 'boolean', help: 'this help' },
};

interface Incoming {
  identity: PatientIdentity;
  /** Master person id it should link to; null for someone not in the index. */
  truth: string | null;
  perturbations: IdentityPerturbation[];
}

const META_TABLE = 'bench_match_meta';

async function loadedAlready(url: string, persons: number, seed: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return false;
  }
  try {
    const r = await client.query<{ persons: number; seed: string }>(`select persons, seed from ${META_TABLE}`).catch(() => null);
    const row = r?.rows[0];
    return !!row && row.persons === persons && row.seed === seed;
  } finally {
    await client.end();
  }
}

function copyText(v: string | null): string {
  return v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

/** COPY the population into master_persons (id = index + 1). */
async function loadPersons(url: string, population: readonly Resident[], pii: ReturnType<typeof createPiiCipher>, pinyin: (name: string) => string, persons: number, seed: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t = performance.now();
  try {
    const memo = new Map<string, string>();
    const key = (name: string) => {
      let k = memo.get(name);
      if (k === undefined) memo.set(name, (k = pinyin(name)));
      return k;
    };
    const stream = client.query(copyFrom('COPY master_persons (id, name, name_pinyin, sex, birth_date, phone, region_code, id_number_enc, id_number_bidx) FROM STDIN'));
    const CHUNK = 5000;
    async function* rows() {
      for (let i = 0; i < population.length; i += CHUNK) {
        let out = '';
        for (const r of population.slice(i, i + CHUNK)) {
          out += `${r.index + 1}\t${copyText(r.name)}\t${copyText(key(r.name))}\t${r.sex}\t${r.birthDate}\t${copyText(r.phone)}\t${r.townshipCode}\t${copyText(pii.encrypt(r.idNumber))}\t${pii.blindIndex(r.idNumber, 'id')}\n`;
        }
        if (i % 100_000 === 0 && i > 0) log(`  ${int(i)} persons…`);
        yield out;
      }
    }
    await pipeline(rows, stream as unknown as Writable);
    await client.query(`select setval(pg_get_serial_sequence('master_persons', 'id'), (select max(id) from master_persons))`);
    await client.query('analyze master_persons');
    await client.query(`create table if not exists ${META_TABLE} (persons int not null, seed text not null, loaded_at timestamptz not null default now())`);
    await client.query(`delete from ${META_TABLE}`);
    await client.query(`insert into ${META_TABLE} (persons, seed) values ($1, $2)`, [persons, seed]);
    return (performance.now() - t) / 1000;
  } finally {
    await client.end();
  }
}

function makeIncoming(population: readonly Resident[], records: number, newShare: number, seed: string): Incoming[] {
  const rng = createRng(`${seed}/incoming`);
  const taken = new Set(population.map((r) => r.idNumber));
  const out: Incoming[] = [];
  for (let i = 0; i < records; i++) {
    const outsider = rng.chance(newShare);
    const resident = outsider ? createResident(rng, population.length + i, taken) : (population[rng.int(0, population.length - 1)] as Resident);
    const noisy = noisyIdentity(rng, resident, DEFAULT_NOISE);
    const idType = rng.chance(0.5) ? '03' : '99';
    out.push({
      identity: { idType, idNumber: otherDocumentNumber(rng, idType), name: noisy.name, sex: noisy.sex, birthDate: noisy.birthDate, phone: noisy.phone, regionCode: noisy.regionCode, patientId: null },
      truth: outsider ? null : String(resident.index + 1),
      perturbations: noisy.perturbations,
    });
  }
  return out;
}

interface Scored {
  links: number;
  correct: number;
  falseLinks: number;
  falseLinksOfOutsiders: number;
  review: number;
  reviewWithRightCandidate: number;
  newPersons: number;
  shouldLink: number;
  outsiders: number;
  outsidersNew: number;
  byPerturbation: Record<string, { n: number; linked: number; review: number }>;
  methods: Record<string, number>;
}

function score(incoming: readonly Incoming[], results: readonly (LinkResult | undefined)[]): Scored {
  const s: Scored = { links: 0, correct: 0, falseLinks: 0, falseLinksOfOutsiders: 0, review: 0, reviewWithRightCandidate: 0, newPersons: 0, shouldLink: 0, outsiders: 0, outsidersNew: 0, byPerturbation: {}, methods: {} };
  incoming.forEach((inc, i) => {
    const r = results[i];
    const method = r?.method ?? 'missing';
    s.methods[method] = (s.methods[method] ?? 0) + 1;
    const linked = r && r.masterPersonId && (r.method === 'probabilistic' || r.method === 'exact_id') ? r.masterPersonId : null;
    if (inc.truth) s.shouldLink++;
    else s.outsiders++;
    if (linked) {
      s.links++;
      if (linked === inc.truth) s.correct++;
      else {
        s.falseLinks++;
        if (!inc.truth) s.falseLinksOfOutsiders++;
      }
    } else if (r?.method === 'review') {
      s.review++;
      if (r.candidate?.masterPersonId === inc.truth) s.reviewWithRightCandidate++;
    } else {
      s.newPersons++;
      if (!inc.truth) s.outsidersNew++;
    }
    if (inc.truth) {
      const kinds = inc.perturbations.length === 0 ? ['exact copy'] : inc.perturbations;
      for (const k of kinds) {
        const b = (s.byPerturbation[k] ??= { n: 0, linked: 0, review: 0 });
        b.n++;
        if (linked === inc.truth) b.linked++;
        else if (r?.method === 'review') b.review++;
      }
    }
  });
  return s;
}

export async function runMatchBench(argv: string[]): Promise<void> {
  const o = parseOptions(argv, SPEC);
  if (o.bool('help')) return void console.log(usage('match', 'Probabilistic person matching against N master persons, with ground truth.', SPEC));
  const persons = o.num('persons', 1, 20_000_000);
  const records = o.num('records', 1, 1_000_000);
  const batch = o.num('batch', 1, 50_000);
  const single = Math.min(records, o.num('single', 0, 100_000));
  const newShare = o.num('new-share', 0, 1);
  const seed = o.str('seed') ?? 'bench';
  const keep = o.bool('keep-db');

  const config = parseConfig(process.env);
  const pii = createPiiCipher({ encryptionKey: config.PII_ENCRYPTION_KEY, keyId: config.PII_KEY_ID, blindIndexKey: config.BLIND_INDEX_KEY });
  const matcher = createMatcher();
  const dbName = `rhip_bench_match_${persons}_${hashSeed(seed).toString(36)}`;
  const url = scratchDatabaseUrl(dbName);

  let t = performance.now();
  log(`population: generating ${int(persons)} residents…`);
  const population = createPopulation(createRng(`${seed}/population`), persons);
  const generateS = (performance.now() - t) / 1000;

  let loadS: number | null = null;
  const reused = keep && (await loadedAlready(url, persons, seed));
  if (reused) log(`reusing ${dbName} (loaded earlier with the same persons and seed)`);
  else {
    await dropDatabase(url).catch(() => undefined);
    await applyMigrations(url);
    log(`loading ${int(persons)} master persons into ${dbName} with COPY…`);
    loadS = await loadPersons(url, population, pii, matcher.pinyin, persons, seed);
    log(`  loaded in ${loadS.toFixed(1)} s`);
  }

  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const incoming = makeIncoming(population, records, newShare, seed);
    const institutionId = '00000000-0000-4000-8000-0000000000be';
    const deps = { pii, matcher, institutionId };
    const keys = incoming.map((x) => identityKey(x.identity, pii));

    const link = async (items: readonly Incoming[]): Promise<{ ms: number; results: Map<string, LinkResult> }> => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const t0 = performance.now();
        const results = await linkPatients(client, deps, items.map((x) => x.identity));
        const elapsed = performance.now() - t0;
        await client.query('rollback');
        return { ms: elapsed, results };
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    };

    // Warm the caches (pinyin, plans, buffers) outside the measurement.
    await link(incoming.slice(0, Math.min(50, incoming.length)));

    log(`batch mode: ${int(records)} identities in calls of ${batch}…`);
    const batchResults: (LinkResult | undefined)[] = new Array<LinkResult | undefined>(records);
    const batchMs: number[] = [];
    t = performance.now();
    for (let i = 0; i < records; i += batch) {
      const chunk = incoming.slice(i, i + batch);
      const { ms: elapsed, results } = await link(chunk);
      batchMs.push(elapsed);
      chunk.forEach((_, j) => (batchResults[i + j] = results.get(keys[i + j] as string)));
    }
    const batchTotalMs = batchMs.reduce((a, b) => a + b, 0);

    log(`single mode: ${int(single)} identities one at a time…`);
    const singleMs: number[] = [];
    const singleResults: (LinkResult | undefined)[] = [];
    for (let i = 0; i < single; i++) {
      const item = incoming[i] as Incoming;
      const { ms: elapsed, results } = await link([item]);
      singleMs.push(elapsed);
      singleResults.push(results.get(keys[i] as string));
    }

    const s = score(incoming, batchResults);
    const precision = s.links > 0 ? s.correct / s.links : Number.NaN;
    const recall = s.shouldLink > 0 ? s.correct / s.shouldLink : Number.NaN;
    const singleSummary = summarize(singleMs);
    const perRecordMs = batchTotalMs / records;
    const singleAgree = singleResults.filter((r, i) => (r?.masterPersonId ?? null) === (batchResults[i]?.masterPersonId ?? null) || (r?.method === 'new_person' && batchResults[i]?.method === 'new_person')).length;

    const machine = machineInfo();
    const rows: Row[] = [
      ['machine', `${machine.cpus} × ${machine.cpuModel}`, `load ${machine.loadAverage.join(' ')}`],
      ['master persons', int(persons), reused ? 'database reused' : `generated ${secs(generateS)}, COPY + analyze ${secs(loadS ?? 0)}`],
      ['incoming identities', int(records), `no resident ID (03/99); ${int(s.outsiders)} not in the index; noise: name homophone ${DEFAULT_NOISE.nameHomophone}, wrong character ${DEFAULT_NOISE.nameTypo}, date swap ${DEFAULT_NOISE.birthDateSwap}, phone missing ${DEFAULT_NOISE.phoneMissing}, changed ${DEFAULT_NOISE.phoneChanged}, county only ${DEFAULT_NOISE.countyOnly}`],
      ['PER RECORD IN BATCH', ms(perRecordMs), `${batchMs.length} calls of ${batch}, ${secs(batchTotalMs / 1000)} in all; target ≤ ${MATCH_TARGETS.perRecordBatchMs} ms`],
      ['single record p50', ms(singleSummary.p50), `${int(single)} calls of 1; p90 ${ms(singleSummary.p90)}`],
      ['SINGLE RECORD p99', ms(singleSummary.p99), `max ${ms(singleSummary.max)}; target ≤ ${MATCH_TARGETS.singleP99Ms} ms`],
      ['PRECISION', pct(precision, 3), `${int(s.correct)} right of ${int(s.links)} links; ${s.falseLinks} false (${s.falseLinksOfOutsiders} of people not in the index); target ≥ ${pct(MATCH_TARGETS.precision, 1)}`],
      ['RECALL', pct(recall, 2), `${int(s.correct)} of ${int(s.shouldLink)} who are in the index; target ≥ ${pct(MATCH_TARGETS.recall, 0)}`],
      ['sent to review', int(s.review), `${pct(s.review / records, 1)} of records; right candidate in ${int(s.reviewWithRightCandidate)}`],
      ['new persons', int(s.newPersons), `${int(s.outsidersNew)} of ${int(s.outsiders)} outsiders correctly new`],
      ['decisions', Object.entries(s.methods).map(([k, v]) => `${k} ${int(v)}`).join(', ')],
      ...Object.entries(s.byPerturbation)
        .sort((a, b) => b[1].n - a[1].n)
        .map(([k, b]) => [`  recall: ${k}`, pct(b.linked / b.n, 1), `${int(b.n)} records, ${int(b.review)} to review`] as Row),
      ['single vs batch agree', pct(singleAgree / Math.max(1, single), 1), 'same decision when linked alone'],
    ];
    console.log(formatTable('npm run bench -- match', rows));
    const file = writeResult('match', {
      options: { persons, records, batch, single, newShare, seed },
      targets: MATCH_TARGETS,
      noise: DEFAULT_NOISE,
      setup: { generateSeconds: generateS, loadSeconds: loadS, reused },
      batch: { calls: batchMs.length, totalMs: batchTotalMs, perRecordMs, perCall: summarize(batchMs) },
      single: singleSummary,
      quality: { precision, recall, ...s },
    });
    console.log(`\nresults: ${file}`);
  } finally {
    await pool.end();
    if (!keep) await dropDatabase(url).catch((err: unknown) => log(`could not drop ${dbName}: ${(err as Error).message}`));
    else log(`kept ${dbName} (drop it with: psql -c 'drop database "${dbName}"')`);
  }
}
