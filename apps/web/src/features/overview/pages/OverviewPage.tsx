import { lazy, Suspense } from 'react';
import { Card, Col, Empty, Row, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { regionSummaryQueryOptions } from '../../regions/api/regions-api';
import { CountyTable } from '../components/CountyTable';
import { KpiCards } from '../components/KpiCards';

// ECharts is the heaviest dependency: its own chunk. The download starts as soon
// as this page's chunk loads, in parallel with the summary request.
const loadChart = () => import('../components/CountyInstitutionsChart');
void loadChart();
const CountyInstitutionsChart = lazy(loadChart);

export default function OverviewPage() {
  const { t } = useTranslation();
  const summary = useQuery(regionSummaryQueryOptions());
  const data = summary.data;

  return (
    <>
      <PageHeader title={t('overview.pageTitle')} subtitle={data ? t('overview.subtitle', { city: data.city.name }) : undefined} />
      {summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <>
          <KpiCards totals={data?.totals} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card title={t('overview.chart.title')} size="small">
                {!data ? (
                  <Skeleton active paragraph={{ rows: 6 }} />
                ) : data.counties.length === 0 ? (
                  <Empty description={t('common.noData')} />
                ) : (
                  <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
                    <CountyInstitutionsChart counties={data.counties} />
                  </Suspense>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('overview.counties.title')} size="small">
                {!data ? (
                  <Skeleton active paragraph={{ rows: 6 }} />
                ) : data.counties.length === 0 ? (
                  <Empty description={t('common.noData')} />
                ) : (
                  <CountyTable summary={data} />
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
