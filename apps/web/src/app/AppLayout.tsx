import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { App as AntApp, Button, Flex, Layout, Menu, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, MedicineBoxOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/error-message';
import { PageSpin } from '../components/PageSpin';
import { useLogout } from '../features/auth/api/useAuth';
import { useStaffUser } from './current-user';
import { LanguageSwitch } from './LanguageSwitch';
import { activeNavKey, navigationFor } from './navigation';

const { Header, Sider, Content } = Layout;

/** The console shell: side menu, header with user, language and logout, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useStaffUser();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);

  const groups = navigationFor(user.role);
  const menuItems: MenuProps['items'] = groups.map((group) => ({
    type: 'group',
    key: group.key,
    label: collapsed ? null : t(`nav.groups.${group.key}`),
    children: group.items.map((item) => ({
      key: item.key,
      icon: item.icon,
      // A real link (open in a new tab, copy address); the menu itself is one tab
      // stop with arrow keys, so the link is taken out of the tab order.
      label: (
        <Link to={item.path} tabIndex={-1}>
          {t(`nav.${item.key}`)}
        </Link>
      ),
    })),
  }));
  const selected = activeNavKey(location.pathname);
  const onMenuClick: MenuProps['onClick'] = ({ key, domEvent }) => {
    // Mouse clicks on the link navigate by themselves; Enter/Space on the item lands here.
    if (domEvent.target instanceof Element && domEvent.target.closest('a')) return;
    const item = groups.flatMap((g) => g.items).find((i) => i.key === key);
    if (item) void navigate(item.path);
  };

  const onLogout = () => {
    logout.mutate(undefined, { onError: (err) => void message.error(describeError(t, err)) });
  };

  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Sider
        width={208}
        collapsedWidth={64}
        collapsed={collapsed}
        breakpoint="lg"
        onBreakpoint={(broken) => setCollapsed(broken)}
        trigger={null}
      >
        <div className="app-sider-inner">
          <Link to="/" className="app-brand" aria-label={t('app.title')}>
            <MedicineBoxOutlined className="app-brand-icon" aria-hidden />
            {collapsed ? null : <span className="app-brand-text">{t('app.shortTitle')}</span>}
          </Link>
          <nav aria-label={t('app.mainNav')}>
            <Menu
              theme="dark"
              mode="inline"
              items={menuItems}
              selectedKeys={selected ? [selected] : []}
              onClick={onMenuClick}
            />
          </nav>
        </div>
      </Sider>
      <Layout>
        <Header className="app-header">
          <Tooltip title={collapsed ? t('header.expandMenu') : t('header.collapseMenu')}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('header.expandMenu') : t('header.collapseMenu')}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed((c) => !c)}
            />
          </Tooltip>
          <Typography.Text className="app-header-owner" type="secondary">
            {t('app.owner')}
          </Typography.Text>
          <Flex align="center" gap={16} className="app-header-right">
            <LanguageSwitch />
            <Flex align="center" gap={8} className="app-user" data-testid="current-user">
              <UserOutlined aria-hidden />
              <span className="app-user-name">{user.displayName}</span>
              <Tag color="blue" variant="filled">
                {t(`roles.${user.role}`)}
              </Tag>
            </Flex>
            <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending}>
              {logout.isPending ? t('header.loggingOut') : t('header.logout')}
            </Button>
          </Flex>
        </Header>
        <Content id="main-content" tabIndex={-1} className="app-content">
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
