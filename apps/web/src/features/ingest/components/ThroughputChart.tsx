import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../components/charts/EChart';
import type { ThroughputMinute } from '../api/throughput';

const hhmm = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** Records received and rejected per minute over the recent window. */
export default function ThroughputChart({ minutes }: { minutes: ThroughputMinute[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      color: ['#1668dc', '#ff4d4f'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: minutes.map((m) => hhmm(m.start)) },
      yAxis: { type: 'value', minInterval: 1, name: t('ingest.throughput.unit') || undefined },
      series: [
        { name: t('ingest.throughput.received'), type: 'line', smooth: true, showSymbol: false, areaStyle: { opacity: 0.12 }, data: minutes.map((m) => m.received) },
        { name: t('ingest.throughput.rejected'), type: 'line', smooth: true, showSymbol: false, data: minutes.map((m) => m.rejected) },
      ],
    }),
    [minutes, t],
  );
  return <EChart option={option} ariaLabel={t('ingest.throughput.ariaLabel', { minutes: minutes.length })} height={180} />;
}
