import { describe, expect, it } from 'vitest';
import { datasetSpec } from '../datasets/datasets';
import { normalizeDate, normalizeDateTime, normalizeMonth, isIsoDateTime } from './datetime';
import { normalizeIdNumber } from './id-number';
import { isValidPhone, normalizePhone } from './phone';
import { cleanseRecord } from './record';
import { normalizeSex, sexCodeFor } from './sex';
import { cleanPersonName, cleanText, normalizeWhitespace, toHalfWidth } from './text';

describe('text', () => {
  it('turns full-width characters half-width and says so', () => {
    expect(toHalfWidth('ＡＢＣ１２３（内江）', 'f')).toEqual({
      value: 'ABC123(内江)',
      changes: [{ path: 'f', from: 'ＡＢＣ１２３（内江）', to: 'ABC123(内江)', rule: 'half_width' }],
    });
  });

  it('trims and collapses whitespace, including ideographic and zero-width spaces', () => {
    expect(normalizeWhitespace('  内江市 \t 市中区\u200B  ').value).toBe('内江市 市中区');
    expect(cleanText('\u3000内江\u3000').value).toBe('内江');
  });

  it('returns no change when nothing changed', () => {
    expect(cleanText('内江市').changes).toEqual([]);
  });

  it('cleans names: no spaces between Chinese characters, one middle dot', () => {
    expect(cleanPersonName(' 张  三 ').value).toBe('张三');
    expect(cleanPersonName('阿依古丽•买买提').value).toBe('阿依古丽·买买提');
    expect(cleanPersonName('阿依古丽 . 买买提').value).toBe('阿依古丽·买买提');
    expect(cleanPersonName('John  Smith').value).toBe('John Smith');
    const r = cleanPersonName('张 三', 'patient.name');
    expect(r.changes).toEqual([{ path: 'patient.name', from: '张 三', to: '张三', rule: 'name_format' }]);
  });
});

describe('sex', () => {
  it.each([
    ['男', '1'], ['男性', '1'], ['M', '1'], ['male', '1'], ['Male', '1'], [1, '1'], ['１', '1'],
    ['女', '2'], ['F', '2'], ['female', '2'], ['女性', '2'],
    ['未知', '0'], ['unknown', '0'], ['未说明', '9'], ['other', '9'],
  ])('maps %s to %s', (input, code) => {
    expect(sexCodeFor(input)).toBe(code);
  });

  it('records the mapping and leaves unknown values for the validator', () => {
    expect(normalizeSex('男', 'sex')).toEqual({ value: '1', changes: [{ path: 'sex', from: '男', to: '1', rule: 'sex_synonym' }] });
    expect(normalizeSex('1').changes).toEqual([]);
    expect(normalizeSex('X').value).toBe('X');
  });
});

describe('ID numbers', () => {
  it('upper-cases x', () => {
    expect(normalizeIdNumber('11010519491231002x', 'idNumber')).toEqual({
      value: '11010519491231002X',
      changes: [{ path: 'idNumber', from: '11010519491231002x', to: '11010519491231002X', rule: 'id_uppercase' }],
    });
  });

  it('upgrades 15-digit numbers and strips separators, step by step', () => {
    const r = normalizeIdNumber(' 110105 491231 002 ');
    expect(r.value).toBe('11010519491231002X');
    expect(r.changes.map((c) => c.rule)).toEqual(['whitespace', 'id_upgrade_15']);
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２Ｘ').value).toBe('11010519491231002X');
  });
});

