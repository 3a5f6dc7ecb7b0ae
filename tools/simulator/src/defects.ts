/**
 * Bad records on purpose: each defect kind is one mistake real HIS exports
 * make, injected into an otherwise valid record, with the rule codes the
 * platform is expected to answer with (STANDARDS.md, the rule catalogue).
 */
import type { Dataset } from '@rhip/contracts';
import { DAY_MS, cst, cstDate } from './records';
import type { Rng } from './random';

export const DEFECT_KINDS = [
  'missing_required',
  'bad_id_checksum',
  'sex_mismatch',
  'end_before_start',
  'future_date',
  'unknown_code',
] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

/**
 * Rule codes a defect must produce (any one of them). Shape codes come back
 * in the 202; domain codes in the batch outcomes.
 */
export const EXPECTED_CODES: Readonly<Record<DefectKind, readonly string[]>> = {
  missing_required: ['SHAPE_REQUIRED', 'REQ.MISSING', 'REQ.EMPTY_LIST'],
  bad_id_checksum: ['ID.CHECKSUM'],
  sex_mismatch: ['ID.SEX_MISMATCH'],
  end_before_start: ['TIME.END_BEFORE_START'],
  future_date: ['TIME.FUTURE'],
  unknown_code: ['VS.SEX', 'VS.ID_TYPE', 'ICD10.FORMAT', 'DISEASE.UNKNOWN', 'SHAPE_INVALID_VALUE'],
};

type Rec = Record<string, unknown>;

/** The element holding the clinical event time, per data set. */
const EVENT_TIME: Partial<Record<Dataset, string>> = {
  'health-records': 'establishedAt',
  followups: 'followupAt',
  immunizations: 'administeredAt',
  contracts: 'signedAt',
  encounters: 'startAt',
  'lab-reports': 'reportedAt',
  'exam-reports': 'reportedAt',
  prescriptions: 'prescribedAt',
  'disease-reports': 'reportedAt',
};

/** Required elements a defect may drop, per data set (top level, or in the patient block). */
const REQUIRED: Record<Dataset, readonly string[]> = {
  persons: ['name', 'birthDate', 'idNumber', 'sex'],
  'health-records': ['patient.name', 'establishedAt'],
  followups: ['patient.birthDate', 'disease', 'followupAt'],
  immunizations: ['patient.name', 'vaccineCode', 'administeredAt'],
  contracts: ['patient.idNumber', 'signedAt'],
  encounters: ['patient.name', 'startAt', 'type'],
  'lab-reports': ['patient.sex', 'reportedAt', 'results'],
  'exam-reports': ['patient.name', 'reportedAt'],
  prescriptions: ['patient.birthDate', 'prescribedAt', 'items'],
  'disease-reports': ['patient.name', 'diagnosisDate', 'reportedAt'],
  'facility-resources': ['period'],
};

/** Where the person's identity is in a record of the data set, or null. */
function identityOf(dataset: Dataset, record: Rec): Rec | null {
  if (dataset === 'facility-resources') return null;
  if (dataset === 'persons') return record;
  const p = record.patient;
  return p && typeof p === 'object' ? (p as Rec) : null;
}

/** Defects that make sense for a record of the data set. */
export function applicableDefects(dataset: Dataset, record: Rec): DefectKind[] {
  const kinds: DefectKind[] = ['missing_required'];
  const id = identityOf(dataset, record);
  if (id && id.idType === '01' && typeof id.idNumber === 'string' && id.idNumber.length === 18) kinds.push('bad_id_checksum', 'sex_mismatch');
  if (dataset === 'encounters' || dataset === 'contracts') kinds.push('end_before_start');
  if (EVENT_TIME[dataset]) kinds.push('future_date');
  if (id || dataset === 'encounters' || dataset === 'disease-reports') kinds.push('unknown_code');
  return kinds;
}

/** A wrong check character for the first 17 characters (never the right one). */
function wrongCheckChar(idNumber: string, rng: Rng): string {
  const right = idNumber.slice(17);
  const options = '0123456789X'.split('').filter((c) => c !== right);
  return idNumber.slice(0, 17) + rng.pick(options);
}

function deletePath(record: Rec, path: string): void {
  const parts = path.split('.');
  let target: Rec = record;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (!next || typeof next !== 'object') return;
    target = next as Rec;
  }
  const last = parts[parts.length - 1] as string;
  // HIS exports send absent elements in every way: missing, null, blank.
  const how = (path.length + Object.keys(target).length) % 3;
  if (how === 0) delete target[last];
  else if (how === 1) target[last] = null;
  else target[last] = Array.isArray(target[last]) ? [] : '';
}

/**
 * Injects one defect of `kind` into a deep copy of `record` and returns it.
 * Throws when the kind does not apply to the data set (see applicableDefects).
 */
export function injectDefect(rng: Rng, dataset: Dataset, record: Rec, kind: DefectKind, nowMs: number): Rec {
  const out = structuredClone(record);
  const id = identityOf(dataset, out);
  switch (kind) {
    case 'missing_required': {
      deletePath(out, rng.pick(REQUIRED[dataset]));
      return out;
    }
    case 'bad_id_checksum': {
      if (!id || typeof id.idNumber !== 'string') break;
      id.idNumber = wrongCheckChar(id.idNumber, rng);
      return out;
    }
    case 'sex_mismatch': {
      if (!id) break;
      id.sex = id.sex === '1' ? '2' : '1';
      return out;
    }
    case 'end_before_start': {
      if (dataset === 'encounters') {
        const start = Date.parse(String(out.startAt));
        out.endAt = cst(start - rng.int(1, 48) * 3_600_000);
        return out;
      }
      if (dataset === 'contracts') {
        const from = Date.parse(`${String(out.validFrom)}T00:00:00+08:00`);
        out.validTo = cstDate(from - rng.int(1, 200) * DAY_MS);
        return out;
      }
      break;
    }
    case 'future_date': {
      const path = EVENT_TIME[dataset];
      if (!path) break;
      const future = nowMs + rng.int(2, 30) * DAY_MS;
      out[path] = path === 'diagnosisDate' ? cstDate(future) : cst(future);
      // Keep the record otherwise consistent: an inpatient's discharge after the (future) admission.
      if (dataset === 'encounters' && out.endAt) out.endAt = cst(future + 2 * DAY_MS);
      if (dataset === 'disease-reports' && out.finalReviewAt) out.finalReviewAt = cst(future + 3_600_000);
      return out;
    }
    case 'unknown_code': {
      if (dataset === 'encounters' && rng.chance(0.5)) {
        const dx = out.diagnoses as Rec[] | undefined;
        if (dx?.[0]) {
          dx[0].code = rng.pick(['XYZ.123', '123.45', 'GXY']);
          return out;
        }
      }
      if (dataset === 'disease-reports' && rng.chance(0.5)) {
        out.disease = rng.pick(['普通感冒', '过敏性鼻炎', '慢性胃炎']);
        out.icd10 = rng.pick(['J00.x00', 'J30.400', 'K29.500']);
        return out;
      }
      if (!id) break;
      id.sex = rng.pick(['3', '5', '7']);
      return out;
    }
  }
  throw new RangeError(`defect ${kind} does not apply to ${dataset}`);
}
