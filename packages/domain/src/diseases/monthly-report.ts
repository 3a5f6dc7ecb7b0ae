/**
 * The monthly notifiable infectious disease report (法定传染病疫情概况) in the
 * national bulletin's layout:
 *
 *   甲乙丙类总计
 *   甲乙类传染病合计
 *     甲类 diseases, 乙类 diseases (病毒性肝炎 = the sum of its subtypes, followed
 *     by 甲型肝炎 … 未分型肝炎)
 *   丙类传染病合计
 *     丙类 diseases
 *
 * Cases and deaths are counted by final-review date (终审日期). The bulletin
 * leaves 新型冠状病毒感染 out of its table ("#：不包括新型冠状病毒感染"); so do we
 * unless asked.
 */
import { chinaDateOf, lastDayOfMonth, monthOf } from '../common/dates';
import { classifyDisease } from './classify';
import type { DiseaseClass } from './disease';
import { diseaseByCode } from './disease-catalogue';
import { codeInVersion, diseaseListFor } from './disease-list';

export interface DiseaseTally {
  /** Catalogue code of a listed disease or subtype ('hepatitis' alone counts as 未分型). */
  readonly disease: string;
  readonly cases: number;
  readonly deaths: number;
}

export type ReportRowKind = 'grand_total' | 'class_total' | 'disease' | 'subtype';

/** 'A+B' is 甲乙类 together; 'total' is all three classes. */
export type ReportCategory = 'total' | 'A+B' | DiseaseClass;

export interface MonthlyReportRow {
  readonly kind: ReportRowKind;
  readonly category: ReportCategory;
  /** Catalogue code, or total_all / total_ab / total_c. */
  readonly code: string;
  /** Row label as printed in the bulletin. */
  readonly disease: string;
  readonly diseaseEn: string;
  /** For subtype rows: the disease they sum into. */
  readonly parent?: string;
  readonly cases: number;
  readonly deaths: number;
}

export interface MonthlyReportOptions {
  /** 'YYYY-MM'; picks the list version in force at the month's end. Default: the latest version. */
  readonly month?: string;
  /** Add 新型冠状病毒感染 as a 乙类 row and in the totals (the national table leaves it out). */
  readonly includeExcluded?: boolean;
}

function emptyRow(kind: ReportRowKind, category: ReportCategory, code: string, disease: string, diseaseEn: string, parent?: string): { -readonly [K in keyof MonthlyReportRow]: MonthlyReportRow[K] } {
  return { kind, category, code, disease, diseaseEn, ...(parent ? { parent } : {}), cases: 0, deaths: 0 };
}

/**
 * Builds the bulletin rows from per-disease tallies. Tallies for codes of an
 * earlier version are carried to their successor (人感染H7N9禽流感 → 人感染新亚型流感
 * from 2025-09); tallies for codes not listed in the month's version are ignored
 * (tallyReportCards reports them as unplaced).
 */
export function buildMonthlyReportRows(tallies: readonly DiseaseTally[], options: MonthlyReportOptions = {}): MonthlyReportRow[] {
  const version = diseaseListFor(options.month ? lastDayOfMonth(options.month) : '9999-12-31');
  const counts = new Map<string, { cases: number; deaths: number }>();
  for (const t of tallies) {
    // A tally for 病毒性肝炎 itself (no subtype known) is 未分型, as on the cards.
    const code = codeInVersion(version, t.disease === 'hepatitis' ? 'hepatitis_unspecified' : t.disease);
    if (!code) continue;
    const c = counts.get(code) ?? { cases: 0, deaths: 0 };
    c.cases += t.cases;
    c.deaths += t.deaths;
    counts.set(code, c);
  }

  const grand = emptyRow('grand_total', 'total', 'total_all', '甲乙丙类总计', 'Total, classes A, B and C');
  const ab = emptyRow('class_total', 'A+B', 'total_ab', '甲乙类传染病合计', 'Total, classes A and B');
  const c = emptyRow('class_total', 'C', 'total_c', '丙类传染病合计', 'Total, class C');
  const abRows: MonthlyReportRow[] = [];
  const cRows: MonthlyReportRow[] = [];

  for (const entry of version.entries) {
    if (entry.excludedFromBulletin && !options.includeExcluded) continue;
    const def = diseaseByCode(entry.code);
    if (!def) continue;
    const row = emptyRow('disease', entry.diseaseClass, entry.code, entry.nameZh ?? def.nameZh, def.nameEn);
    const subRows = (entry.subtypes ?? []).map((s) => {
      const sd = diseaseByCode(s);
      const sub = emptyRow('subtype', entry.diseaseClass, s, sd?.nameZh ?? s, sd?.nameEn ?? s, entry.code);
      const n = counts.get(s);
      sub.cases = n?.cases ?? 0;
      sub.deaths = n?.deaths ?? 0;
      return sub;
    });
    if (subRows.length > 0) {
      // The parent row is the sum of its subtypes, never counted on its own.
      row.cases = subRows.reduce((s, r) => s + r.cases, 0);
      row.deaths = subRows.reduce((s, r) => s + r.deaths, 0);
    } else {
      row.cases = counts.get(entry.code)?.cases ?? 0;
      row.deaths = counts.get(entry.code)?.deaths ?? 0;
    }
    const total = entry.diseaseClass === 'C' ? c : ab;
    total.cases += row.cases;
    total.deaths += row.deaths;
    (entry.diseaseClass === 'C' ? cRows : abRows).push(row, ...subRows);
  }
  grand.cases = ab.cases + c.cases;
  grand.deaths = ab.deaths + c.deaths;
  return [grand, ab, ...abRows, c, ...cRows];
}

/** A report card as the report needs it (传染病报告卡). */
export interface ReportCard {
  readonly disease?: string | null;
  readonly icd10?: string | null;
  /** 'YYYY-MM-DD' */
  readonly diagnosisDate?: string | null;
  /** ISO date-time or date of final review (终审). Cards not yet reviewed are not counted. */
  readonly finalReviewAt?: string | null;
  readonly outcome?: 'death' | string | null;
}

export interface CardTally {
  readonly tallies: DiseaseTally[];
  /** Indexes of cards reviewed in the month whose disease could not be classified. */
  readonly unplaced: number[];
}

/**
 * Counts the cards whose final review falls in `month` ('YYYY-MM', China time):
 * one case per card, one death per card with outcome "death". The disease is
 * classified on the diagnosis date (falling back to the review date).
 */
export function tallyReportCards(cards: readonly ReportCard[], month: string): CardTally {
  const counts = new Map<string, { cases: number; deaths: number }>();
  const unplaced: number[] = [];
  cards.forEach((card, index) => {
    const reviewed = card.finalReviewAt ? chinaDateOf(card.finalReviewAt) : null;
    if (!reviewed || monthOf(reviewed) !== month) return;
    const r = classifyDisease({ name: card.disease, icd10: card.icd10, date: card.diagnosisDate ?? reviewed });
    if (!r.ok) {
      unplaced.push(index);
      return;
    }
    const c = counts.get(r.disease.code) ?? { cases: 0, deaths: 0 };
    c.cases += 1;
    if (card.outcome === 'death') c.deaths += 1;
    counts.set(r.disease.code, c);
  });
  return { tallies: [...counts].map(([disease, c]) => ({ disease, ...c })), unplaced };
}
