import type { Config } from '@rhip/config';
import type { StaffRole, StaffUser } from '@rhip/contracts';
import type { PrismaClient } from '@rhip/db';
import { AppError, UnauthenticatedError } from '../../lib/errors';
import type { PrincipalResolver } from '../../plugins/access';
import { hashPassword, verifyPassword } from './password';
import { hashToken, newToken } from './tokens';

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60 * 1000;
/** Verified against when the username is unknown, so timing does not reveal which usernames exist. */
const DUMMY_HASH = hashPassword('not-a-real-password-0');

interface StaffRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  regionScope: string | null;
  institutionId: string | null;
}

function toStaffUser(u: StaffRow): StaffUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as StaffRole,
    regionScope: u.regionScope,
    institutionId: u.institutionId,
  };
}

export function createAuthService(deps: { db: PrismaClient; config: Pick<Config, 'SESSION_TTL_SECONDS' | 'ADMIN_USERNAME' | 'ADMIN_PASSWORD'> }) {
  const { db, config } = deps;

  async function login(username: string, password: string, meta: { ip?: string; userAgent?: string }) {
    const user = await db.staffUser.findUnique({ where: { username } });
    if (!user || !user.active) {
      await verifyPassword(await DUMMY_HASH, password);
      throw new UnauthenticatedError('Wrong username or password', 'INVALID_CREDENTIALS');
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      throw new AppError(423, 'ACCOUNT_LOCKED', `Account locked after repeated failures until ${user.lockedUntil.toISOString()}`);
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const failed = user.failedLogins + 1;
      await db.staffUser.update({
        where: { id: user.id },
        data: failed >= MAX_FAILED_LOGINS ? { failedLogins: 0, lockedUntil: new Date(Date.now() + LOCKOUT_MS) } : { failedLogins: failed },
      });
      throw new UnauthenticatedError('Wrong username or password', 'INVALID_CREDENTIALS');
    }
    const token = newToken();
    const expiresAt = new Date(Date.now() + config.SESSION_TTL_SECONDS * 1000);
    await db.$transaction([
      db.staffSession.create({
        data: { userId: user.id, tokenHash: hashToken(token), expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null },
      }),
      db.staffUser.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() } }),
    ]);
    return { accessToken: token, expiresIn: config.SESSION_TTL_SECONDS, user: toStaffUser(user) };
  }

  async function logout(sessionId: string) {
    await db.staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  const resolver: PrincipalResolver = {
    async staffByToken(token) {
      const session = await db.staffSession.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
      if (!session || session.revokedAt || session.expiresAt <= new Date() || !session.user.active) return null;
      return { user: toStaffUser(session.user), sessionId: session.id };
    },
    async institutionByKey(key) {
      const cred = await db.institutionCredential.findUnique({ where: { keyHash: hashToken(key) } });
      if (!cred || cred.revokedAt) return null;
      // Record use at most once a minute per key: a hot ingest path must not write on every request.
      if (!cred.lastUsedAt || Date.now() - cred.lastUsedAt.getTime() > 60_000) {
        void db.institutionCredential.update({ where: { id: cred.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
      }
      return { institutionId: cred.institutionId, credentialId: cred.id };
    },
  };

  /** The first admin comes from ADMIN_USERNAME / ADMIN_PASSWORD; created once, never overwritten. */
  async function ensureAdmin() {
    const existing = await db.staffUser.findUnique({ where: { username: config.ADMIN_USERNAME } });
    if (existing) return false;
    await db.staffUser.create({
      data: { username: config.ADMIN_USERNAME, displayName: '系统管理员', passwordHash: await hashPassword(config.ADMIN_PASSWORD), role: 'admin' },
    });
    return true;
  }

  async function me(userId: string) {
    const user = await db.staffUser.findUnique({ where: { id: userId } });
    if (!user) throw new UnauthenticatedError();
    return toStaffUser(user);
  }

  return { login, logout, resolver, ensureAdmin, me };
}

export type AuthService = ReturnType<typeof createAuthService>;
