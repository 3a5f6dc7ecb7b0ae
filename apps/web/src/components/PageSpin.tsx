import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** Loading state for a whole page or route chunk. */
export function PageSpin({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={fullScreen ? 'page-spin page-spin-full' : 'page-spin'} role="status" aria-live="polite">
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}
