/**
 * 法定传染病疫情概况 for a month and region, from the monthly tallies the KPI
 * worker keeps in kpi_rollups (NID:<disease> rows, counted by final-review
 * month), laid out by the domain (buildMonthlyReportRows): 甲乙丙类总计,
 * 甲乙类合计, each 甲/乙类 disease (病毒性肝炎 = the sum of its subtypes,
 * then the subtypes), 丙类合计, each 丙类 disease.
 */
import type { FastifyRequest } from 'fastify';
import { NID_ROLLUP_PREFIX, NID_ROLLUP_UNPLACED, type NotifiableDiseaseReport, type NotifiableDiseaseRow } from '@rhip/contracts';
import type { PgPool } from '@rhip/db';
import { buildMonthlyReportRows, DISEASE_CLASS_NAMES, diseaseListFor, lastDayOfMonth, type ReportCategory } from '@rhip/domain';
import type { RegionResolver } from '../kpi/regions';
import type { ExportTable } from './table-export';

const CATEGORY_NAMES: Record<ReportCategory, string> = {
  total: '甲乙丙类',
  'A+B': '甲乙类',
  A: DISEASE_CLASS_NAMES.A.zh,
  B: DISEASE_CLASS_NAMES.B.zh,
  C: DISEASE_CLASS_NAMES.C.zh,
};

export function createNotifiableDiseaseService(deps: { pg: PgPool; regions: RegionResolver }) {
  async function report(req: FastifyRequest, q: { month: string; regionCode?: string; includeExcluded?: 'true' | 'false' }): Promise<NotifiableDiseaseReport> {
    const region = await deps.regions.resolve(req, q.regionCode);
    const res = await deps.pg.query<{ code: string; cases: string; deaths: string; at: Date }>(
      `select indicator_code as code, numerator as cases, denominator as deaths, computed_at as at from kpi_rollups
        where period = $1 and region_code = $2 and institution_id = '' and indicator_code like 'NID:%'`,
      [q.month, region],
    );
    let unplaced = 0;
    let computedAt: Date | null = null;
    const tallies: { disease: string; cases: number; deaths: number }[] = [];
    for (const r of res.rows) {
      if (!computedAt || r.at > computedAt) computedAt = r.at;
      if (r.code === NID_ROLLUP_UNPLACED) unplaced += Number(r.cases);
      else tallies.push({ disease: r.code.slice(NID_ROLLUP_PREFIX.length), cases: Number(r.cases), deaths: Number(r.deaths) });
    }
    const version = diseaseListFor(lastDayOfMonth(q.month));
    const rows: NotifiableDiseaseRow[] = buildMonthlyReportRows(tallies, { month: q.month, includeExcluded: q.includeExcluded === 'true' }).map((r) => ({
      kind: r.kind,
      category: r.category,
      categoryName: CATEGORY_NAMES[r.category],
      code: r.code,
      disease: r.disease,
      diseaseEn: r.diseaseEn,
      parent: r.parent ?? null,
      cases: r.cases,
      deaths: r.deaths,
    }));
    return {
      month: q.month,
      regionCode: region,
      regionName: await deps.regions.name(region),
      countedBy: 'final_review_at',
      listVersion: { id: version.id, effectiveFrom: version.effectiveFrom },
      unplaced,
      computedAt: computedAt?.toISOString() ?? null,
      rows,
    };
  }

  return { report };
}

export function notifiableDiseaseTable(r: NotifiableDiseaseReport): ExportTable {
  const region = r.regionName ? `${r.regionName}（${r.regionCode}）` : r.regionCode;
  return {
    fileName: `法定传染病疫情概况_${r.regionCode}_${r.month}`,
    sheetName: `法定传染病 ${r.month}`,
    caption: [`${region} ${r.month} 法定传染病疫情概况`, '按终审日期统计；病毒性肝炎为各分型之和。', ...(r.unplaced ? [`另有 ${r.unplaced} 张报告卡病种未能归类，未计入。`] : [])],
    columns: [
      { key: 'category', header: '类别', width: 10 },
      { key: 'disease', header: '病名', width: 30 },
      { key: 'cases', header: '发病数', width: 10 },
      { key: 'deaths', header: '死亡数', width: 10 },
    ],
    rows: r.rows.map((row) => ({ category: row.categoryName, disease: row.kind === 'subtype' ? `  ${row.disease}` : row.disease, cases: row.cases, deaths: row.deaths })),
  };
}
