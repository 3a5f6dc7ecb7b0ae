import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

/** 403: the signed-in user's role cannot use the page. */
export default function ForbiddenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={
        <>
          <title>{`${t('forbidden.title')} · ${t('app.title')}`}</title>
          <h1 className="result-title">{t('forbidden.title')}</h1>
        </>
      }
      subTitle={t('forbidden.description')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
