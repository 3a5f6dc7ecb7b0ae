import type { CreateInstitution, Dataset, ExpectedDataset, Institution, InstitutionDetail, UpdateInstitution } from '@rhip/contracts';

/** Data sets an institution can be expected to send, in the contract's order. */
const DATASET_SET = {
  persons: 1,
  'health-records': 1,
  followups: 1,
  immunizations: 1,
  contracts: 1,
  encounters: 1,
  'lab-reports': 1,
  'exam-reports': 1,
  prescriptions: 1,
  'disease-reports': 1,
  'facility-resources': 1,
} satisfies Record<Dataset, 1>;
export const DATASET_LIST = Object.keys(DATASET_SET) as Dataset[];

export function isDataset(value: string | null | undefined): value is Dataset {
  return typeof value === 'string' && Object.hasOwn(DATASET_SET, value);
}

/** Yes/no attributes of an institution's IT (信息化建设), in display order. */
export const FLAG_FIELDS = [
  'isInternetHospital',
  'isSmartHospital',
  'onHealthPrivateNetwork',
  'hasRemoteCare',
  'hasConvenienceServices',
  'hasDigitalImaging',
  'securityAssessed',
] as const satisfies readonly (keyof InstitutionDetail)[];
export type FlagField = (typeof FLAG_FIELDS)[number];

/** Limits from the contract (ExpectedDatasetSchema). */
export const CADENCE_MAX_HOURS = 24 * 92;
export const TIMELINESS_MAX_HOURS = 24 * 92;
export const DEFAULT_EXPECTED: Omit<ExpectedDataset, 'dataset'> = { cadenceHours: 24, timelinessHours: 24 };

/** What the register/edit form holds. */
export interface InstitutionFormValues {
  code: string;
  name: string;
  regionCode: string | undefined;
  townshipCode: string | undefined;
  level: Institution['level'];
  type: Institution['type'];
  ownership: Institution['ownership'];
  address: string | undefined;
  emrLevel: number | null | undefined;
  interopLevel: string | undefined;
  flags: FlagField[];
  expectedDatasets: Partial<ExpectedDataset>[];
  active: boolean;
}

/** Fields of the form that an API issue can point at (top-level body names). */
export const FORM_FIELDS = [
  'code', 'name', 'regionCode', 'townshipCode', 'level', 'type', 'ownership', 'address', 'emrLevel', 'interopLevel', 'expectedDatasets', 'active',
] as const;

export const EMPTY_FORM: InstitutionFormValues = {
  code: '',
  name: '',
  regionCode: undefined,
  townshipCode: undefined,
  level: 'unrated',
  type: 'other',
  ownership: 'public',
  address: undefined,
  emrLevel: null,
  interopLevel: undefined,
  flags: [],
  expectedDatasets: [],
  active: true,
};

export function formValuesFromDetail(d: InstitutionDetail): InstitutionFormValues {
  return {
    code: d.code,
    name: d.name,
    regionCode: d.regionCode,
    townshipCode: d.townshipCode ?? undefined,
    level: d.level,
    type: d.type,
    ownership: d.ownership,
    address: d.address ?? undefined,
    emrLevel: d.emrLevel ?? null,
    interopLevel: d.interopLevel ?? undefined,
    flags: FLAG_FIELDS.filter((f) => d[f] === true),
    expectedDatasets: d.expectedDatasets.map((e) => ({ ...e })),
    active: d.active,
  };
}

const blankToNull = (value: string | undefined): string | null => {
  const v = value?.trim();
  return v ? v : null;
};

function expected(values: InstitutionFormValues): ExpectedDataset[] {
  return values.expectedDatasets.flatMap((e) =>
    e.dataset
      ? [{ dataset: e.dataset, cadenceHours: e.cadenceHours ?? DEFAULT_EXPECTED.cadenceHours, timelinessHours: e.timelinessHours ?? DEFAULT_EXPECTED.timelinessHours }]
      : [],
  );
}

function common(values: InstitutionFormValues) {
  const flags = Object.fromEntries(FLAG_FIELDS.map((f) => [f, values.flags.includes(f)])) as Record<FlagField, boolean>;
  return {
    name: values.name.trim(),
    regionCode: values.regionCode ?? '',
    townshipCode: values.townshipCode ?? null,
    level: values.level,
    type: values.type,
    ownership: values.ownership,
    address: blankToNull(values.address),
    emrLevel: values.emrLevel ?? null,
    interopLevel: blankToNull(values.interopLevel),
    ...flags,
    expectedDatasets: expected(values),
  };
}

/** POST /institutions body. The code is sent as typed (trimmed, upper-case): the API judges it. */
export function toCreateBody(values: InstitutionFormValues): CreateInstitution {
  return { code: values.code.trim().toUpperCase(), ...common(values) };
}

/** PATCH /institutions/{id} body: every editable field (the expected data sets replace the current set). */
export function toUpdateBody(values: InstitutionFormValues): UpdateInstitution {
  return { ...common(values), active: values.active };
}
