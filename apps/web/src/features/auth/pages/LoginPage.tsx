import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, MedicineBoxOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoginRequest } from '@rhip/contracts';
import { LanguageSwitch } from '../../../app/LanguageSwitch';
import { safeRedirect } from '../../../api/session';
import { useLogin } from '../api/useAuth';
import { LoginError } from '../components/LoginError';

type LoginNotice = { reason?: 'expired' | 'loggedOut' } | null;

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const login = useLogin();
  const notice = (location.state as LoginNotice)?.reason;

  const onFinish = (values: LoginRequest) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: () => void navigate(safeRedirect(params.get('redirect')), { replace: true }) },
    );
  };

  return (
    <main className="login-page">
      <title>{`${t('login.pageTitle')} · ${t('app.title')}`}</title>
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <MedicineBoxOutlined aria-hidden />
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
        </div>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 8 }}>
          {t('login.heading')}
        </Typography.Title>

        {login.isError ? (
          <LoginError error={login.error} />
        ) : notice === 'expired' ? (
          <Alert type="warning" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} />
        ) : notice === 'loggedOut' ? (
          <Alert type="success" showIcon title={t('login.loggedOut')} style={{ marginBottom: 16 }} />
        ) : null}

        <Form<LoginRequest> layout="vertical" requiredMark={false} onFinish={onFinish}>
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined aria-hidden />}
              placeholder={t('login.usernamePlaceholder')}
              autoComplete="username"
              autoFocus
              maxLength={64}
            />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password
              prefix={<LockOutlined aria-hidden />}
              placeholder={t('login.passwordPlaceholder')}
              autoComplete="current-password"
              maxLength={256}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
