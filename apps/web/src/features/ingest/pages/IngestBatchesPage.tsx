import { useState } from 'react';
import { Card } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { hasActiveBatchFilters } from '../api/batch-filters';
import { batchListQueryOptions } from '../api/ingest-api';
import { useBatchFilters } from '../api/useBatchFilters';
import { BatchFilterBar } from '../components/BatchFilterBar';
import { BatchTable } from '../components/BatchTable';
import { IngestTabs } from '../components/IngestTabs';
import { LiveSwitch } from '../components/LiveSwitch';
import { ThroughputCard } from '../components/ThroughputCard';

/** 采集监控 · 批次: live throughput and the batches institutions pushed, newest first. */
export default function IngestBatchesPage() {
  const { t } = useTranslation();
  const { filters, setFilters, setPage, resetFilters } = useBatchFilters();
  const [live, setLive] = useState(true);
  const list = useQuery(batchListQueryOptions(filters, live));
  const filtered = hasActiveBatchFilters(filters);

  return (
    <>
      <PageHeader
        title={t('ingest.pageTitle')}
        subtitle={t('ingest.subtitle')}
        extra={<LiveSwitch live={live} onChange={setLive} updatedAt={list.dataUpdatedAt} />}
      />
      <IngestTabs />
      <ThroughputCard live={live} />
      <Card size="small" title={t('ingest.batchesTitle')}>
        <BatchFilterBar filters={filters} onChange={setFilters} onReset={resetFilters} canReset={filtered} />
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <BatchTable data={list.data} loading={list.isPending || (list.isFetching && list.isPlaceholderData)} filtered={filtered} onPageChange={setPage} onReset={resetFilters} />
        )}
      </Card>
    </>
  );
}
