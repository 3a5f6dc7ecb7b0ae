/**
 * What the pipeline needs to know about each data set besides its shape:
 * which elements are required (完整性 completeness), which element is the
 * clinical event time (及时性 timeliness), where the person is (linking) and
 * the parent record of child records (整合性 integration, parking).
 */
import type { Dataset } from '../institutions/institutions';

/** How the event time element is written. */
export type EventTimeKind = 'timestamp' | 'date' | 'month';

export interface IngestDatasetMeta {
  /**
   * Elements whose absence is a completeness failure — exactly the elements the
   * record schema requires, so a missing one is also a SHAPE_REQUIRED error at
   * that path. Dotted paths; array elements written `results[].itemCode`. A path
   * under an optional object or array is required only when that container is
   * present (e.g. `registration.registeredAt`).
   */
  readonly requiredPaths: readonly string[];
  /** Groups of elements of which at least one must be present; a missing group is reported at its first path. */
  readonly requiredAnyOf: readonly (readonly string[])[];
  /** The clinical event time, measured against arrival for timeliness; null when the data set has none. */
  readonly eventTimePath: string | null;
  readonly eventTimeKind: EventTimeKind | null;
  /** Where the person's identity is: 'patient' on clinical records, '' for the record itself (persons), null when none. */
  readonly personPath: 'patient' | '' | null;
  /** For child records: the parent data set and the element carrying the parent's sourceId. */
  readonly parent: { readonly dataset: Dataset; readonly sourceIdPath: string } | null;
}

const PATIENT_REQUIRED = ['patient', 'patient.idNumber', 'patient.name', 'patient.sex', 'patient.birthDate'] as const;

function clinical(
  required: readonly string[],
  eventTimePath: string,
  extra: Partial<Pick<IngestDatasetMeta, 'requiredAnyOf' | 'eventTimeKind' | 'parent'>> = {},
): IngestDatasetMeta {
  return {
    requiredPaths: ['sourceId', ...PATIENT_REQUIRED, ...required],
    requiredAnyOf: extra.requiredAnyOf ?? [],
    eventTimePath,
    eventTimeKind: extra.eventTimeKind ?? 'timestamp',
    personPath: 'patient',
    parent: extra.parent ?? null,
  };
}

const ENCOUNTER_PARENT = { dataset: 'encounters', sourceIdPath: 'encounterSourceId' } as const;

export const INGEST_DATASET_META: Readonly<Record<Dataset, IngestDatasetMeta>> = {
  persons: {
    requiredPaths: ['sourceId', 'idNumber', 'name', 'sex', 'birthDate'],
    requiredAnyOf: [],
    // A registration is not a clinical event: persons are not scored for timeliness.
    eventTimePath: null,
    eventTimeKind: null,
    personPath: '',
    parent: null,
  },
  'health-records': clinical(['establishedAt'], 'establishedAt'),
  followups: clinical(['disease', 'followupAt', 'registration.registeredAt'], 'followupAt'),
  immunizations: clinical(['vaccineCode', 'administeredAt'], 'administeredAt'),
  contracts: clinical(['signedAt'], 'signedAt'),
  encounters: clinical(['type', 'startAt', 'diagnoses[].code', 'diagnoses[].name'], 'startAt'),
  'lab-reports': clinical(['reportedAt', 'results', 'results[].itemCode'], 'reportedAt', { parent: ENCOUNTER_PARENT }),
  'exam-reports': clinical(['reportedAt'], 'reportedAt', { parent: ENCOUNTER_PARENT }),
  prescriptions: clinical(['prescribedAt', 'items', 'items[].drugName'], 'prescribedAt', { parent: ENCOUNTER_PARENT }),
  'disease-reports': clinical(['diagnosisDate', 'reportedAt'], 'reportedAt', { requiredAnyOf: [['disease', 'icd10']] }),
  'facility-resources': {
    requiredPaths: ['sourceId', 'period', 'largeEquipment[].name', 'largeEquipment[].count'],
    requiredAnyOf: [],
    // The reported month: a monthly report is timely when it arrives within the agreed delay after the month ends.
    eventTimePath: 'period',
    eventTimeKind: 'month',
    personPath: null,
    parent: null,
  },
};

/** 'diagnoses[3].code' → 'diagnoses[].code': the form used in requiredPaths. */
export function genericPath(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** True when an error path names a required element of the data set (completeness). */
export function isRequiredPath(dataset: Dataset, path: string): boolean {
  const meta = INGEST_DATASET_META[dataset];
  const generic = genericPath(path);
  return meta.requiredPaths.includes(generic) || meta.requiredAnyOf.some((group) => group.includes(generic));
}
