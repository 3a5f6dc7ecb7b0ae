import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createPgPool, createPrismaClient, Prisma, type PgPool, type PrismaClient } from './index';

describe('Prisma client over @prisma/adapter-pg', () => {
  let prisma: PrismaClient;
  let pool: PgPool;
  let institutionId: string;
  const tag = Math.random().toString(36).slice(2, 8);

  beforeAll(async () => {
    const url = inject('databaseUrl');
    pool = createPgPool(url, { max: 2 });
    prisma = createPrismaClient(pool);
    const inst = await prisma.institution.create({
      data: {
        code: `TEST${tag}`.toUpperCase(),
        codeType: 'licence',
        name: '测试人民医院',
        level: '3A',
        type: 'general_hospital',
        ownership: 'public',
        regionCode: '350102',
        emrLevel: 5,
      },
    });
    institutionId = inst.id;
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await pool?.end();
  });

  it('writes a person and an encounter with its diagnoses and reads them back', async () => {
    const person = await prisma.masterPerson.create({
      data: { name: '张三', namePinyin: 'zhangsan', sex: '1', birthDate: new Date('1980-05-17'), idNumberEnc: 'k1:xxx', idNumberBidx: `bidx-${tag}` },
    });
    expect(typeof person.id).toBe('bigint');

    await prisma.encounter.create({
      data: {
        institutionId,
        sourceId: `E-${tag}`,
        version: 1,
        masterPersonId: person.id,
        type: 'inpatient',
        startAt: new Date('2025-03-01T08:00:00+08:00'),
        endAt: new Date('2025-03-05T10:00:00+08:00'),
        lengthOfStayDays: 4,
        totalCost: new Prisma.Decimal('12345.67'),
        extra: { ward: '5A' },
        diagnoses: { create: [{ code: 'I10.x00', name: '高血压', isPrimary: true, masterPersonId: person.id }, { code: 'E11.900', seq: 1 }] },
      },
    });

    const found = await prisma.encounter.findUniqueOrThrow({
      where: { institutionId_sourceId: { institutionId, sourceId: `E-${tag}` } },
      include: { diagnoses: { orderBy: { seq: 'asc' } }, masterPerson: true, institution: true },
    });
    expect(found.diagnoses.map((d) => d.code)).toEqual(['I10.x00', 'E11.900']);
    expect(found.masterPerson?.birthDate?.toISOString().slice(0, 10)).toBe('1980-05-17');
    expect(found.totalCost?.toString()).toBe('12345.67');
    expect(found.extra).toEqual({ ward: '5A' });
    expect(found.institution.emrLevel).toBe(5);

    const { rows } = await pool.query<{ birth_date: string }>('SELECT birth_date FROM master_persons WHERE id = $1', [person.id.toString()]);
    expect(rows[0]?.birth_date).toBe('1980-05-17');
  });

  it('rejects a second record with the same (institution, sourceId)', async () => {
    const data = { institutionId, sourceId: `DUP-${tag}`, type: 'outpatient' as const, startAt: new Date() };
    await prisma.encounter.create({ data });
    await expect(prisma.encounter.create({ data })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('keeps one identifier per (type, issuer, blind index), resident IDs included (issuer "")', async () => {
    const a = await prisma.masterPerson.create({ data: { name: '李四', sex: '2' } });
    const b = await prisma.masterPerson.create({ data: { name: '李四', sex: '2' } });
    await prisma.personIdentifier.create({ data: { masterPersonId: a.id, type: 'resident_id', valueEnc: 'k1:a', valueBidx: `rid-${tag}` } });
    await expect(
      prisma.personIdentifier.create({ data: { masterPersonId: b.id, type: 'resident_id', valueEnc: 'k1:b', valueBidx: `rid-${tag}` } }),
    ).rejects.toMatchObject({ code: 'P2002' });
    // The same value under another issuer is another identifier.
    await prisma.personIdentifier.create({ data: { masterPersonId: b.id, type: 'patient_id', issuer: institutionId, valueEnc: 'k1:b', valueBidx: `rid-${tag}` } });
  });

  it('links each source record once and cascades child rows with their parent', async () => {
    const link = { institutionId, dataset: 'encounters', sourceId: `L-${tag}`, method: 'new_person' as const };
    await prisma.personLink.create({ data: link });
    await expect(prisma.personLink.create({ data: link })).rejects.toMatchObject({ code: 'P2002' });

    const rx = await prisma.prescription.create({
      data: { institutionId, sourceId: `RX-${tag}`, prescribedAt: new Date(), items: { create: [{ drugName: '硝苯地平缓释片' }, { drugName: '二甲双胍' }] } },
    });
    await prisma.prescription.delete({ where: { id: rx.id } });
    expect(await prisma.prescriptionItem.count({ where: { prescriptionId: rx.id } })).toBe(0);
  });

  it('upserts rollups on their composite keys', async () => {
    const key = { institutionId, dataset: 'encounters', day: new Date('2025-03-01') };
    for (const n of [3, 4]) {
      await prisma.ingestDailyRollup.upsert({
        where: { institutionId_dataset_day: key },
        create: { ...key, received: n, accepted: n },
        update: { received: { increment: n }, accepted: { increment: n } },
      });
    }
    const row = await prisma.ingestDailyRollup.findUniqueOrThrow({ where: { institutionId_dataset_day: key } });
    expect(row.received).toBe(7);
  });
});
