import { useMemo } from 'react';
import { Empty, Flex, Segmented, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RecordOutcome } from '@rhip/contracts';
import {
  countOutcomes, filterOutcomes, OUTCOME_PAGE_SIZES, OUTCOME_STATUSES, type OutcomeFilter, type OutcomeView,
} from '../api/outcome-filters';
import { IssueList } from './IssueList';
import { OutcomeStatusTag } from './StatusTags';

interface OutcomesTableProps {
  outcomes: readonly RecordOutcome[];
  view: OutcomeView;
  onViewChange: (view: OutcomeView) => void;
  /** Link `review` outcomes to the match review queue (roles that can open it). */
  canReview: boolean;
}

/** 每条记录的结果: the outcome of every record of a batch, filtered and paged in the browser. */
export function OutcomesTable({ outcomes, view, onViewChange, canReview }: OutcomesTableProps) {
  const { t } = useTranslation();
  const counts = useMemo(() => countOutcomes(outcomes), [outcomes]);
  const withIssues = useMemo(() => filterOutcomes(outcomes, 'issues').length, [outcomes]);
  const rows = useMemo(() => filterOutcomes(outcomes, view.filter), [outcomes, view.filter]);

  const filterOptions: { value: OutcomeFilter; label: string }[] = [
    { value: 'all', label: `${t('common.all')} ${outcomes.length}` },
    { value: 'issues', label: `${t('ingest.outcomes.withIssues')} ${withIssues}` },
    ...OUTCOME_STATUSES.filter((s) => counts[s]).map((s) => ({ value: s as OutcomeFilter, label: `${t(`ingest.outcome.${s}`)} ${counts[s]}` })),
  ];

  const columns: TableColumnsType<RecordOutcome> = [
    { title: t('ingest.outcomes.index'), dataIndex: 'index', key: 'index', width: 72, align: 'right' },
    {
      title: t('ingest.outcomes.sourceId'),
      dataIndex: 'sourceId',
      key: 'sourceId',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => (v ? <span className="mono">{v}</span> : <span className="muted">—</span>),
    },
    {
      title: t('ingest.outcomes.status'),
      key: 'status',
      width: 110,
      render: (_, o) =>
        o.status === 'review' && canReview ? (
          <Link to="/persons/reviews" aria-label={t('ingest.outcomes.toReview')}>
            <OutcomeStatusTag status={o.status} />
          </Link>
        ) : (
          <OutcomeStatusTag status={o.status} />
        ),
    },
    {
      title: t('ingest.outcomes.masterPerson'),
      dataIndex: 'masterPersonId',
      key: 'person',
      width: 120,
      render: (v: string | null | undefined) => (v ? <span className="mono">{v}</span> : <span className="muted">—</span>),
    },
    { title: t('ingest.outcomes.issues'), key: 'issues', render: (_, o) => <IssueList issues={o.errors} changes={o.changes ?? []} /> },
  ];

  return (
    <>
      <Flex className="filter-bar" role="search" aria-label={t('ingest.outcomes.filterLabel')}>
        <Segmented<OutcomeFilter>
          aria-label={t('ingest.outcomes.filterLabel')}
          data-testid="outcome-filter"
          options={filterOptions}
          value={view.filter}
          onChange={(filter) => onViewChange({ ...view, filter, page: 1 })}
        />
      </Flex>
      <Table<RecordOutcome>
        aria-label={t('ingest.outcomes.title')}
        rowKey="index"
        size="small"
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ingest.outcomes.empty')} /> }}
        pagination={{
          current: view.page,
          pageSize: view.pageSize,
          total: rows.length,
          showSizeChanger: true,
          pageSizeOptions: OUTCOME_PAGE_SIZES.map(String),
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => onViewChange({ ...view, page: pageSize === view.pageSize ? page : 1, pageSize }),
          hideOnSinglePage: false,
        }}
      />
    </>
  );
}
