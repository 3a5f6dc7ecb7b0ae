import { lazy, Suspense, useMemo } from 'react';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { formatNumber } from '../../../i18n/format';
import { throughputQueryOptions } from '../api/ingest-api';
import { computeThroughput } from '../api/throughput';

// ECharts is its own chunk (shared with the other charts); start it with this page.
const loadChart = () => import('./ThroughputChart');
void loadChart();
const ThroughputChart = lazy(loadChart);

const WINDOW_MINUTES = 30;
const RECENT_MINUTES = 5;

/** 实时吞吐: records received per minute, from the most recent batches. */
export function ThroughputCard({ live }: { live: boolean }) {
  const { t, i18n } = useTranslation();
  const recent = useQuery(throughputQueryOptions(live));
  const data = recent.data;
  // "Now" is when the answer was fetched, so the figure is stable between refreshes.
  const fetchedAt = recent.dataUpdatedAt;
  const tp = useMemo(
    () =>
      data
        ? computeThroughput(data.items, fetchedAt, { windowMinutes: WINDOW_MINUTES, recentMinutes: RECENT_MINUTES, hasMore: data.total > data.items.length })
        : null,
    [data, fetchedAt],
  );

  return (
    <Card size="small" title={t('ingest.throughput.title')} className="form-section">
      {recent.isError ? (
        <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
      ) : !tp ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <Row gutter={[24, 8]} align="middle">
          <Col xs={24} lg={7}>
            <div aria-live="polite" data-testid="throughput">
              <Statistic
                title={t('ingest.throughput.perMinute', { minutes: RECENT_MINUTES })}
                value={tp.perMinute}
                precision={tp.perMinute >= 100 || tp.perMinute === 0 ? 0 : 1}
                suffix={t('ingest.throughput.perMinuteUnit')}
              />
              <Typography.Paragraph type="secondary" className="muted-small">
                {t('ingest.throughput.window', {
                  minutes: WINDOW_MINUTES,
                  records: formatNumber(tp.receivedInWindow, i18n.language),
                  batches: formatNumber(tp.batchesInWindow, i18n.language),
                })}
                {tp.partial ? ` ${t('ingest.throughput.partial')}` : ''}
              </Typography.Paragraph>
            </div>
          </Col>
          <Col xs={24} lg={17}>
            <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
              <ThroughputChart minutes={tp.minutes} />
            </Suspense>
          </Col>
        </Row>
      )}
    </Card>
  );
}
