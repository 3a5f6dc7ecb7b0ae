import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DeadLetter, ReplayResult } from '@rhip/contracts';
import { useHasRole } from '../../../app/RequireRole';
import { describeError } from '../../../api/error-message';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../i18n/format';
import { pageFromSearchParams } from '../api/batch-filters';
import { deadLettersQueryOptions } from '../api/ingest-api';
import { datasetLabel, shortBatchId } from '../api/labels';
import { useReplay } from '../api/useReplay';
import { IngestTabs } from '../components/IngestTabs';

const PAGE_SIZES = [20, 50, 100] as const;

/** 死信队列: batches and records that failed unexpectedly, with replay (admin). */
export default function DeadLettersPage() {
  const { t } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = useMemo(() => pageFromSearchParams(params, PAGE_SIZES, PAGE_SIZES[0]), [params]);
  const list = useQuery(deadLettersQueryOptions(page, pageSize));
  const canReplay = useHasRole(['admin']);
  const replay = useReplay();
  const [replayed, setReplayed] = useState<(ReplayResult & { from: string }) | null>(null);

  const onReplay = (d: DeadLetter) => {
    modal.confirm({
      title: t('ingest.deadLetters.replayConfirmTitle', { id: shortBatchId(d.batchId) }),
      content: d.index === null ? t('ingest.deadLetters.replayBatchConfirm') : t('ingest.deadLetters.replayRecordsConfirm'),
      okText: t('ingest.deadLetters.replay'),
      cancelText: t('common.cancel'),
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          const result = await replay.mutateAsync(d.batchId);
          setReplayed({ ...result, from: d.batchId });
        } catch (err) {
          void message.error(describeError(t, err));
        }
      },
    });
  };

  const columns: TableColumnsType<DeadLetter> = [
    { title: t('ingest.deadLetters.at'), dataIndex: 'at', key: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('ingest.columns.institution'),
      key: 'institution',
      ellipsis: true,
      render: (_, d) => <Link to={`/institutions/${d.institutionId}`}>{d.institutionName ?? d.institutionId}</Link>,
    },
    { title: t('ingest.columns.dataset'), key: 'dataset', width: 130, render: (_, d) => datasetLabel(t, d.dataset) },
    {
      title: t('ingest.columns.batch'),
      key: 'batch',
      width: 110,
      render: (_, d) => (
        <Link to={`/ingest/batches/${d.batchId}`} className="mono">
          {shortBatchId(d.batchId)}
        </Link>
      ),
    },
    {
      title: t('ingest.deadLetters.record'),
      key: 'record',
      width: 180,
      render: (_, d) =>
        d.index === null ? (
          <Typography.Text strong>{t('ingest.deadLetters.wholeBatch')}</Typography.Text>
        ) : (
          <span>
            #{d.index}
            {d.sourceId ? <span className="mono"> · {d.sourceId}</span> : null}
          </span>
        ),
    },
    {
      title: t('ingest.deadLetters.reason'),
      dataIndex: 'reason',
      key: 'reason',
      ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Tooltip title={v}>{v}</Tooltip> : <span className="muted">—</span>),
    },
    ...(canReplay
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 96,
            render: (_: unknown, d: DeadLetter) => (
              <Button size="small" icon={<RedoOutlined />} onClick={() => onReplay(d)} aria-label={t('ingest.deadLetters.replayBatch', { id: shortBatchId(d.batchId) })}>
                {t('ingest.deadLetters.replay')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const setPage = (p: number, size: number) => {
    const next = new URLSearchParams();
    const newPage = size === pageSize ? p : 1;
    if (newPage > 1) next.set('page', String(newPage));
    if (size !== PAGE_SIZES[0]) next.set('pageSize', String(size));
    setParams(next);
  };

  return (
    <>
      <PageHeader title={t('ingest.pageTitle')} subtitle={t('ingest.deadLetters.subtitle')} />
      <IngestTabs />
      {replayed ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setReplayed(null), 'aria-label': t('common.close') }}
          className="form-section"
          role="status"
          title={t('ingest.deadLetters.replayed', { records: replayed.records })}
          description={
            <Link to={`/ingest/batches/${replayed.batchId}`} data-testid="replayed-batch-link">
              {replayed.batchId === replayed.from
                ? t('ingest.deadLetters.openSameBatch', { id: shortBatchId(replayed.batchId) })
                : t('ingest.deadLetters.openNewBatch', { id: shortBatchId(replayed.batchId) })}
            </Link>
          }
        />
      ) : null}
      <Card size="small" title={t('ingest.deadLetters.title')}>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<DeadLetter>
            aria-label={t('ingest.deadLetters.title')}
            rowKey={(d) => `${d.batchId}:${d.index ?? 'batch'}`}
            size="small"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
            locale={{
              emptyText: list.isPending ? ' ' : <Empty description={t('ingest.deadLetters.empty')} />,
            }}
            pagination={{
              current: list.data?.page ?? page,
              pageSize: list.data?.pageSize ?? pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES.map(String),
              showTotal: (total) => t('common.total', { total }),
              onChange: setPage,
            }}
          />
        )}
      </Card>
    </>
  );
}
