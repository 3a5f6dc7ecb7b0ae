import { Button, Flex, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BatchState, Dataset } from '@rhip/contracts';
import type { BatchFilters } from '../../../api/query-keys';
import { DATASET_LIST } from '../../institutions/api/institution-form';
import { InstitutionSelect } from '../../institutions/components/InstitutionSelect';
import { BATCH_STATES } from '../api/batch-filters';

interface BatchFilterBarProps {
  filters: BatchFilters;
  onChange: (change: Partial<Omit<BatchFilters, 'page' | 'pageSize'>>) => void;
  onReset: () => void;
  canReset: boolean;
}

/** Institution, data set and status filters of the batch list; each change goes to the URL. */
export function BatchFilterBar({ filters, onChange, onReset, canReset }: BatchFilterBarProps) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={12} align="center" className="filter-bar" role="search" aria-label={t('ingest.filters.label')}>
      <InstitutionSelect
        testId="filter-institution"
        ariaLabel={t('ingest.filters.institution')}
        placeholder={t('ingest.filters.allInstitutions')}
        style={{ width: 260 }}
        value={filters.institutionId}
        onChange={(institutionId) => onChange({ institutionId })}
      />
      <Select<Dataset>
        data-testid="filter-dataset"
        aria-label={t('ingest.filters.dataset')}
        style={{ width: 170 }}
        allowClear
        placeholder={t('ingest.filters.allDatasets')}
        value={filters.dataset}
        options={DATASET_LIST.map((d) => ({ value: d, label: t(`dataset.${d}`) }))}
        onChange={(dataset: Dataset | undefined) => onChange({ dataset })}
      />
      <Select<BatchState>
        data-testid="filter-status"
        aria-label={t('ingest.filters.status')}
        style={{ width: 140 }}
        allowClear
        placeholder={t('ingest.filters.allStatuses')}
        value={filters.status}
        options={BATCH_STATES.map((s) => ({ value: s, label: t(`ingest.batchStatus.${s}`) }))}
        onChange={(status: BatchState | undefined) => onChange({ status })}
      />
      <Button icon={<ReloadOutlined />} onClick={onReset} disabled={!canReset}>
        {t('common.reset')}
      </Button>
    </Flex>
  );
}
