import { describe, expect, it } from 'vitest';
import { ABO_BLOOD_GROUP, ABO_BLOOD_GROUP_FRONT_SHEET } from './blood-group';
import { ETHNICITY } from './ethnicity';
import { ID_DOCUMENT_TYPE } from './id-document-type';
import { MARITAL_STATUS } from './marital-status';
import { VALUE_SETS, valueSetById } from './registry';
import { SEX } from './sex';
import { codeForDisplay, codesOf, displayOf, findEntry, isInValueSet } from './value-set';

describe('value sets', () => {
  it('carry id, version and source standard, with unique codes and both languages', () => {
    for (const vs of VALUE_SETS) {
      expect(vs.id).not.toBe('');
      expect(vs.version).not.toBe('');
      expect(vs.source).not.toBe('');
      const codes = codesOf(vs);
      expect(new Set(codes).size).toBe(codes.length);
      for (const e of vs.entries) expect(e.zh.length > 0 && e.en.length > 0).toBe(true);
    }
    expect(new Set(VALUE_SETS.map((v) => v.id)).size).toBe(VALUE_SETS.length);
  });

  it('holds GB 3304 in the standard order: 56 nationalities, then 97 and 98', () => {
    expect(ETHNICITY.entries).toHaveLength(58);
    expect(findEntry(ETHNICITY, '01')?.zh).toBe('汉族');
    expect(findEntry(ETHNICITY, '07')?.zh).toBe('彝族');
    expect(findEntry(ETHNICITY, '33')?.zh).toBe('羌族');
    expect(findEntry(ETHNICITY, '56')).toMatchObject({ zh: '基诺族', en: 'Jino' });
    expect(displayOf(ETHNICITY, '98')).toBe('外国血统中国籍人士');
    expect(isInValueSet(ETHNICITY, '57')).toBe(false);
  });

  it('looks codes up both ways', () => {
    expect(displayOf(SEX, '1')).toBe('男性');
    expect(displayOf(SEX, '2', 'en')).toBe('Female');
    expect(displayOf(SEX, '3')).toBeUndefined();
    expect(codeForDisplay(SEX, 'female')).toBe('2');
    expect(codeForDisplay(ID_DOCUMENT_TYPE, '护照')).toBe('03');
    expect(findEntry(MARITAL_STATUS, '22')?.parent).toBe('20');
  });

  it('keeps the front-sheet 未查 out of the general ABO table', () => {
    expect(isInValueSet(ABO_BLOOD_GROUP, '6')).toBe(false);
    expect(isInValueSet(ABO_BLOOD_GROUP_FRONT_SHEET, '6')).toBe(true);
  });

  it('finds tables by id', () => {
    expect(valueSetById('CV02.01.101')).toBe(ID_DOCUMENT_TYPE);
    expect(valueSetById('nope')).toBeUndefined();
  });
});
