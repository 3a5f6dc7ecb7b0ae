import { describe, expect, it } from 'vitest';
import { classifyDisease } from './classify';
import { DISEASES } from './disease-catalogue';
import { DISEASE_LIST_VERSIONS, diseaseListFor, listedDiseases } from './disease-list';

function code(input: Parameters<typeof classifyDisease>[0]): string | null {
  const r = classifyDisease(input);
  return r.ok ? r.disease.code : null;
}

describe('disease list versions', () => {
  it('are ordered by effective date and pick the one in force', () => {
    const dates = DISEASE_LIST_VERSIONS.map((v) => v.effectiveFrom);
    expect([...dates].sort()).toEqual(dates);
    expect(diseaseListFor('2019-06-01').id).toBe('2013');
    expect(diseaseListFor('2023-09-19').id).toBe('2023-01');
    expect(diseaseListFor('2023-09-20').id).toBe('2023-09');
    expect(diseaseListFor('2025-08-31T23:59:59+08:00').id).toBe('2023-09');
    expect(diseaseListFor('2025-09-01').id).toBe('2025');
    expect(diseaseListFor('2010-01-01').id).toBe('2013');
  });

  it('count 2 甲类, 26→28 乙类 and 11 丙类 diseases over time', () => {
    const count = (id: string, cls: string) =>
      DISEASE_LIST_VERSIONS.find((v) => v.id === id)?.entries.filter((e) => e.diseaseClass === cls).length;
    expect(count('2013', 'A')).toBe(2);
    expect(count('2013', 'B')).toBe(26);
    expect(count('2020', 'B')).toBe(27);
    expect(count('2023-09', 'B')).toBe(28);
    expect(count('2025', 'B')).toBe(27);
    expect(count('2025', 'C')).toBe(11);
  });

  it('list only catalogued diseases, each once', () => {
    const catalogue = new Set(DISEASES.map((d) => d.code));
    for (const v of DISEASE_LIST_VERSIONS) {
      const codes = listedDiseases(v).map((d) => d.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of codes) expect(catalogue.has(c)).toBe(true);
    }
  });
});

