import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from './errors';

/** What a caller may see of the monitoring data: a county, an institution, or everything. */
export interface ReadScope {
  /** County code every answer is limited to. */
  regionCode: string | null;
  /** Institution every answer is limited to (an institution key, an institution operator). */
  institutionId: string | null;
}

/**
 * Narrows requested filters to the caller's reach: an institution key and an
 * institution operator see their own institution; county-scoped staff their
 * county (asking for another county is refused). The returned filters
 * replace the requested ones.
 */
export function scopeFilters(req: FastifyRequest, requested: { regionCode?: string | undefined; institutionId?: string | undefined }): ReadScope {
  const p = req.principal;
  if (!p) throw new ForbiddenError();
  if (p.kind === 'institution') {
    if (requested.institutionId && requested.institutionId !== p.institutionId) throw new ForbiddenError('An institution key reads its own institution only', 'OTHER_INSTITUTION');
    return { regionCode: requested.regionCode ?? null, institutionId: p.institutionId };
  }
  const user = p.user;
  let institutionId = requested.institutionId ?? null;
  if (user.role === 'institution_operator') {
    if (!user.institutionId) throw new ForbiddenError('This account is not attached to an institution', 'NO_INSTITUTION');
    if (institutionId && institutionId !== user.institutionId) throw new ForbiddenError('You can read your own institution only', 'OTHER_INSTITUTION');
    institutionId = user.institutionId;
  }
  let regionCode = requested.regionCode ?? null;
  if (user.regionScope) {
    if (regionCode && regionCode !== user.regionScope) throw new ForbiddenError('This account is limited to another county', 'OUT_OF_REGION');
    regionCode = user.regionScope;
  }
  return { regionCode, institutionId };
}
