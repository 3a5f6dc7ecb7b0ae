import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchCounts as Counts } from '@rhip/contracts';

const ORDER = ['received', 'accepted', 'stored', 'linked', 'rejected', 'inReview', 'parked', 'failed', 'noop'] as const satisfies readonly (keyof Counts)[];
const TONE: Partial<Record<keyof Counts, string>> = { rejected: '#cf1322', failed: '#c41d7f', inReview: '#d46b08', stored: '#389e0d', linked: '#389e0d' };

/** The batch's record counts, one card each. */
export function BatchCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  return (
    <section className="count-grid" aria-label={t('ingest.detail.countsLabel')}>
      {ORDER.map((key) => (
        <Card key={key} size="small">
          <Statistic
            title={t(`ingest.counts.${key}`)}
            value={counts[key]}
            styles={counts[key] > 0 && TONE[key] ? { content: { color: TONE[key] } } : undefined}
          />
        </Card>
      ))}
    </section>
  );
}
