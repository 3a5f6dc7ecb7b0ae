import { Button, Empty, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BatchSummary, Page } from '@rhip/contracts';
import { formatDateTime, formatDuration, formatNumber } from '../../../i18n/format';
import { datasetLabel, shortBatchId } from '../api/labels';
import { PAGE_SIZES } from '../api/batch-filters';
import { BatchStatusTag } from './StatusTags';

interface BatchTableProps {
  data: Page<BatchSummary> | undefined;
  loading: boolean;
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onReset: () => void;
}

/** Server-paginated batches, newest first, with their record counts. */
export function BatchTable({ data, loading, filtered, onPageChange, onReset }: BatchTableProps) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const count = (key: keyof BatchSummary['counts'], tone?: 'danger' | 'warning') => ({
    title: t(`ingest.counts.${key}`),
    key,
    width: 78,
    align: 'right' as const,
    render: (_: unknown, b: BatchSummary) => {
      const v = b.counts[key];
      return tone && v > 0 ? <Typography.Text type={tone}>{n(v)}</Typography.Text> : n(v);
    },
  });

  const columns: TableColumnsType<BatchSummary> = [
    {
      title: t('ingest.columns.batch'),
      key: 'batch',
      width: 190,
      render: (_, b) => (
        <div>
          <Link to={`/ingest/batches/${b.batchId}`} className="mono" aria-label={t('ingest.columns.openBatch', { id: b.batchId })}>
            {shortBatchId(b.batchId)}
          </Link>
          <div className="muted-small">{formatDateTime(b.createdAt)}</div>
        </div>
      ),
    },
    {
      title: t('ingest.columns.institution'),
      key: 'institution',
      ellipsis: { showTitle: false },
      render: (_, b) => (
        <Tooltip title={b.institutionName}>
          <Link to={`/institutions/${b.institutionId}`}>{b.institutionName ?? b.institutionId}</Link>
        </Tooltip>
      ),
    },
    {
      title: t('ingest.columns.dataset'),
      key: 'dataset',
      width: 130,
      render: (_, b) => (
        <div>
          {datasetLabel(t, b.dataset)}
          <div className="muted-small">{b.channel.toUpperCase()}</div>
        </div>
      ),
    },
    { title: t('ingest.columns.status'), key: 'status', width: 104, render: (_, b) => <BatchStatusTag status={b.status} /> },
    count('received'),
    count('stored'),
    count('rejected', 'danger'),
    count('inReview', 'warning'),
    count('failed', 'danger'),
    {
      title: t('ingest.columns.duration'),
      key: 'duration',
      width: 96,
      align: 'right',
      render: (_, b) => formatDuration(b.createdAt, b.finishedAt) ?? '—',
    },
  ];

  return (
    <Table<BatchSummary>
      aria-label={t('ingest.tableLabel')}
      rowKey="batchId"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{
        emptyText: loading ? ' ' : (
          <Empty description={filtered ? t('ingest.emptyFiltered') : t('ingest.empty')}>
            {filtered ? <Button onClick={onReset}>{t('common.reset')}</Button> : null}
          </Empty>
        ),
      }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? PAGE_SIZES[0],
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
