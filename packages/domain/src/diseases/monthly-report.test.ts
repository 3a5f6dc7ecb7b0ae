import { describe, expect, it } from 'vitest';
import { buildMonthlyReportRows, tallyReportCards, type MonthlyReportRow } from './monthly-report';

const BULLETIN_2024_ORDER = [
  '甲乙丙类总计', '甲乙类传染病合计', '鼠疫', '霍乱', '传染性非典型肺炎', '艾滋病', '病毒性肝炎', '甲型肝炎', '乙型肝炎',
  '丙型肝炎', '丁型肝炎', '戊型肝炎', '未分型肝炎', '脊髓灰质炎', '人感染高致病性禽流感', '麻疹', '流行性出血热', '狂犬病',
  '流行性乙型脑炎', '登革热', '炭疽', '细菌性和阿米巴性痢疾', '肺结核', '伤寒和副伤寒', '流行性脑脊髓膜炎', '百日咳', '白喉',
  '新生儿破伤风', '猩红热', '布鲁氏菌病', '淋病', '梅毒', '钩端螺旋体病', '血吸虫病', '疟疾', '人感染H7N9禽流感', '猴痘',
  '丙类传染病合计', '流行性感冒', '流行性腮腺炎', '风疹', '急性出血性结膜炎', '麻风病', '流行性和地方性斑疹伤寒', '黑热病',
  '包虫病', '丝虫病', '其他感染性腹泻病', '手足口病',
];

function row(rows: MonthlyReportRow[], code: string): MonthlyReportRow | undefined {
  return rows.find((r) => r.code === code);
}

describe('buildMonthlyReportRows', () => {
  it('lays rows out exactly as the 2024 national bulletin table', () => {
    expect(buildMonthlyReportRows([], { month: '2024-07' }).map((r) => r.disease)).toEqual(BULLETIN_2024_ORDER);
  });

  it('sums hepatitis subtypes into 病毒性肝炎 and classes into their totals', () => {
    const rows = buildMonthlyReportRows(
      [
        { disease: 'hepatitis_b', cases: 10, deaths: 1 },
        { disease: 'hepatitis_c', cases: 4, deaths: 0 },
        { disease: 'hepatitis_e', cases: 1, deaths: 0 },
        { disease: 'cholera', cases: 2, deaths: 0 },
        { disease: 'tuberculosis', cases: 7, deaths: 2 },
        { disease: 'influenza', cases: 100, deaths: 0 },
        { disease: 'hfmd', cases: 30, deaths: 1 },
      ],
      { month: '2024-07' },
    );
    expect(row(rows, 'hepatitis')).toMatchObject({ kind: 'disease', category: 'B', cases: 15, deaths: 1 });
    expect(row(rows, 'hepatitis_b')).toMatchObject({ kind: 'subtype', parent: 'hepatitis', cases: 10, deaths: 1 });
    expect(row(rows, 'total_ab')).toMatchObject({ cases: 24, deaths: 3 });
    expect(row(rows, 'total_c')).toMatchObject({ cases: 130, deaths: 1 });
    expect(row(rows, 'total_all')).toMatchObject({ kind: 'grand_total', category: 'total', cases: 154, deaths: 4 });
    expect(row(rows, 'cholera')).toMatchObject({ category: 'A', cases: 2 });
  });

  it('leaves COVID-19 out as the bulletin does, unless asked', () => {
    const tallies = [{ disease: 'covid19', cases: 5, deaths: 0 }];
    const plain = buildMonthlyReportRows(tallies, { month: '2024-07' });
    expect(row(plain, 'covid19')).toBeUndefined();
    expect(row(plain, 'total_all')?.cases).toBe(0);
    const all = buildMonthlyReportRows(tallies, { month: '2024-07', includeExcluded: true });
    expect(row(all, 'covid19')).toMatchObject({ disease: '新型冠状病毒感染', cases: 5 });
    expect(row(all, 'total_ab')?.cases).toBe(5);
  });

  it('uses the list in force that month: no 猴痘 row before September 2023', () => {
    expect(row(buildMonthlyReportRows([], { month: '2023-08' }), 'mpox')).toBeUndefined();
    expect(row(buildMonthlyReportRows([], { month: '2023-09' }), 'mpox')).toBeDefined();
  });

  it('carries avian influenza to 人感染新亚型流感 from September 2025', () => {
    const rows = buildMonthlyReportRows([{ disease: 'h7n9', cases: 1, deaths: 1 }, { disease: 'hpai', cases: 2, deaths: 0 }], { month: '2025-09' });
    expect(row(rows, 'h7n9')).toBeUndefined();
    expect(row(rows, 'novel_influenza')).toMatchObject({ disease: '人感染新亚型流感', cases: 3, deaths: 1 });
    const names = rows.map((r) => r.disease);
    expect(names.indexOf('人感染新亚型流感')).toBe(names.indexOf('脊髓灰质炎') + 1);
  });
});

describe('tallyReportCards', () => {
  it('counts cases and deaths by final-review month, classifying each card', () => {
    const cards = [
      { disease: '乙型肝炎', diagnosisDate: '2024-06-28', finalReviewAt: '2024-07-01T09:00:00+08:00' },
      { icd10: 'B18.101', diagnosisDate: '2024-07-02', finalReviewAt: '2024-07-03' },
      { icd10: 'B18.201', diagnosisDate: '2024-07-02', finalReviewAt: '2024-07-05T10:00:00+08:00', outcome: 'death' },
      // Reviewed at 2024-06-30 17:00 UTC = 1 July in China: counted in July.
      { disease: '手足口病', diagnosisDate: '2024-06-30', finalReviewAt: '2024-06-30T17:00:00Z' },
      // Reviewed in June (China time): not July.
      { disease: '手足口病', diagnosisDate: '2024-06-29', finalReviewAt: '2024-06-30T15:00:00Z' },
      // Not yet reviewed.
      { disease: '梅毒', diagnosisDate: '2024-07-02', finalReviewAt: null },
      // Not notifiable.
      { icd10: 'I10', diagnosisDate: '2024-07-02', finalReviewAt: '2024-07-09' },
    ];
    const { tallies, unplaced } = tallyReportCards(cards, '2024-07');
    expect(unplaced).toEqual([6]);
    const rows = buildMonthlyReportRows(tallies, { month: '2024-07' });
    expect(row(rows, 'hepatitis_b')).toMatchObject({ cases: 2, deaths: 0 });
    expect(row(rows, 'hepatitis_c')).toMatchObject({ cases: 1, deaths: 1 });
    expect(row(rows, 'hepatitis')).toMatchObject({ cases: 3, deaths: 1 });
    expect(row(rows, 'hfmd')).toMatchObject({ cases: 1 });
    expect(row(rows, 'total_all')).toMatchObject({ cases: 4, deaths: 1 });
  });

  it('counts a death in the month its card was finally reviewed', () => {
    const cards = [{ disease: '狂犬病', diagnosisDate: '2024-02-27', finalReviewAt: '2024-03-02', outcome: 'death' }];
    expect(tallyReportCards(cards, '2024-02').tallies).toEqual([]);
    expect(tallyReportCards(cards, '2024-03').tallies).toEqual([{ disease: 'rabies', cases: 1, deaths: 1 }]);
  });
});
