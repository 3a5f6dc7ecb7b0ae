import type { ReactNode } from 'react';
import { BankOutlined, CloudUploadOutlined, DashboardOutlined, TeamOutlined } from '@ant-design/icons';
import type { StaffRole } from '@rhip/contracts';
import type { Translations } from '../i18n/locales/zh-CN';

type NavKey = Exclude<keyof Translations['nav'], 'groups'>;
type NavGroupKey = keyof Translations['nav']['groups'];

export interface NavItem {
  /** Also the translation key under `nav.`. */
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Roles that see the entry; omitted = every staff role. */
  roles?: readonly StaffRole[];
}

export interface NavGroup {
  key: NavGroupKey;
  items: NavItem[];
}

/**
 * The side menu. Only pages that exist are listed. Later sections slot into
 * these groups (and a third, 系统管理, for users/roles and the audit log):
 *   monitoring: 互联互通 /interconnection, 数据质量 /quality, 指标 /kpis
 *   data:       采集监控 /ingest, 居民主索引 /persons
 *   resources:  机构管理 /institutions
 *   admin:      用户与权限 /users (admin), 审计日志 /audit (auditor)
 */
export const NAVIGATION: readonly NavGroup[] = [
  {
    key: 'monitoring',
    items: [{ key: 'overview', path: '/', icon: <DashboardOutlined /> }],
  },
  {
    key: 'data',
    items: [
      { key: 'ingest', path: '/ingest', icon: <CloudUploadOutlined />, roles: ['admin', 'quality_officer'] },
      // The review queue is the page that exists today; merge/unmerge inside is admin-only.
      { key: 'persons', path: '/persons', icon: <TeamOutlined />, roles: ['admin', 'quality_officer'] },
    ],
  },
  {
    key: 'resources',
    items: [{ key: 'institutions', path: '/institutions', icon: <BankOutlined /> }],
  },
];

export function navigationFor(role: StaffRole): NavGroup[] {
  return NAVIGATION.map((g) => ({ ...g, items: g.items.filter((i) => !i.roles || i.roles.includes(role)) })).filter(
    (g) => g.items.length > 0,
  );
}

/** The menu entry a path belongs to: the longest matching path prefix. */
export function activeNavKey(pathname: string): NavKey | undefined {
  let best: NavItem | undefined;
  for (const item of NAVIGATION.flatMap((g) => g.items)) {
    const matches = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
