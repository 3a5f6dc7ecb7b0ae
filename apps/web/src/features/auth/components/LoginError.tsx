import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { describeError, errorRequestId } from '../../../api/error-message';

const LOGIN_CODES = ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'VALIDATION_FAILED', 'RATE_LIMITED'] as const;
type LoginCode = (typeof LOGIN_CODES)[number];

function loginCode(err: unknown): LoginCode | null {
  if (!isApiError(err)) return null;
  return (LOGIN_CODES as readonly string[]).includes(err.code) ? (err.code as LoginCode) : null;
}

/** Why the login failed, in words the user can act on. */
export function LoginError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = loginCode(error);
  const requestId = code ? undefined : errorRequestId(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('login.failedTitle')}
      description={
        <>
          {code ? t(`login.errors.${code}`) : describeError(t, error)}
          {requestId ? <div className="muted-small">{t('common.requestId', { id: requestId })}</div> : null}
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