describe('phones', () => {
  it.each([
    ['+86 138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['(0832) 2345678', '0832-2345678'],
    ['0832-2345678', '0832-2345678'],
    ['010 12345678', '010-12345678'],
    ['02887654321', '028-87654321'],
  ])('normalises %s to %s', (input, output) => {
    const r = normalizePhone(input);
    expect(r.value).toBe(output);
    expect(isValidPhone(r.value)).toBe(true);
  });

  it('leaves unusable numbers for FMT.PHONE', () => {
    expect(isValidPhone(normalizePhone('12345').value)).toBe(false);
    expect(isValidPhone(normalizePhone('无').value)).toBe(false);
  });
});

describe('dates and times', () => {
  it.each([
    ['2024-05-01 08:30:00', '2024-05-01T08:30:00+08:00'],
    ['2024/5/1 8:30', '2024-05-01T08:30:00+08:00'],
    ['20240501083000', '2024-05-01T08:30:00+08:00'],
    ['2024-05-01T08:30:00', '2024-05-01T08:30:00+08:00'],
    ['2024-05-01T00:30:00Z', '2024-05-01T08:30:00+08:00'],
    ['2024-04-30T20:30:00-04:00', '2024-05-01T08:30:00+08:00'],
    ['2024-05-01T08:30:00+0800', '2024-05-01T08:30:00+08:00'],
    ['2024-05-01T08:30:00.250+08:00', '2024-05-01T08:30:00.250+08:00'],
    ['2024-05-01', '2024-05-01T00:00:00+08:00'],
    ['20240501', '2024-05-01T00:00:00+08:00'],
  ])('normalises date-time %s to %s', (input, output) => {
    const r = normalizeDateTime(input, 'startAt');
    expect(r.value).toBe(output);
    expect(isIsoDateTime(r.value)).toBe(true);
  });

  it('records the conversion and leaves impossible times unchanged', () => {
    expect(normalizeDateTime('20240501083000', 'startAt').changes).toEqual([
      { path: 'startAt', from: '20240501083000', to: '2024-05-01T08:30:00+08:00', rule: 'datetime_iso' },
    ]);
    expect(normalizeDateTime('2024-02-30 08:00:00').value).toBe('2024-02-30 08:00:00');
    expect(normalizeDateTime('2024-05-01 25:00:00').value).toBe('2024-05-01 25:00:00');
    expect(normalizeDateTime('2024-05-01T08:30:00+08:00').changes).toEqual([]);
  });

  it.each([
    ['19850312', '1985-03-12'],
    ['1985/3/12', '1985-03-12'],
    ['1985.03.12', '1985-03-12'],
    ['1985年3月12日', '1985-03-12'],
    ['1985-03-12 00:00:00', '1985-03-12'],
    ['1985-03-11T16:00:00Z', '1985-03-12'],
  ])('normalises date %s to %s', (input, output) => {
    expect(normalizeDate(input).value).toBe(output);
  });

  it('normalises months and leaves nonsense alone', () => {
    expect(normalizeMonth('202405').value).toBe('2024-05');
    expect(normalizeMonth('2024年5月').value).toBe('2024-05');
    expect(normalizeMonth('2024-13').value).toBe('2024-13');
    expect(normalizeDate('19850230').value).toBe('19850230');
  });
});

describe('cleanseRecord', () => {
  it('normalises every element by kind and lists each change with its path', () => {
    const input = {
      sourceId: 'P-1',
      idNumber: '110105491231002',
      name: ' 张 三 ',
      sex: '男',
      birthDate: '19491231',
      phone: '+86 138 1234 5678',
      ethnicity: 1,
      regionCode: ' 511002 ',
    };
    const { value, changes } = cleanseRecord(datasetSpec('persons'), input);
    expect(value).toEqual({
      sourceId: 'P-1',
      idNumber: '11010519491231002X',
      name: '张三',
      sex: '1',
      birthDate: '1949-12-31',
      phone: '13812345678',
      ethnicity: '01',
      regionCode: '511002',
    });
    expect(changes.map((c) => `${c.path}:${c.rule}`)).toEqual([
      'idNumber:id_upgrade_15',
      'name:whitespace',
      'name:name_format',
      'sex:sex_synonym',
      'birthDate:date_iso',
      'phone:phone',
      'ethnicity:code_format',
      'regionCode:whitespace',
    ]);
    expect(input.sex).toBe('男'); // input untouched
  });

  it('reaches into the patient block and arrays', () => {
    const { value } = cleanseRecord(datasetSpec('encounters'), {
      patient: { idNumber: '11010519491231002x', name: '李四', sex: 'F', birthDate: '1949-12-31' },
      type: ' inpatient ',
      startAt: '2024-05-01 08:00:00',
      endAt: '20240505100000',
      diagnoses: [{ code: 'b18101', name: '慢性乙型病毒性肝炎' }],
    });
    expect(value).toMatchObject({
      patient: { idNumber: '11010519491231002X', sex: '2' },
      type: 'inpatient',
      startAt: '2024-05-01T08:00:00+08:00',
      endAt: '2024-05-05T10:00:00+08:00',
      diagnoses: [{ code: 'B18.101' }],
    });
  });

  it('does not apply resident-ID rules to other documents', () => {
    const { value } = cleanseRecord(datasetSpec('persons'), { idType: '03', idNumber: ' e12345678 ', name: 'A', sex: '1', birthDate: '1990-01-01' });
    expect(value.idNumber).toBe('e12345678');
  });
});
