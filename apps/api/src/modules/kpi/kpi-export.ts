/** The KPI tables as download tables (CSV / XLSX), Chinese headers as the console shows them. */
import type { IndicatorDto, KpiValues, PlanTable } from '@rhip/contracts';
import { roundTo } from '@rhip/domain';
import type { ExportTable } from '../reports/table-export';

const ATTRIBUTE = { binding: '约束性', expected: '预期性' } as const;
const DIRECTION = { increase: '越高越好', decrease: '越低越好', target: '达到目标值' } as const;
const SOURCE = { computed: '平台计算', entered: '录入' } as const;
const CUT = { region: '地区', institution: '机构', period: '期间' } as const;

const r2 = (v: number | null) => (v === null ? null : roundTo(v, 2));

export function registryTable(items: IndicatorDto[]): ExportTable {
  return {
    fileName: '指标注册表',
    sheetName: '指标注册表',
    caption: ['指标注册表 Indicator registry'],
    columns: [
      { key: 'code', header: '指标代码', width: 34 },
      { key: 'seq', header: '序号', width: 6 },
      { key: 'nameZh', header: '指标名称', width: 50 },
      { key: 'nameEn', header: '英文名称', width: 50 },
      { key: 'definition', header: '定义', width: 60 },
      { key: 'numerator', header: '分子', width: 40 },
      { key: 'denominator', header: '分母', width: 30 },
      { key: 'unit', header: '单位', width: 8 },
      { key: 'baseline', header: '基线', width: 12 },
      { key: 'target', header: '目标', width: 12 },
      { key: 'attribute', header: '指标属性', width: 10 },
      { key: 'direction', header: '方向', width: 12 },
      { key: 'source', header: '数据来源', width: 10 },
      { key: 'cuts', header: '统计维度', width: 16 },
      { key: 'method', header: '计算方法', width: 60 },
    ],
    rows: items.map((i) => ({
      code: i.code,
      seq: i.seq,
      nameZh: i.nameZh,
      nameEn: i.nameEn,
      definition: i.definition.zh,
      numerator: i.numerator?.zh ?? null,
      denominator: i.denominator?.zh ?? null,
      unit: i.unit,
      baseline: i.baseline ? `${i.baseline.year}年 ${i.baselineText ?? ''}` : null,
      target: i.target ? `${i.target.year}年 ${i.targetText ?? ''}` : null,
      attribute: i.attribute ? ATTRIBUTE[i.attribute] : null,
      direction: DIRECTION[i.direction],
      source: SOURCE[i.source],
      cuts: i.cuts.map((c) => CUT[c]).join('、'),
      method: i.method.zh,
    })),
  };
}

export function planTable(t: PlanTable): ExportTable {
  const region = t.regionName ? `${t.regionName}（${t.regionCode}）` : t.regionCode;
  return {
    fileName: `规划指标_${t.regionCode}_${t.period}`,
    sheetName: `规划指标 ${t.period}`,
    caption: [`“十四五”全民健康信息化建设指标 ${region} ${t.period}`],
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'nameZh', header: '指标', width: 60 },
      { key: 'baseline', header: '2020年', width: 10 },
      { key: 'target', header: '2025年目标', width: 12 },
      { key: 'attribute', header: '指标属性', width: 10 },
      { key: 'value', header: '当前值', width: 10, numFmt: '0.00' },
      { key: 'unit', header: '单位', width: 6 },
      { key: 'numerator', header: '分子', width: 10 },
      { key: 'denominator', header: '分母', width: 10 },
      { key: 'progress', header: '进度(%)', width: 10, numFmt: '0.0' },
      { key: 'achieved', header: '是否达标', width: 10 },
      { key: 'source', header: '数据来源', width: 10 },
      { key: 'evidence', header: '录入依据', width: 40 },
      { key: 'at', header: '更新时间', width: 24 },
    ],
    rows: t.rows.map((r) => ({
      seq: r.seq,
      nameZh: r.nameZh,
      baseline: r.baselineText,
      target: r.targetText,
      attribute: r.attribute ? ATTRIBUTE[r.attribute] : null,
      value: r2(r.value),
      unit: r.unit,
      numerator: r.numerator,
      denominator: r.denominator,
      progress: r.progress ? roundTo(r.progress.progress * 100, 1) : null,
      achieved: r.progress ? (r.progress.achieved ? '是' : '否') : null,
      source: r.source ? SOURCE[r.source] : '暂无数据',
      evidence: r.entry?.evidence ?? null,
      at: r.entry?.enteredAt ?? r.computedAt,
    })),
  };
}

export function valuesTable(v: KpiValues): ExportTable {
  const byInstitution = v.rows.some((r) => r.institutionId);
  return {
    fileName: `指标_${v.regionCode}_${v.period}_${v.by}`,
    sheetName: `指标 ${v.period}`,
    caption: [`指标数据 ${v.regionName ?? v.regionCode} ${v.period}`],
    columns: [
      { key: 'code', header: '指标代码', width: 34 },
      { key: 'name', header: '指标名称', width: 40 },
      { key: 'period', header: '期间', width: 10 },
      { key: 'regionCode', header: '地区代码', width: 10 },
      { key: 'regionName', header: '地区', width: 12 },
      ...(byInstitution ? [{ key: 'institution', header: '机构', width: 36 }] : []),
      { key: 'value', header: '值', width: 12, numFmt: '0.00' },
      { key: 'unit', header: '单位', width: 6 },
      { key: 'numerator', header: '分子', width: 12 },
      { key: 'denominator', header: '分母', width: 12 },
      { key: 'source', header: '数据来源', width: 10 },
      { key: 'at', header: '更新时间', width: 24 },
    ],
    rows: v.rows.map((r) => ({
      code: r.indicatorCode,
      name: r.nameZh,
      period: r.period,
      regionCode: r.regionCode,
      regionName: r.regionName,
      institution: r.institutionName,
      value: r2(r.value),
      unit: r.unit,
      numerator: r.numerator,
      denominator: r.denominator,
      source: r.source ? SOURCE[r.source] : '暂无数据',
      at: r.entry?.enteredAt ?? r.computedAt,
    })),
  };
}
