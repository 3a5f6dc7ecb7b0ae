import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionSummary } from '@rhip/contracts';
import { EChart, type ChartOption } from '../../../components/charts/EChart';

/** Stacked bars: public and private institutions per county. */
export default function CountyInstitutionsChart({ counties }: { counties: RegionSummary['counties'] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      color: ['#1668dc', '#95c8ff'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, right: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: counties.map((c) => c.name), axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', name: t('overview.chart.unit') || undefined, minInterval: 1 },
      series: [
        {
          name: t('overview.chart.public'),
          type: 'bar',
          stack: 'institutions',
          barMaxWidth: 48,
          data: counties.map((c) => c.publicInstitutions),
        },
        {
          name: t('overview.chart.private'),
          type: 'bar',
          stack: 'institutions',
          barMaxWidth: 48,
          label: { show: true, position: 'top', formatter: (p) => String(counties[p.dataIndex]?.institutions ?? '') },
          data: counties.map((c) => c.institutions - c.publicInstitutions),
        },
      ],
    }),
    [counties, t],
  );
  return <EChart option={option} ariaLabel={t('overview.chart.ariaLabel')} height={300} />;
}
