import { DATASETS, validateIngestRecord, type Dataset } from '@rhip/contracts';
import { birthDateFromResidentId, checkIngestRecord, isValidResidentId, sexFromResidentId } from '@rhip/domain';
import { describe, expect, it } from 'vitest';
import { DEFECT_KINDS, EXPECTED_CODES, applicableDefects, injectDefect, type DefectKind } from './defects';
import { buildFhirBundle } from './fhir';
import { createPopulation, noisyIdentity, perturbName, swapBirthDateDigits, type Resident } from './people';
import { createRng } from './random';
import { makeEncounter, makeLabReport, encounterRefOf, type SourceInstitution } from './records';
import { InstitutionWorkload, createCatchment, pushSize, type RestPush } from './workload';

const NOW = Date.parse('2025-09-15T10:00:00+08:00');
const RECEIVED = new Date(NOW + 60_000);
const institution: SourceInstitution = { index: 3, code: '12511002MB0000001X', name: '测试医院', regionCode: '511002', type: 'general_hospital' };
const population = createPopulation(createRng('test/population'), 3000);
const catchment = createCatchment(population);

function workload(options: ConstructorParameters<typeof InstitutionWorkload>[0]['options'] = {}, seed = 'test') {
  return new InstitutionWorkload({ seed, institution, catchment, runTag: 'T1', options });
}

describe('population', () => {
  it('gives every resident a unique, valid resident ID that agrees with their sex and birth date', () => {
    const ids = new Set(population.map((r) => r.idNumber));
    expect(ids.size).toBe(population.length);
    for (const r of population.slice(0, 500)) {
      expect(isValidResidentId(r.idNumber)).toBe(true);
      expect(sexFromResidentId(r.idNumber)).toBe(r.sex);
      expect(birthDateFromResidentId(r.idNumber)).toBe(r.birthDate);
      expect(r.idNumber.slice(0, 6)).toBe(r.regionCode);
      expect(r.townshipCode.slice(0, 6)).toBe(r.regionCode);
    }
  });

  it('is the same for the same seed and different for another', () => {
    const again = createPopulation(createRng('test/population'), 50);
    expect(again).toEqual(population.slice(0, 50));
    const other = createPopulation(createRng('other'), 50);
    expect(other.map((r) => r.idNumber)).not.toEqual(again.map((r) => r.idNumber));
  });
});

describe('noisy identities', () => {
  const r = population[7] as Resident;

  it('replaces a given-name character by a homophone, keeping the surname', () => {
    const rng = createRng('names');
    for (let i = 0; i < 50; i++) {
      const name = perturbName(rng, '张伟', true);
      expect(name.startsWith('张')).toBe(true);
      expect(['张伟', '张玮', '张炜', '张维', '张威']).toContain(name);
    }
  });

  it('swaps two birth-date digits into another real, past date', () => {
    const rng = createRng('dates');
    for (const d of ['1985-03-17', '1990-12-01', '2001-07-29', '1958-11-05']) {
      const s = swapBirthDateDigits(rng, d, NOW);
      expect(s).not.toBeNull();
      expect(s).not.toBe(d);
      expect(new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10)).toBe(s);
      expect([...(s as string).replaceAll('-', '')].sort().join('')).toBe([...d.replaceAll('-', '')].sort().join(''));
    }
  });

  it('reports exactly the perturbations it applied', () => {
    const rng = createRng('noise');
    let changed = 0;
    for (let i = 0; i < 300; i++) {
      const n = noisyIdentity(rng, r, { nameHomophone: 0.3, nameTypo: 0.3, birthDateSwap: 0.3, phoneMissing: 0.3, phoneChanged: 0.2, countyOnly: 0.3 }, NOW);
      expect(n.name !== r.name).toBe(n.perturbations.includes('name_homophone') || n.perturbations.includes('name_typo'));
      expect(n.birthDate !== r.birthDate).toBe(n.perturbations.includes('birth_date_swap'));
      if (n.perturbations.includes('phone_missing')) expect(n.phone).toBeNull();
      expect(n.regionCode).toBe(n.perturbations.includes('county_only') ? r.regionCode : r.townshipCode);
      if (n.perturbations.length > 0) changed++;
    }
    expect(changed).toBeGreaterThan(100);
  });
});

