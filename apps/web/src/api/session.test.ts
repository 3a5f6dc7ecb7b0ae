import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { authKeys } from './query-keys';
import { loginPath, markSessionExpired, safeRedirect, sessionEndReason } from './session';

describe('redirect after login', () => {
  it('keeps paths inside the console with their query string', () => {
    expect(safeRedirect('/institutions?regionCode=511024')).toBe('/institutions?regionCode=511024');
  });

  it('refuses other origins, protocol-relative URLs and the login page itself', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/login', '/login?redirect=/x', '', null]) {
      expect(safeRedirect(bad)).toBe('/');
    }
  });

  it('builds the login URL that brings the user back', () => {
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('/institutions?level=3A')).toBe('/login?redirect=%2Finstitutions%3Flevel%3D3A');
  });
});

describe('session end', () => {
  it('marks the session expired only when a user was signed in', () => {
    const anonymous = new QueryClient();
    anonymous.setQueryData(authKeys.me(), null);
    markSessionExpired(anonymous);
    expect(sessionEndReason(anonymous)).toBeUndefined();

    const signedIn = new QueryClient();
    signedIn.setQueryData(authKeys.me(), { id: 'u1', username: 'a', displayName: 'A', role: 'admin', regionScope: null, institutionId: null });
    markSessionExpired(signedIn);
    expect(signedIn.getQueryData(authKeys.me())).toBeNull();
    expect(sessionEndReason(signedIn)).toBe('expired');
  });
});
