import { Button, Card, Flex, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MatchComparisonField, MatchReview } from '@rhip/contracts';
import { formatDateTime } from '../../../i18n/format';
import { datasetLabel } from '../../ingest/api/labels';
import { comparisonRows, formatWeight, isKnownLevel, type ComparisonRow } from '../api/comparisons';
import { idTypeLabel, sexLabel } from '../api/labels';

interface ReviewCardProps {
  review: MatchReview;
  /** Accept / reject buttons (pending reviews, reviewer roles). */
  onDecide?: (review: MatchReview, decision: 'accept' | 'reject') => void;
}

interface Row extends ComparisonRow {
  incoming: string;
  candidate: string;
}

const STATUS_COLOR = { pending: 'warning', accepted: 'success', rejected: 'default' } as const;

/** One record waiting for a reviewer: the incoming person and the candidate side by side, field by field. */
export function ReviewCard({ review: r, onDecide }: ReviewCardProps) {
  const { t } = useTranslation();
  const values: Record<MatchComparisonField, [string, string]> = {
    name: [r.incoming?.name ?? '—', r.candidate.name ?? '—'],
    birthDate: [r.incoming?.birthDate ?? '—', r.candidate.birthDate ?? '—'],
    sex: [sexLabel(t, r.incoming?.sex), sexLabel(t, r.candidate.sex)],
    phone: [t('personIndex.review.notShown'), t('personIndex.review.notShown')],
    region: [t('personIndex.review.notShown'), t('personIndex.review.notShown')],
    idKey: [idTypeLabel(t, r.incoming?.idType), t('personIndex.review.notShown')],
  };
  const rows: Row[] = comparisonRows(r.comparisons).map((c) => ({ ...c, incoming: values[c.field][0], candidate: values[c.field][1] }));
  const headingId = `review-${r.id}`;

  const columns: TableColumnsType<Row> = [
    { title: t('personIndex.review.field'), dataIndex: 'field', key: 'field', width: 110, render: (f: MatchComparisonField) => t(`personIndex.field.${f}`) },
    { title: t('personIndex.review.incoming'), dataIndex: 'incoming', key: 'incoming' },
    { title: t('personIndex.review.candidate'), dataIndex: 'candidate', key: 'candidate' },
    {
      title: t('personIndex.review.level'),
      dataIndex: 'level',
      key: 'level',
      width: 130,
      render: (level: string, row) => (
        <Tag color={row.weight > 0.05 ? 'success' : row.weight < -0.05 ? 'error' : 'default'} data-level={level}>
          {isKnownLevel(level) ? t(`personIndex.level.${level}`) : level}
        </Tag>
      ),
    },
    {
      title: (
        <Tooltip title={t('personIndex.review.weightHelp')}>
          <span>{t('personIndex.review.weight')}</span>
        </Tooltip>
      ),
      dataIndex: 'weight',
      key: 'weight',
      width: 80,
      align: 'right',
      render: (w: number) => <span className={w > 0.05 ? 'weight-pos' : w < -0.05 ? 'weight-neg' : 'muted'}>{formatWeight(w)}</span>,
    },
  ];

  return (
    <Card
      size="small"
      className="review-card"
      data-testid="review-card"
      data-review-id={r.id}
      aria-labelledby={headingId}
      title={
        <Flex vertical gap={2} className="review-card-title">
          <Typography.Text strong id={headingId}>
            {t('personIndex.review.recordTitle', { dataset: datasetLabel(t, r.dataset), sourceId: r.sourceId })}
          </Typography.Text>
          <Typography.Text type="secondary" className="muted-small no-margin">
            <Link to={`/institutions/${r.institutionId}`}>{r.institutionName ?? r.institutionId}</Link>
            {' · '}
            {formatDateTime(r.createdAt)}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Space size={12} wrap>
          <span className="review-score" aria-label={t('personIndex.review.scoreLabel', { score: r.score.toFixed(1) })}>
            {t('personIndex.review.score')} <strong>{r.score.toFixed(1)}</strong>
          </span>
          <Tag color={STATUS_COLOR[r.status]}>{t(`personIndex.status.${r.status}`)}</Tag>
        </Space>
      }
    >
      <Table<Row>
        aria-label={t('personIndex.review.tableLabel', { sourceId: r.sourceId })}
        rowKey="field"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              <Typography.Text strong>{t('personIndex.review.total')}</Typography.Text>
              <span className="muted-small"> {t('personIndex.review.candidateId', { id: r.candidate.masterPersonId })}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{formatWeight(r.score)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {onDecide && r.status === 'pending' ? (
        <Flex gap={8} justify="flex-end" className="review-actions">
          <Button icon={<CloseOutlined />} onClick={() => onDecide(r, 'reject')}>
            {t('personIndex.review.reject')}
          </Button>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => onDecide(r, 'accept')}>
            {t('personIndex.review.accept')}
          </Button>
        </Flex>
      ) : r.decidedAt ? (
        <div className="muted-small review-actions">{t('personIndex.review.decidedAt', { at: formatDateTime(r.decidedAt) })}</div>
      ) : null}
    </Card>
  );
}
