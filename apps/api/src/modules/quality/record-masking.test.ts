import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../lib/csv';
import { displayValue, maskedPatient, valueAtPath } from './record-masking';

const record = {
  sourceId: 'E1',
  patient: { name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678', sex: '1', birthDate: '1949-12-31' },
  diagnoses: [{ code: 'I10', name: '高血压' }, { code: 'bad', name: 'x' }],
};

describe('quality drill-down masking', () => {
  it('reads values at finding paths, array indexes included', () => {
    expect(valueAtPath(record, 'diagnoses[1].code')).toBe('bad');
    expect(valueAtPath(record, 'patient.phone')).toBe('13812345678');
    expect(valueAtPath(record, 'nothing.here')).toBeUndefined();
  });

  it('masks personal values and shows the rest', () => {
    expect(displayValue('patient.name', '张三丰')).toBe('张**');
    expect(displayValue('patient.idNumber', '11010519491231002X')).toBe('110105********002X');
    expect(displayValue('patient.phone', '13812345678')).toBe('138****5678');
    expect(displayValue('patient.birthDate', '1949-12-31')).toBe('1949-**-**');
    expect(displayValue('diagnoses[1].code', 'bad')).toBe('bad');
    expect(displayValue('diagnoses', [1, 2])).toBe('[2 items]');
  });

  it('masks the patient of a record', () => {
    expect(maskedPatient(record, 'patient')).toEqual({ name: '张**', idNumber: '110105********002X', phone: '138****5678', sex: '1', birthDate: '1949-**-**' });
    expect(maskedPatient(record, null)).toBeNull();
  });
});

describe('csv export', () => {
  it('quotes, escapes and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(toCsv([{ header: '名称', value: (r: { n: string }) => r.n }], [{ n: '医院' }])).toBe('\uFEFF名称\r\n医院\r\n');
  });
});
