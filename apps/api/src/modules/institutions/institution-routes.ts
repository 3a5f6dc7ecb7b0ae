import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateInstitutionSchema, ErrorBodySchema, InstitutionDetailSchema, InstitutionListQuerySchema, InstitutionPageSchema,
  IssueCredentialSchema, IssuedCredentialSchema, UpdateInstitutionSchema,
} from '@rhip/contracts';
import { requireStaff } from '../../plugins/access';
import { createInstitutionService } from './institution-service';

const IdParams = z.object({ id: z.uuid() });

export default async function institutionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const institutions = createInstitutionService({ db: app.db });
  const tags = ['institutions'];

  r.get(
    '/api/v1/institutions',
    { config: { access: { roles: 'any' } }, schema: { tags, summary: 'Institutions, filtered and paged', querystring: InstitutionListQuerySchema, response: { 200: InstitutionPageSchema } } },
    async (req) => institutions.list(req.query),
  );

  r.get(
    '/api/v1/institutions/:id',
    { config: { access: { roles: 'any' } }, schema: { tags, summary: 'One institution with expected data sets and keys (hashes never leave the server)', params: IdParams, response: { 200: InstitutionDetailSchema, 404: ErrorBodySchema } } },
    async (req) => institutions.detail(req.params.id),
  );

  r.post(
    '/api/v1/institutions',
    { config: { access: { roles: ['admin'] } }, schema: { tags, summary: 'Register an institution', body: CreateInstitutionSchema, response: { 201: InstitutionDetailSchema, 409: ErrorBodySchema } } },
    async (req, reply) => reply.status(201).send(await institutions.create(req.body)),
  );

  r.patch(
    '/api/v1/institutions/:id',
    { config: { access: { roles: ['admin'] } }, schema: { tags, summary: 'Edit an institution, its attributes and expected data sets', params: IdParams, body: UpdateInstitutionSchema, response: { 200: InstitutionDetailSchema, 404: ErrorBodySchema } } },
    async (req) => institutions.update(req.params.id, req.body),
  );

  r.post(
    '/api/v1/institutions/:id/credentials',
    { config: { access: { roles: ['admin'] } }, schema: { tags, summary: 'Issue an API key (shown once)', params: IdParams, body: IssueCredentialSchema.optional(), response: { 201: IssuedCredentialSchema, 404: ErrorBodySchema } } },
    async (req, reply) => reply.status(201).send(await institutions.issueCredential(req.params.id, req.body?.label, requireStaff(req).user.id)),
  );

  r.post(
    '/api/v1/institutions/:id/credentials/:credentialId/rotate',
    { config: { access: { roles: ['admin'] } }, schema: { tags, summary: 'Rotate an API key: a new key (shown once) replaces the old one, which is revoked', params: IdParams.extend({ credentialId: z.uuid() }), response: { 201: IssuedCredentialSchema, 404: ErrorBodySchema, 409: ErrorBodySchema } } },
    async (req, reply) => reply.status(201).send(await institutions.rotateCredential(req.params.id, req.params.credentialId, requireStaff(req).user.id)),
  );

  r.delete(
    '/api/v1/institutions/:id/credentials/:credentialId',
    { config: { access: { roles: ['admin'] } }, schema: { tags, summary: 'Revoke an API key', params: IdParams.extend({ credentialId: z.uuid() }), response: { 204: z.null().describe('Revoked'), 404: ErrorBodySchema } } },
    async (req, reply) => {
      await institutions.revokeCredential(req.params.id, req.params.credentialId);
      return reply.status(204).send(null);
    },
  );
}
