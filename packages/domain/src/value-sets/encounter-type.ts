import type { ValueSet } from './value-set';

/** The platform's own encounter classes (ingest contract), with the WS terms in Chinese. */
export const ENCOUNTER_TYPE: ValueSet = {
  id: 'RHIP.ENCOUNTER_TYPE',
  name: { zh: '就诊类型', en: 'Encounter type' },
  version: '1',
  source: 'Platform ingest contract (issue 3)',
  entries: [
    { code: 'outpatient', zh: '门诊', en: 'Outpatient' },
    { code: 'emergency', zh: '急诊', en: 'Emergency' },
    { code: 'inpatient', zh: '住院', en: 'Inpatient' },
  ],
};
