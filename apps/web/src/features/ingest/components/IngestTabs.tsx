import { useTranslation } from 'react-i18next';
import { SectionTabs } from '../../../components/SectionTabs';
import { useHasRole } from '../../../app/RequireRole';

/** 批次 / 死信队列: the pages of 采集监控. */
export function IngestTabs() {
  const { t } = useTranslation();
  const canSeeDeadLetters = useHasRole(['admin', 'quality_officer']);
  return (
    <SectionTabs
      ariaLabel={t('ingest.tabsLabel')}
      tabs={[
        { path: '/ingest', label: t('ingest.tabs.batches') },
        ...(canSeeDeadLetters ? [{ path: '/ingest/dead-letters', label: t('ingest.tabs.deadLetters') }] : []),
      ]}
    />
  );
}
