import type { Dataset } from '@rhip/contracts';
import { contracts, followups, healthRecords, immunizations } from './ehr';
import { diseaseReports, encounters, examReports, labReports, prescriptions } from './emr';
import { facilityResources } from './resources';
import type { DatasetStore } from './store-spec';

export type { DatasetStore, RowContext } from './store-spec';

/** Every data set but `persons` (which writes the master person index itself, see persons.ts). */
export const DATASET_STORES: Record<Exclude<Dataset, 'persons'>, DatasetStore> = {
  'health-records': healthRecords,
  followups,
  immunizations,
  contracts,
  encounters,
  'lab-reports': labReports,
  'exam-reports': examReports,
  prescriptions,
  'disease-reports': diseaseReports,
  'facility-resources': facilityResources,
};
