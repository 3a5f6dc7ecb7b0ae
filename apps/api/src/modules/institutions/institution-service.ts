import type {
  CreateInstitution, Institution, InstitutionDetail, InstitutionListQuery, IssuedCredential, Page, UpdateInstitution,
} from '@rhip/contracts';
import type { PrismaClient } from '@rhip/db';
import { ConflictError, NotFoundError } from '../../lib/errors';
import { INSTITUTION_KEY_PREFIX } from '../../plugins/access';
import { hashToken, newToken } from '../auth/tokens';
import { assertInstitutionCode, institutionCodeWarnings } from './institution-code';

type Row = Awaited<ReturnType<PrismaClient['institution']['findUniqueOrThrow']>>;

export function createInstitutionService(deps: { db: PrismaClient }) {
  const { db } = deps;
  let regionNames: Map<string, string> | null = null;

  async function regionName(code: string) {
    if (!regionNames) regionNames = new Map((await db.region.findMany({ select: { code: true, name: true } })).map((r) => [r.code, r.name]));
    return regionNames.get(code) ?? null;
  }

  async function toInstitution(r: Row): Promise<Institution> {
    return {
      id: r.id,
      code: r.code,
      codeType: r.codeType === 'licence' ? 'licence' : 'uscc',
      name: r.name,
      level: r.level as Institution['level'],
      type: r.type as Institution['type'],
      ownership: r.ownership,
      regionCode: r.regionCode,
      regionName: await regionName(r.regionCode),
      townshipCode: r.townshipCode,
      active: r.active,
      createdAt: r.createdAt.toISOString(),
    };
  }

  async function list(q: InstitutionListQuery): Promise<Page<Institution>> {
    const where = {
      ...(q.regionCode && { regionCode: q.regionCode }),
      ...(q.level && { level: q.level }),
      ...(q.type && { type: q.type }),
      ...(q.ownership && { ownership: q.ownership }),
      ...(q.q && { OR: [{ name: { contains: q.q } }, { code: { contains: q.q.toUpperCase() } }] }),
    };
    const [rows, total] = await Promise.all([
      db.institution.findMany({ where, orderBy: [{ regionCode: 'asc' }, { level: 'asc' }, { name: 'asc' }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
      db.institution.count({ where }),
    ]);
    return { items: await Promise.all(rows.map(toInstitution)), total, page: q.page, pageSize: q.pageSize };
  }

  async function detail(id: string): Promise<InstitutionDetail> {
    const r = await db.institution.findUnique({ where: { id }, include: { datasets: { where: { active: true } }, credentials: { orderBy: { createdAt: 'desc' } } } });
    if (!r) throw new NotFoundError('Institution');
    return {
      ...(await toInstitution(r)),
      address: r.address,
      emrLevel: r.emrLevel,
      interopLevel: r.interopLevel,
      isInternetHospital: r.isInternetHospital,
      isSmartHospital: r.isSmartHospital,
      onHealthPrivateNetwork: r.onHealthPrivateNetwork,
      hasRemoteCare: r.hasRemoteCare,
      hasConvenienceServices: r.hasConvenienceServices,
      hasDigitalImaging: r.hasDigitalImaging,
      securityAssessed: r.securityAssessed,
      expectedDatasets: r.datasets.map((d) => ({ dataset: d.dataset as InstitutionDetail['expectedDatasets'][number]['dataset'], cadenceHours: d.cadenceHours, timelinessHours: d.timelinessHours })),
      credentials: r.credentials.map((c) => ({
        id: c.id,
        label: c.label,
        keyPrefix: c.keyPrefix,
        createdAt: c.createdAt.toISOString(),
        revokedAt: c.revokedAt?.toISOString() ?? null,
        lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
      })),
      warnings: institutionCodeWarnings(r.code),
    };
  }

  async function create(input: CreateInstitution): Promise<InstitutionDetail> {
    const { expectedDatasets, ...fields } = input;
    const codeType = assertInstitutionCode(fields.code);
    const existing = await db.institution.findUnique({ where: { code: fields.code } });
    if (existing) throw new ConflictError(`An institution with code ${fields.code} already exists`, { id: existing.id });
    const created = await db.institution.create({
      data: {
        ...fields,
        codeType,
        datasets: expectedDatasets ? { create: expectedDatasets } : undefined,
      },
    });
    return detail(created.id);
  }

  async function update(id: string, input: UpdateInstitution): Promise<InstitutionDetail> {
    const { expectedDatasets, ...fields } = input;
    const found = await db.institution.findUnique({ where: { id } });
    if (!found) throw new NotFoundError('Institution');
    await db.$transaction(async (tx) => {
      await tx.institution.update({ where: { id }, data: fields });
      if (expectedDatasets) {
        // The list given replaces the expected set; dropped data sets are deactivated, not deleted (history).
        await tx.institutionDataset.updateMany({ where: { institutionId: id, dataset: { notIn: expectedDatasets.map((d) => d.dataset) } }, data: { active: false } });
        for (const d of expectedDatasets) {
          await tx.institutionDataset.upsert({
            where: { institutionId_dataset: { institutionId: id, dataset: d.dataset } },
            create: { institutionId: id, ...d },
            update: { ...d, active: true },
          });
        }
      }
    });
    return detail(id);
  }

  async function issueCredential(institutionId: string, label: string | undefined, createdBy: string): Promise<IssuedCredential> {
    const found = await db.institution.findUnique({ where: { id: institutionId }, select: { id: true } });
    if (!found) throw new NotFoundError('Institution');
    const key = newToken(INSTITUTION_KEY_PREFIX);
    const cred = await db.institutionCredential.create({
      data: { institutionId, label: label ?? null, keyPrefix: key.slice(0, 10), keyHash: hashToken(key), createdBy },
    });
    return { id: cred.id, key, keyPrefix: cred.keyPrefix, createdAt: cred.createdAt.toISOString() };
  }

  async function revokeCredential(institutionId: string, credentialId: string) {
    const res = await db.institutionCredential.updateMany({ where: { id: credentialId, institutionId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count === 0) {
      const exists = await db.institutionCredential.findFirst({ where: { id: credentialId, institutionId } });
      if (!exists) throw new NotFoundError('Credential');
    }
  }

  /** Rotation: a new key for the same institution and label, the old one revoked in the same transaction. */
  async function rotateCredential(institutionId: string, credentialId: string, createdBy: string): Promise<IssuedCredential> {
    const key = newToken(INSTITUTION_KEY_PREFIX);
    return db.$transaction(async (tx) => {
      const old = await tx.institutionCredential.findFirst({ where: { id: credentialId, institutionId } });
      if (!old) throw new NotFoundError('Credential');
      if (old.revokedAt) throw new ConflictError('This key is already revoked');
      await tx.institutionCredential.update({ where: { id: old.id }, data: { revokedAt: new Date() } });
      const cred = await tx.institutionCredential.create({ data: { institutionId, label: old.label, keyPrefix: key.slice(0, 10), keyHash: hashToken(key), createdBy } });
      return { id: cred.id, key, keyPrefix: cred.keyPrefix, createdAt: cred.createdAt.toISOString() };
    });
  }

  return { list, detail, create, update, issueCredential, revokeCredential, rotateCredential };
}

export type InstitutionService = ReturnType<typeof createInstitutionService>;
