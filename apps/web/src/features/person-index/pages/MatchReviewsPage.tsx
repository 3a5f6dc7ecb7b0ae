import { useCallback, useMemo, useState } from 'react';
import { App as AntApp, Empty, Flex, Pagination, Segmented, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MatchReview, MatchReviewStatus } from '@rhip/contracts';
import { describeError } from '../../../api/error-message';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { reviewListQueryOptions } from '../api/person-index-api';
import { REVIEW_PAGE_SIZES, REVIEW_STATUSES, reviewFiltersFromSearchParams, searchParamsFromReviewFilters } from '../api/review-filters';
import { useDecideReview } from '../api/usePersonIndexMutations';
import { DecisionModal } from '../components/DecisionModal';
import { PersonIndexTabs } from '../components/PersonIndexTabs';
import { ReviewCard } from '../components/ReviewCard';

/** 匹配审核: records whose best master-person candidate needs a person to decide (masked). */
export default function MatchReviewsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => reviewFiltersFromSearchParams(params), [params]);
  const setFilters = useCallback((f: typeof filters) => setParams(searchParamsFromReviewFilters(f)), [setParams]);
  const list = useQuery(reviewListQueryOptions(filters));
  const decide = useDecideReview();
  const [pending, setPending] = useState<{ review: MatchReview; decision: 'accept' | 'reject' } | null>(null);

  const onConfirm = (note: string | undefined) => {
    if (!pending) return;
    const { review, decision } = pending;
    decide.mutate(
      { id: review.id, decision, ...(note ? { note } : {}) },
      {
        onSuccess: (res) => {
          setPending(null);
          void message.success(
            decision === 'accept'
              ? t('personIndex.review.accepted', { sourceId: review.sourceId, id: res.masterPersonId })
              : t('personIndex.review.rejected', { sourceId: review.sourceId, id: res.masterPersonId }),
          );
        },
        onError: (err) => void message.error(describeError(t, err)),
      },
    );
  };

  const data = list.data;
  return (
    <>
      <PageHeader title={t('personIndex.pageTitle')} subtitle={t('personIndex.review.subtitle')} />
      <PersonIndexTabs />
      <Flex className="filter-bar" align="center" gap={12} wrap>
        <Segmented<MatchReviewStatus>
          aria-label={t('personIndex.review.statusFilter')}
          data-testid="review-status"
          options={REVIEW_STATUSES.map((s) => ({ value: s, label: t(`personIndex.status.${s}`) }))}
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status, page: 1 })}
        />
        {data ? <span className="muted-small no-margin">{t('common.total', { total: data.total })}</span> : null}
      </Flex>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : data.items.length === 0 ? (
        <Empty className="empty-block" description={t(`personIndex.review.empty.${filters.status}`)} />
      ) : (
        <div aria-busy={list.isFetching} className={list.isPlaceholderData ? 'is-stale' : undefined}>
          <Flex vertical gap={16}>
            {data.items.map((r) => (
              <ReviewCard key={r.id} review={r} onDecide={(review, decision) => setPending({ review, decision })} />
            ))}
          </Flex>
          <Pagination
            className="list-pagination"
            current={data.page}
            pageSize={data.pageSize}
            total={data.total}
            showSizeChanger
            pageSizeOptions={REVIEW_PAGE_SIZES.map(String)}
            showTotal={(total) => t('common.total', { total })}
            onChange={(page, pageSize) => setFilters({ ...filters, page: pageSize === filters.pageSize ? page : 1, pageSize })}
          />
        </div>
      )}
      <DecisionModal pending={pending} submitting={decide.isPending} onConfirm={onConfirm} onCancel={() => setPending(null)} />
    </>
  );
}
