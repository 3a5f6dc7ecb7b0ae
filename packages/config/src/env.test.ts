import { describe, expect, it } from 'vitest';
import { parseConfig } from './env';

describe('configuration', () => {
  it('has working defaults for a development machine', () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/rhip');
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('names every invalid variable', () => {
    expect(() => parseConfig({ PORT: 'eighty', DATABASE_URL: 'not a url' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });

  it('refuses the development secrets in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    const real = {
      NODE_ENV: 'production',
      SESSION_SECRET: 's'.repeat(40),
      PII_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
      BLIND_INDEX_KEY: 'b'.repeat(40),
    };
    expect(() => parseConfig(real)).toThrow(/ADMIN_PASSWORD/);
    expect(parseConfig({ ...real, ADMIN_PASSWORD: 'A-real-Passw0rd!' }).NODE_ENV).toBe('production');
  });
});
