/**
 * Staff accounts: the first administrator from ADMIN_USERNAME /
 * ADMIN_PASSWORD, and one demo account per role (documented in
 * prisma/seed/README.md). Passwords are argon2id PHC strings.
 */
import { hash } from '@node-rs/argon2';
import type { SeedInstitution } from './institutions';
import type { Row } from './sink';

/** Password of every demo account except the administrator. */
export const DEMO_PASSWORD = 'Demo@2026!';

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'admin' | 'analyst' | 'quality_officer' | 'clinician' | 'auditor' | 'institution_operator';
  regionScope: string | null;
  /** Name of the institution the account acts for. */
  institution: string | null;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'analyst', displayName: '统计信息科 王敏', role: 'analyst', regionScope: null, institution: null },
  { username: 'quality', displayName: '数据质控 李静', role: 'quality_officer', regionScope: null, institution: null },
  { username: 'zizhong', displayName: '资中县卫健局 陈涛', role: 'analyst', regionScope: '511025', institution: null },
  { username: 'doctor', displayName: '市一医院 刘医生', role: 'clinician', regionScope: null, institution: '内江市第一人民医院' },
  { username: 'auditor', displayName: '审计 张丽', role: 'auditor', regionScope: null, institution: null },
  { username: 'weiyuan-his', displayName: '威远县人民医院 信息科', role: 'institution_operator', regionScope: '511024', institution: '威远县人民医院' },
];

const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function staffUserRows(admin: { username: string; password: string }, institutions: readonly SeedInstitution[], ids: () => string, at: string): Promise<Row[]> {
  const byName = new Map(institutions.map((i) => [i.name, i]));
  const rows: Row[] = [];
  const demoHash = await hash(DEMO_PASSWORD, ARGON);
  rows.push({ id: ids(), username: admin.username, display_name: '系统管理员', password_hash: await hash(admin.password, ARGON), role: 'admin', region_scope: null, institution_id: null, active: true, password_changed_at: at, created_at: at, updated_at: at });
  for (const u of DEMO_USERS) {
    if (u.username === admin.username) continue;
    rows.push({ id: ids(), username: u.username, display_name: u.displayName, password_hash: demoHash, role: u.role, region_scope: u.regionScope, institution_id: u.institution ? (byName.get(u.institution)?.id ?? null) : null, active: true, password_changed_at: at, created_at: at, updated_at: at });
  }
  return rows;
}