describe('classifyDisease', () => {
  it('classifies by the longest ICD-10 prefix, national extensions included', () => {
    expect(code({ icd10: 'B18.101', date: '2024-05-01' })).toBe('hepatitis_b');
    expect(code({ icd10: 'B18.2', date: '2024-05-01' })).toBe('hepatitis_c');
    expect(code({ icd10: 'B17.0', date: '2024-05-01' })).toBe('hepatitis_d');
    expect(code({ icd10: 'B17.2', date: '2024-05-01' })).toBe('hepatitis_e');
    expect(code({ icd10: 'B17.1', date: '2024-05-01' })).toBe('hepatitis_c');
    expect(code({ icd10: 'B15.901', date: '2024-05-01' })).toBe('hepatitis_a');
    expect(code({ icd10: 'B19.9', date: '2024-05-01' })).toBe('hepatitis_unspecified');
    expect(code({ icd10: 'A15.000x001', date: '2024-05-01' })).toBe('tuberculosis');
    expect(code({ icd10: 'A09.900', date: '2024-05-01' })).toBe('other_infectious_diarrhoea');
    expect(code({ icd10: 'B08.401', date: '2024-05-01' })).toBe('hfmd');
    expect(code({ icd10: 'A98.5', date: '2024-05-01' })).toBe('hfrs');
    expect(code({ icd10: 'A52.1', date: '2024-05-01' })).toBe('syphilis');
  });

  it('returns the class, names and parent of what it found', () => {
    const r = classifyDisease({ icd10: 'B16.9', date: '2024-05-01' });
    expect(r).toMatchObject({
      ok: true,
      disease: { code: 'hepatitis_b', nameZh: '乙型肝炎', diseaseClass: 'B', parent: 'hepatitis', method: 'icd10', versionId: '2023-09' },
    });
    expect(classifyDisease({ icd10: 'A00.9', date: '2024-05-01' })).toMatchObject({ ok: true, disease: { diseaseClass: 'A' } });
  });

  it('counts influenza J10–J11 and J09 without an avian subtype as 丙类 流行性感冒', () => {
    expect(code({ icd10: 'J10.1', date: '2024-01-10' })).toBe('influenza');
    expect(code({ icd10: 'J11', date: '2024-01-10' })).toBe('influenza');
    expect(code({ icd10: 'J09', date: '2024-01-10' })).toBe('influenza');
    expect(code({ name: '甲型H1N1流感', icd10: 'J09', date: '2024-01-10' })).toBe('influenza');
  });

  it('uses the avian subtype named on the card, per the list in force', () => {
    expect(code({ name: '人感染H7N9禽流感', icd10: 'J09', date: '2024-01-10' })).toBe('h7n9');
    expect(code({ name: '人感染H5N6禽流感', icd10: 'J09', date: '2024-01-10' })).toBe('hpai');
    expect(code({ name: '人感染H5N6禽流感', icd10: 'J09', date: '2025-10-10' })).toBe('novel_influenza');
    expect(code({ name: '人感染H7N9禽流感', date: '2025-10-10' })).toBe('novel_influenza');
    expect(code({ name: '人感染新亚型流感', date: '2025-10-10' })).toBe('novel_influenza');
  });

  it('lets an explicit name win over the ICD-10 code and reports the conflict', () => {
    const r = classifyDisease({ name: '猩红热', icd10: 'A39.0', date: '2024-03-01' });
    expect(r).toMatchObject({ ok: true, disease: { code: 'scarlet_fever', method: 'name', icd10Conflict: 'meningococcal' } });
  });

  it('accepts bulletin names, older names and aliases', () => {
    expect(code({ name: '伤寒+副伤寒', date: '2024-03-01' })).toBe('typhoid');
    expect(code({ name: '斑疹伤寒', date: '2024-03-01' })).toBe('typhus');
    expect(code({ name: '其它感染性腹泻病', date: '2024-03-01' })).toBe('other_infectious_diarrhoea');
    expect(code({ name: ' 乙 肝 ', date: '2024-03-01' })).toBe('hepatitis_b');
    expect(code({ name: '病毒性肝炎', date: '2024-03-01' })).toBe('hepatitis_unspecified');
    expect(code({ name: 'ＳＡＲＳ', date: '2024-03-01' })).toBe('sars');
  });

  it('knows 猴痘 only from 2023-09-20', () => {
    expect(classifyDisease({ name: '猴痘', date: '2023-09-19' })).toMatchObject({ ok: false, reason: 'not_notifiable' });
    expect(code({ name: '猴痘', date: '2023-09-20' })).toBe('mpox');
    expect(code({ icd10: 'B04', date: '2023-08-01' })).toBeNull();
    expect(code({ icd10: 'B04', date: '2023-10-01' })).toBe('mpox');
  });

  it('names COVID-19 as in force on the date', () => {
    const early = classifyDisease({ icd10: 'U07.1', date: '2022-05-01' });
    const late = classifyDisease({ icd10: 'U07.1', date: '2023-05-01' });
    expect(early.ok && early.disease.nameZh).toBe('新型冠状病毒肺炎');
    expect(late.ok && late.disease.nameZh).toBe('新型冠状病毒感染');
    expect(code({ icd10: 'U07.1', date: '2019-12-01' })).toBeNull();
  });

  it('explains what it could not classify', () => {
    expect(classifyDisease({ icd10: 'I10', date: '2024-01-01' })).toMatchObject({ ok: false, reason: 'not_notifiable' });
    expect(classifyDisease({ icd10: '38341003', date: '2024-01-01' })).toMatchObject({ ok: false, reason: 'bad_icd10' });
    expect(classifyDisease({ name: '感冒', date: '2024-01-01' })).toMatchObject({ ok: false, reason: 'unknown_name' });
    expect(classifyDisease({ date: '2024-01-01' })).toMatchObject({ ok: false, reason: 'no_input' });
    // An unknown name falls back to the code.
    expect(code({ name: '某某病', icd10: 'A01.0', date: '2024-01-01' })).toBe('typhoid');
  });
});
