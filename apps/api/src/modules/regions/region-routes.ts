import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionSchema, RegionSummarySchema } from '@rhip/contracts';
import { createRegionService } from './region-service';

export default async function regionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const regions = createRegionService({ db: app.db, pg: app.pg });

  r.get(
    '/api/v1/regions',
    { config: { access: { roles: 'any' } }, schema: { tags: ['regions'], summary: 'The region hierarchy (GB/T 2260): city, counties, townships', response: { 200: z.array(RegionSchema) } } },
    async () => regions.list(),
  );

  r.get(
    '/api/v1/regions/summary',
    { config: { access: { roles: 'any' } }, schema: { tags: ['regions'], summary: 'Institutions and residents per county, with city totals', response: { 200: RegionSummarySchema } } },
    async () => regions.summary(),
  );
}
