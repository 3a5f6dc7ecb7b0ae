import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BatchState, RecordOutcomeStatus } from '@rhip/contracts';

const BATCH: Record<BatchState, { color: string; icon: ReactNode }> = {
  queued: { color: 'default', icon: <ClockCircleOutlined /> },
  processing: { color: 'processing', icon: <SyncOutlined spin /> },
  done: { color: 'success', icon: <CheckCircleOutlined /> },
  failed: { color: 'error', icon: <CloseCircleOutlined /> },
};

/** 批次状态 chip: 排队中 / 处理中 / 已完成 / 失败. */
export function BatchStatusTag({ status }: { status: BatchState }) {
  const { t } = useTranslation();
  const s = BATCH[status];
  return (
    <Tag color={s.color} icon={s.icon} variant="filled" data-status={status}>
      {t(`ingest.batchStatus.${status}`)}
    </Tag>
  );
}

const OUTCOME: Record<RecordOutcomeStatus, string> = {
  accepted: 'processing',
  rejected: 'error',
  stored: 'success',
  linked: 'green',
  review: 'warning',
  parked: 'gold',
  failed: 'magenta',
  noop: 'default',
};

/** 记录结果 chip. */
export function OutcomeStatusTag({ status }: { status: RecordOutcomeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={OUTCOME[status]} data-outcome={status}>
      {t(`ingest.outcome.${status}`)}
    </Tag>
  );
}
