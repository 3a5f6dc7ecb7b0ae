import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE, type StaffRole, type StaffUser } from '@rhip/contracts';
import { ForbiddenError, UnauthenticatedError } from '../lib/errors';

/**
 * Who may call a route. Every route declares one in `config.access`; a route
 * without a declaration is denied to everyone (default deny), and
 * `undeclaredRoutes()` lets a test fail when someone forgets.
 *   { public: true }                         anyone, no credentials
 *   { roles: ['admin', …] } / { roles: 'any' } staff users with one of the roles
 *   { institution: true }                    an institution's API key
 * `roles` and `institution` combine: either kind of principal may pass.
 */
export interface Access {
  public?: true;
  roles?: readonly StaffRole[] | 'any';
  institution?: boolean;
}

export type Principal =
  | { kind: 'staff'; user: StaffUser; sessionId: string; via: 'bearer' | 'cookie' }
  | { kind: 'institution'; institutionId: string; credentialId: string };

export interface PrincipalResolver {
  /** Staff session token (bearer or cookie) → user, or null when unknown/expired/revoked. */
  staffByToken(token: string): Promise<{ user: StaffUser; sessionId: string } | null>;
  /** Institution API key → its institution, or null when unknown/revoked. */
  institutionByKey(key: string): Promise<{ institutionId: string; credentialId: string } | null>;
}

/** Institution keys are issued with this prefix so one header carries either kind of token. */
export const INSTITUTION_KEY_PREFIX = 'rk_';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    undeclaredRoutes(): string[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (!m?.[1]) throw new UnauthenticatedError('Authorization header must be "Bearer <token>"', 'INVALID_AUTHORIZATION');
  return m[1];
}

export default fp(
  async function accessPlugin(app: FastifyInstance, opts: { resolver: PrincipalResolver }) {
    // Checked lazily: a plugin's own onRoute hook may still add the declaration.
    const routes: { method: string; url: string; config: () => { access?: Access } | undefined }[] = [];
    app.addHook('onRoute', (route) => {
      routes.push({ method: String(route.method), url: route.url, config: () => route.config as { access?: Access } | undefined });
    });
    app.decorate('undeclaredRoutes', () =>
      routes.filter((r) => !r.config()?.access && !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`),
    );
    app.decorateRequest('principal', null);

    app.addHook('onRequest', async (req) => {
      // Not-found and static routes carry no route options; let their handlers answer.
      if (!req.routeOptions.url) return;
      const access = req.routeOptions.config.access;
      if (req.routeOptions.url.startsWith('/api/docs') && !access) return;
      if (!access) throw new ForbiddenError('This route declares no permission', 'ROUTE_NOT_DECLARED');
      if (access.public) return;

      const token = bearer(req);
      if (token) {
        if (token.startsWith(INSTITUTION_KEY_PREFIX)) {
          const inst = await opts.resolver.institutionByKey(token);
          if (!inst) throw new UnauthenticatedError('Unknown or revoked API key', 'INVALID_API_KEY');
          req.principal = { kind: 'institution', ...inst };
        } else {
          const staff = await opts.resolver.staffByToken(token);
          if (!staff) throw new UnauthenticatedError('Session expired or invalid', 'INVALID_TOKEN');
          req.principal = { kind: 'staff', ...staff, via: 'bearer' };
        }
      } else {
        const cookie = req.cookies[SESSION_COOKIE];
        if (cookie) {
          const staff = await opts.resolver.staffByToken(cookie);
          if (staff) {
            // Cookies ride along with cross-site requests; a custom header cannot.
            if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
              throw new ForbiddenError(`Cookie-authenticated changes need the ${CSRF_HEADER} header`, 'CSRF_CHECK_FAILED');
            }
            req.principal = { kind: 'staff', ...staff, via: 'cookie' };
          }
        }
      }

      const p = req.principal;
      if (!p) throw new UnauthenticatedError();
      if (p.kind === 'institution' && access.institution) return;
      if (p.kind === 'staff' && access.roles && (access.roles === 'any' || access.roles.includes(p.user.role))) return;
      throw new ForbiddenError();
    });
  },
  { name: 'access', dependencies: ['@fastify/cookie'] },
);

export function requireStaff(req: FastifyRequest): Extract<Principal, { kind: 'staff' }> {
  if (req.principal?.kind !== 'staff') throw new ForbiddenError();
  return req.principal;
}
