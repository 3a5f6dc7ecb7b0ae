import { useCallback, useMemo } from 'react';
import { Breadcrumb, Card, Descriptions, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useHasRole } from '../../../app/RequireRole';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime, formatDuration } from '../../../i18n/format';
import { batchDetailQueryOptions } from '../api/ingest-api';
import { datasetLabel, shortBatchId } from '../api/labels';
import { outcomeViewFromSearchParams, searchParamsFromOutcomeView, type OutcomeView } from '../api/outcome-filters';
import { BatchCounts } from '../components/BatchCounts';
import { IngestTabs } from '../components/IngestTabs';
import { OutcomesTable } from '../components/OutcomesTable';
import { BatchStatusTag } from '../components/StatusTags';

/** One batch: its state, counts and the outcome of every record with the problems found. */
export default function BatchDetailPage() {
  const { t } = useTranslation();
  const { batchId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => outcomeViewFromSearchParams(params), [params]);
  const setView = useCallback((v: OutcomeView) => setParams(searchParamsFromOutcomeView(v), { replace: true }), [setParams]);
  const batch = useQuery(batchDetailQueryOptions(batchId));
  const canReview = useHasRole(['admin', 'quality_officer']);
  const b = batch.data;
  const shortId = shortBatchId(batchId);

  return (
    <>
      <Breadcrumb
        className="page-breadcrumb"
        items={[{ title: <Link to="/ingest">{t('ingest.pageTitle')}</Link> }, { title: t('ingest.detail.crumb', { id: shortId }) }]}
      />
      <PageHeader
        title={t('ingest.detail.title', { id: shortId })}
        subtitle={b ? `${datasetLabel(t, b.dataset)} · ${formatDateTime(b.createdAt)}` : undefined}
        extra={b ? <BatchStatusTag status={b.status} /> : null}
      />
      <IngestTabs />
      {batch.isError ? (
        <ErrorState error={batch.error} onRetry={() => void batch.refetch()} />
      ) : !b ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Card size="small" className="form-section">
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label={t('ingest.detail.batchId')}>
                <Typography.Text className="mono" copyable>
                  {b.batchId}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('ingest.columns.dataset')}>{datasetLabel(t, b.dataset)}</Descriptions.Item>
              <Descriptions.Item label={t('ingest.detail.channel')}>{(b.channel ?? 'rest').toUpperCase()}</Descriptions.Item>
              <Descriptions.Item label={t('ingest.detail.received')}>{formatDateTime(b.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('ingest.detail.started')}>{formatDateTime(b.startedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('ingest.detail.finished')}>
                {formatDateTime(b.finishedAt)}
                {formatDuration(b.createdAt, b.finishedAt) ? <span className="muted"> ({formatDuration(b.createdAt, b.finishedAt)})</span> : null}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <BatchCounts counts={b.counts} />
          <Card size="small" title={t('ingest.outcomes.title')}>
            <OutcomesTable outcomes={b.outcomes} view={view} onViewChange={setView} canReview={canReview} />
          </Card>
        </>
      )}
    </>
  );
}
