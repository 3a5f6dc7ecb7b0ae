import { useTranslation } from 'react-i18next';
import { SectionTabs } from '../../../components/SectionTabs';
import { useHasRole } from '../../../app/RequireRole';

/** 匹配审核 / 合并与拆分: the pages of 居民主索引 (person search comes with the security work). */
export function PersonIndexTabs() {
  const { t } = useTranslation();
  const isAdmin = useHasRole(['admin']);
  return (
    <SectionTabs
      ariaLabel={t('personIndex.tabsLabel')}
      tabs={[
        { path: '/persons/reviews', label: t('personIndex.tabs.reviews') },
        ...(isAdmin ? [{ path: '/persons/merge', label: t('personIndex.tabs.merge') }] : []),
      ]}
    />
  );
}
