import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './password';
import { ADMIN, bearer, buildTestApp, json, login } from '../../../test/helper';

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await buildTestApp());
});
afterAll(async () => {
  await app.close();
});

describe('staff login', () => {
  it('answers an access token and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
    expect(res.statusCode).toBe(200);
    const body = json<{ accessToken: string; expiresIn: number; user: { role: string } }>(res);
    expect(body.accessToken.length).toBeGreaterThan(30);
    expect(body.expiresIn).toBe(8 * 3600);
    expect(body.user.role).toBe('admin');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('rhip_session=');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('stores the password as argon2id, never in clear', async () => {
    const user = await app.db.staffUser.findUniqueOrThrow({ where: { username: ADMIN.username } });
    expect(user.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(user.passwordHash).not.toContain(ADMIN.password);
  });

  it('rejects a wrong password and an unknown user with the same answer', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: ADMIN.username, password: 'nope' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ghost', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong).code).toBe('INVALID_CREDENTIALS');
    expect(json(unknown).code).toBe('INVALID_CREDENTIALS');
  });

  it('names the missing field when the body is incomplete', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    const body = json<{ code: string; details: { path: string }[] }>(res);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.map((d) => d.path)).toContain('body.password');
  });

  it('locks an account after five failures, even for the right password', async () => {
    await app.db.staffUser.create({ data: { username: 'locky', displayName: 'L', role: 'analyst', passwordHash: await hashPassword('Right-Pass@1') } });
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'locky', password: 'wrong' } });
      expect(r.statusCode).toBe(401);
    }
    const locked = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'locky', password: 'Right-Pass@1' } });
    expect(locked.statusCode).toBe(423);
    expect(json(locked).code).toBe('ACCOUNT_LOCKED');
  });
});

describe('login rate limit', () => {
  it('answers 429 with the error body once an address exceeds its login budget', async () => {
    const { app: limited } = await buildTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const attempt = () => limited.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const res = await attempt();
      expect(res.statusCode).toBe(429);
      expect(json(res).code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('identifies the user by bearer token and by cookie', async () => {
    const token = await login(app);
    const viaBearer = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    const viaCookie = await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { rhip_session: token } });
    expect(json(viaBearer).username).toBe(ADMIN.username);
    expect(json(viaCookie).username).toBe(ADMIN.username);
  });

  it('answers 401 without credentials and with a made-up token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer('made-up') });
    expect(res.statusCode).toBe(401);
    expect(json(res).code).toBe('INVALID_TOKEN');
  });

  it('requires the console header for state changes made with the cookie (CSRF)', async () => {
    const token = await login(app);
    const forged = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { rhip_session: token } });
    expect(forged.statusCode).toBe(403);
    expect(json(forged).code).toBe('CSRF_CHECK_FAILED');
    const real = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { rhip_session: token }, headers: { 'x-requested-with': 'rhip-console' } });
    expect(real.statusCode).toBe(204);
  });

  it('revokes the token on logout', async () => {
    const token = await login(app);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('stores only a hash of the token', async () => {
    const token = await login(app);
    const clear = await app.db.staffSession.count({ where: { tokenHash: token } });
    expect(clear).toBe(0);
  });
});