describe('valid records', () => {
  it.each(DATASETS.map((d) => [d]))('%s: every fresh record passes validateIngestRecord and the domain rules without errors', (dataset) => {
    const w = workload({ errorRate: 0, resendShare: 0 });
    const push = w.nextRest(NOW, dataset as Dataset, 150);
    expect(push.records).toHaveLength(150);
    for (const record of push.records) {
      const shape = validateIngestRecord(dataset as Dataset, record);
      expect(shape.ok, JSON.stringify(!shape.ok && shape.errors)).toBe(true);
      const checked = checkIngestRecord(dataset as Dataset, record, { receivedAt: RECEIVED });
      expect(checked.issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('gives every record of a data set a distinct sourceId', () => {
    const w = workload({ errorRate: 0, resendShare: 0 });
    const ids = [...w.nextRest(NOW, 'encounters', 300).records, ...w.nextRest(NOW, 'encounters', 300).records].map((r) => r.sourceId);
    expect(new Set(ids).size).toBe(600);
  });
});

describe('injected defects', () => {
  const cases: [DefectKind, Dataset][] = DATASETS.flatMap((dataset) => {
    const sample = workload({ errorRate: 0, resendShare: 0 }).nextRest(NOW, dataset, 1).records[0] as Record<string, unknown>;
    return applicableDefects(dataset, sample).map((kind) => [kind, dataset] as [DefectKind, Dataset]);
  });

  it('cover every defect kind', () => {
    expect(new Set(cases.map(([k]) => k))).toEqual(new Set(DEFECT_KINDS));
  });

  it.each(cases)('%s in %s is rejected with the expected rule code', (kind, dataset) => {
    const rng = createRng(`defect/${kind}/${dataset}`);
    const records = workload({ errorRate: 0, resendShare: 0 }, `d/${kind}/${dataset}`).nextRest(NOW, dataset, 40).records;
    for (const record of records) {
      if (!applicableDefects(dataset, record).includes(kind)) continue;
      const bad = injectDefect(rng, dataset, record, kind, NOW);
      const checked = checkIngestRecord(dataset, bad, { receivedAt: RECEIVED });
      expect(checked.rejected).toBe(true);
      expect(checked.issues.map((i) => i.code)).toEqual(expect.arrayContaining([expect.toBeOneOf([...EXPECTED_CODES[kind]])]));
    }
  });

  it('leaves the original record untouched', () => {
    const record = workload({ errorRate: 0 }).nextRest(NOW, 'persons', 1).records[0] as Record<string, unknown>;
    const copy = structuredClone(record);
    injectDefect(createRng('x'), 'persons', record, 'sex_mismatch', NOW);
    expect(record).toEqual(copy);
  });

  it('makes about the requested share of records defective', () => {
    const w = workload({ errorRate: 0.2, resendShare: 0 });
    let n = 0;
    let bad = 0;
    for (let i = 0; i < 20; i++) {
      const push = w.nextRest(NOW, 'encounters', 100);
      n += push.records.length;
      bad += push.defects.filter(Boolean).length;
    }
    expect(bad / n).toBeGreaterThan(0.16);
    expect(bad / n).toBeLessThan(0.24);
  });
});

describe('workload', () => {
  it('is deterministic for a seed and a reference time', () => {
    const a = workload({ fhirShare: 0.2 });
    const b = workload({ fhirShare: 0.2 });
    for (let i = 0; i < 10; i++) expect(a.next(NOW)).toEqual(b.next(NOW));
  });

  it('re-sends earlier records unchanged or as a newer version, never twice in one batch', () => {
    const w = workload({ errorRate: 0, resendShare: 0.3 });
    const seen = new Map<string, number>();
    let same = 0;
    let newer = 0;
    for (let i = 0; i < 10; i++) {
      const push = w.nextRest(NOW, 'persons', 100);
      const inBatch = push.records.map((r) => String(r.sourceId));
      expect(new Set(inBatch).size).toBe(inBatch.length);
      push.records.forEach((r, j) => {
        const id = String(r.sourceId);
        const version = Number(r.version);
        if (push.sends[j] === 'fresh') expect(seen.has(id)).toBe(false);
        else {
          expect(seen.has(id)).toBe(true);
          if (push.sends[j] === 'resend_same') {
            expect(version).toBe(seen.get(id));
            same++;
          } else {
            expect(version).toBeGreaterThan(seen.get(id) as number);
            newer++;
          }
        }
        seen.set(id, version);
      });
    }
    expect(same).toBeGreaterThan(20);
    expect(newer).toBeGreaterThan(20);
  });

  it('sends some child records before their encounter, and the encounter later', () => {
    const w = workload({ errorRate: 0, resendShare: 0, childFirstShare: 0.2 });
    w.nextRest(NOW, 'encounters', 50);
    const sentEncounters = new Set<string>();
    const referenced = new Set<string>();
    let early = 0;
    for (let i = 0; i < 5; i++) {
      for (const r of w.nextRest(NOW, 'lab-reports', 50).records) {
        const ref = String(r.encounterSourceId);
        referenced.add(ref);
        if (!sentEncounters.has(ref)) early++;
      }
      for (const r of w.nextRest(NOW, 'encounters', 50).records) sentEncounters.add(String(r.sourceId));
    }
    expect(early).toBeGreaterThan(0);
    const pendingLater = w.nextRest(NOW, 'encounters', 500).records.map((r) => String(r.sourceId));
    for (const s of pendingLater) sentEncounters.add(s);
    // Every encounter a child referenced is eventually sent (or was sent before the window).
    const missing = [...referenced].filter((s) => !sentEncounters.has(s) && s.startsWith('V'));
    expect(missing.length).toBeLessThan(referenced.size * 0.7);
  });

  it('flushes the encounters whose children went first, once each', () => {
    const w = workload({ errorRate: 0, resendShare: 0, childFirstShare: 0.3 });
    w.nextRest(NOW, 'encounters', 20);
    const referenced = new Set(w.nextRest(NOW, 'prescriptions', 100).records.map((r) => String(r.encounterSourceId)));
    const flushed = w.flushPending(NOW);
    expect(flushed?.dataset).toBe('encounters');
    const ids = flushed?.records.map((r) => String(r.sourceId)) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(referenced.has(id)).toBe(true);
    expect(w.flushPending(NOW)).toBeNull();
  });

  it('starts each institution with its monthly resources report, then mixes data sets', () => {
    const w = workload();
    const first = w.next(NOW) as RestPush;
    expect(first.dataset).toBe('facility-resources');
    const datasets = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const p = w.next(NOW);
      if (p.kind === 'rest') datasets.add(p.dataset);
    }
    expect(datasets.size).toBeGreaterThan(6);
  });
});

describe('FHIR bundles', () => {
  it('builds a batch bundle whose references all resolve inside it', () => {
    const w = workload({ fhirShare: 1 });
    w.next(NOW);
    const push = w.next(NOW);
    expect(push.kind).toBe('fhir');
    if (push.kind !== 'fhir') return;
    expect(push.bundle.type).toBe('batch');
    expect(pushSize(push)).toBeGreaterThanOrEqual(200);
    const urls = new Set(push.bundle.entry.map((e) => e.fullUrl));
    const refs = JSON.stringify(push.bundle).match(/"reference":"([^"]+)"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(urls.has(ref.slice(13, -1))).toBe(true);
    const types = new Set(push.bundle.entry.map((e) => e.resource.resourceType));
    for (const t of ['Patient', 'Encounter', 'Condition']) expect(types.has(t)).toBe(true);
  });

  it('carries the resident ID under the WS/T 500 identifier system', () => {
    const rng = createRng('fhir');
    const r = population[0] as Resident;
    const ctx = { rng, nowMs: NOW, institution };
    const encounter = makeEncounter(ctx, r, 'V1');
    const lab = makeLabReport(ctx, r, 'L1', encounterRefOf(encounter, r));
    const bundle = buildFhirBundle(rng, institution.code, [{ encounter, labs: [lab], prescriptions: [], immunizations: [] }]);
    const patient = bundle.entry[0]?.resource as unknown as { identifier: { system: string; value: string }[] };
    if (encounter.patient.idType === '01') expect(patient.identifier[0]).toEqual({ system: 'urn:oid:2.16.156.10011.1.3', value: r.idNumber });
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Observation')).toHaveLength(lab.results.length);
  });
});
