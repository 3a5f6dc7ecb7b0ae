import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema, LoginRequestSchema, LoginResponseSchema, SESSION_COOKIE, StaffUserSchema } from '@rhip/contracts';
import { requireStaff } from '../../plugins/access';
import type { AuthService } from './auth-service';

export default async function authRoutes(app: FastifyInstance, opts: { auth: AuthService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auth } = opts;
  const secureCookie = app.config.COOKIE_SECURE ?? app.config.NODE_ENV === 'production';

  r.post(
    '/api/v1/auth/login',
    {
      config: { access: { public: true }, rateLimit: { max: app.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Staff login: a bearer access token for API clients and an httpOnly session cookie for the console',
        security: [],
        body: LoginRequestSchema,
        response: { 200: LoginResponseSchema, 401: ErrorBodySchema, 423: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const result = await auth.login(req.body.username, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
      void reply.setCookie(SESSION_COOKIE, result.accessToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookie,
        maxAge: result.expiresIn,
      });
      return result;
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { config: { access: { roles: 'any' } }, schema: { tags: ['auth'], summary: 'End the current session' } },
    async (req, reply) => {
      await auth.logout(requireStaff(req).sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/auth/me',
    { config: { access: { roles: 'any' } }, schema: { tags: ['auth'], summary: 'The logged-in staff user', response: { 200: StaffUserSchema } } },
    async (req) => auth.me(requireStaff(req).user.id),
  );
}
