import { Card, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionSummary } from '@rhip/contracts';
import { formatPercent } from '../../../i18n/format';

/** Headline totals for the whole city. */
export function KpiCards({ totals }: { totals: RegionSummary['totals'] | undefined }) {
  const { t, i18n } = useTranslation();
  const loading = !totals;
  const share = totals && totals.institutions > 0 ? totals.publicInstitutions / totals.institutions : null;
  const cards = [
    { key: 'institutions', value: totals?.institutions, suffix: t('overview.kpi.unitInstitution') },
    {
      key: 'publicInstitutions',
      value: totals?.publicInstitutions,
      suffix: t('overview.kpi.unitInstitution'),
      note: share === null ? undefined : t('overview.kpi.publicShare', { share: formatPercent(share, i18n.language) }),
    },
    { key: 'masterPersons', value: totals?.masterPersons, suffix: t('overview.kpi.unitPerson') },
    { key: 'healthRecords', value: totals?.healthRecords, suffix: t('overview.kpi.unitRecord') },
    { key: 'encounters', value: totals?.encounters, suffix: t('overview.kpi.unitEncounter') },
  ] as const;

  return (
    <section className="kpi-grid" aria-label={t('overview.kpi.label')}>
      {cards.map((c) => (
        <Card key={c.key} size="small">
          {loading ? (
            <Skeleton active paragraph={{ rows: 1 }} title={{ width: '60%' }} />
          ) : (
            <>
              <Statistic title={t(`overview.kpi.${c.key}`)} value={c.value} suffix={c.suffix || undefined} />
              {'note' in c && c.note ? <div className="muted-small">{c.note}</div> : null}
            </>
          )}
        </Card>
      ))}
    </section>
  );
}
