import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError, errorRequestId } from '../api/error-message';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

/** The error state of a panel: what went wrong, the request id, and a retry. */
export function ErrorState({ error, onRetry, title }: ErrorStateProps) {
  const { t } = useTranslation();
  const requestId = errorRequestId(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? t('common.errorTitle')}
      description={
        <>
          {describeError(t, error)}
          {requestId ? <div className="muted-small">{t('common.requestId', { id: requestId })}</div> : null}
        </>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
