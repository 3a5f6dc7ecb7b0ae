/**
 * Entered indicator values (indicator_entries): who, when, the evidence, and
 * the whole history. Append-only: a new entry supersedes the previous one for
 * the same indicator, region, institution and period, which stays readable.
 * Each entry is audited in the same transaction.
 */
import type { FastifyRequest } from 'fastify';
import type { CreateIndicatorEntry, IndicatorEntryDto } from '@rhip/contracts';
import type { PgPool } from '@rhip/db';
import { indicatorByCode, percent, ratio } from '@rhip/domain';
import { NotFoundError, ValidationError } from '../../lib/errors';
import { requireStaff } from '../../plugins/access';
import type { AuditService } from '../audit/audit-service';
import { syncIndicatorTable } from './indicator-registry';
import type { EntryRecord, KpiRepository } from './kpi-repository';
import type { KpiService } from './kpi-service';
import { isCityCode, type RegionResolver } from './regions';

/** Tolerance between a value and the one its numerator and denominator give. */
const VALUE_TOLERANCE = 0.01;

export function createEntryService(deps: { pg: PgPool; repo: KpiRepository; regions: RegionResolver; audit: AuditService; kpi: Pick<KpiService, 'institutionInScope'> }) {
  const { pg, repo, regions, audit } = deps;

  function indicatorOrThrow(code: string) {
    const ind = indicatorByCode(code);
    if (!ind) throw new NotFoundError(`Indicator ${code}`);
    return ind;
  }

  async function create(req: FastifyRequest, code: string, body: CreateIndicatorEntry): Promise<IndicatorEntryDto> {
    const ind = indicatorOrThrow(code);
    const user = requireStaff(req).user;
    const region = await regions.resolve(req, body.regionCode);
    if (!ind.cuts.includes('region') && !isCityCode(region)) {
      throw new ValidationError(`${code} is reported for the whole city only: use the city's region code`, { path: 'regionCode' });
    }
    let institutionId: string | null = null;
    if (body.institutionId) {
      if (!ind.cuts.includes('institution')) throw new ValidationError(`${code} is not reported per institution`, { path: 'institutionId' });
      const inst = await deps.kpi.institutionInScope(req, body.institutionId);
      const county = inst.regionCode.slice(0, 6);
      if (isCityCode(region) ? county.slice(0, 4) !== region.slice(0, 4) : county !== region) {
        throw new ValidationError(`Institution ${inst.name} is not in region ${region}`, { path: 'institutionId' });
      }
      institutionId = inst.id;
    }

    const numerator = body.numerator ?? null;
    const denominator = body.denominator ?? null;
    const fromParts =
      numerator !== null && denominator !== null ? (ind.unit === '%' ? percent(numerator, denominator) : ind.denominator === null ? numerator : ratio(numerator, denominator)) : null;
    if (body.value !== undefined && fromParts !== null && Math.abs(body.value - fromParts) > VALUE_TOLERANCE) {
      throw new ValidationError(`value ${body.value} does not match numerator ÷ denominator (${fromParts})`, { path: 'value' });
    }
    const value = body.value ?? fromParts;
    if (value === null) throw new ValidationError('value, or numerator and denominator, is required', { path: 'value' });
    if (ind.unit === '%' && value > 100) throw new ValidationError(`${code} is a percentage: 0–100`, { path: 'value' });

    const client = await pg.connect();
    try {
      await client.query('begin');
      // Entries reference the indicators table: make sure this indicator's row is there.
      await syncIndicatorTable(client, [code]);
      const key = { code, region, institutionId, period: body.period };
      const previous = await repo.currentEntry(client, key);
      const saved = await repo.insertEntry(client, { ...key, value, numerator, denominator, enteredBy: user.id, evidence: body.evidence, note: body.note ?? null });
      await audit.appendWith(client, {
        actorType: 'staff',
        actorId: user.id,
        action: 'kpi.entry.create',
        resourceType: 'indicator_entry',
        resourceId: saved.id,
        ip: req.ip,
        details: { indicatorCode: code, regionCode: region, institutionId, period: body.period, value, numerator, denominator, evidence: body.evidence, previous },
      });
      await client.query('commit');
      return {
        id: saved.id, indicatorCode: code, regionCode: region, institutionId, period: body.period, value, numerator, denominator,
        evidence: body.evidence, note: body.note ?? null, enteredBy: { id: user.id, username: user.username, displayName: user.displayName },
        enteredAt: saved.enteredAt, current: true,
      };
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async function history(req: FastifyRequest, code: string, q: { regionCode?: string; period?: string; institutionId?: string }): Promise<IndicatorEntryDto[]> {
    indicatorOrThrow(code);
    const scoped = req.principal?.kind === 'staff' && req.principal.user.regionScope !== null;
    // A city-wide user sees every region's entries unless one is asked for.
    const region = scoped || q.regionCode ? await regions.resolve(req, q.regionCode) : undefined;
    if (q.institutionId) await deps.kpi.institutionInScope(req, q.institutionId);
    const entries = await repo.entryHistory(code, { region, period: q.period, institutionId: q.institutionId });
    const seen = new Set<string>();
    return entries.map((e) => {
      const key = `${e.region}|${e.institution ?? ''}|${e.period}`;
      const current = !seen.has(key);
      seen.add(key);
      return toDto(e, current);
    });
  }

  return { create, history };
}

function toDto(e: EntryRecord, current: boolean): IndicatorEntryDto {
  return {
    id: e.id, indicatorCode: e.code, regionCode: e.region, institutionId: e.institution, period: e.period, value: e.value,
    numerator: e.numerator, denominator: e.denominator, evidence: e.evidence, note: e.note,
    enteredBy: { id: e.enteredBy, username: e.username, displayName: e.displayName }, enteredAt: e.enteredAt, current,
  };
}
