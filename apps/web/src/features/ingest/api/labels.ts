import type { TFunction } from 'i18next';
import { isDataset } from '../../institutions/api/institution-form';

/** A data set's name in the UI language; an unknown one (a newer API) as sent. */
export function datasetLabel(t: TFunction, dataset: string): string {
  return isDataset(dataset) ? t(`dataset.${dataset}`) : dataset;
}

/**
 * A batch id short enough for a table cell but still telling batches apart:
 * ids are time-ordered (UUID v7), so batches of the same minute share their
 * first characters; the last ones differ.
 */
export function shortBatchId(batchId: string): string {
  return batchId.length > 16 ? `${batchId.slice(0, 8)}…${batchId.slice(-4)}` : batchId;
}
