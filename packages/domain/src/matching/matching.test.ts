import { describe, expect, it } from 'vitest';
import { blockingKeys } from './blocking';
import { compareBirthDates, compareNames, comparePhones, compareRegions, compareSex } from './comparators';
import { DEFAULT_THRESHOLDS, autoLinkBlocker, chooseCandidate, decide } from './decide';
import { jaro, jaroWinkler } from './jaro-winkler';
import { DEFAULT_MATCH_MODEL } from './model';
import { namePinyinKey, nameInfo } from './names';
import { levelOf, scorePair, type MatchPerson } from './score';

const person: MatchPerson = { name: '王小明', sex: '1', birthDate: '1985-03-12', phone: '13812345678', regionCode: '511002' };
const decision = (incoming: MatchPerson, candidate: MatchPerson = person) => decide(scorePair(incoming, candidate));

describe('Jaro–Winkler', () => {
  it('matches the textbook values', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('', 'A')).toBe(0);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
  });
});

describe('names and pinyin', () => {
  it('reads surnames with their surname pronunciation', () => {
    expect(namePinyinKey('曾小贤')).toBe('zengxiaoxian');
    expect(namePinyinKey('单田芳')).toBe('shantianfang');
    expect(nameInfo('张 伟').initials).toBe('zw');
    expect(namePinyinKey('吕布')).toBe('lvbu');
  });

  it('grades name agreement', () => {
    expect(compareNames('王小明', ' 王 小明 ')).toBe('exact');
    expect(compareNames('王小明', '王晓明')).toBe('pinyin_same'); // input-method homophone
    expect(compareNames('曾小贤', '增小贤')).toBe('pinyin_same'); // 多音字 曾 (zeng/ceng)
    expect(compareNames('单田芳', '善田芳')).toBe('pinyin_same'); // 多音字 单 (shan/dan)
    expect(compareNames('张芳', '张帆')).toBe('pinyin_similar'); // fang / fan
    expect(compareNames('刘佳怡', '刘佳欣')).toBe('one_char_diff');
    expect(compareNames('张伟', '张强')).toBe('one_char_diff');
    expect(compareNames('王小明', '王明')).toBe('one_char_diff');
    expect(compareNames('王小明', '李建国')).toBe('different');
    expect(compareNames('张伟', 'ZHANG WEI')).toBe('pinyin_same');
    expect(compareNames('John Smith', 'JOHN  SMITH')).toBe('exact');
    expect(compareNames('王小明', '')).toBe('missing');
    expect(compareNames(null, '王小明')).toBe('missing');
  });
});

describe('field comparators', () => {
  it('grades birth dates', () => {
    expect(compareBirthDates('1985-03-12', '1985-03-12')).toBe('exact');
    expect(compareBirthDates('1985-03-12', '1985-03-21')).toBe('near'); // swapped digits
    expect(compareBirthDates('1985-03-12', '1958-03-12')).toBe('near'); // swapped digits in the year
    expect(compareBirthDates('1985-03-12', '1985-03-13')).toBe('near'); // one digit off
    expect(compareBirthDates('1985-03-12', '1985-12-03')).toBe('near'); // month and day swapped
    expect(compareBirthDates('1985-03-12', '1985-03-28')).toBe('year_month');
    expect(compareBirthDates('1985-03', '1985-03-28')).toBe('year_month');
    expect(compareBirthDates('1985-03-12', '1990-07-01')).toBe('different');
    expect(compareBirthDates('1985-03-12', null)).toBe('missing');
  });

  it('compares sex, phones and regions', () => {
    expect(compareSex('1', '1')).toBe('agree');
    expect(compareSex('1', '2')).toBe('disagree');
    expect(compareSex('1', '9')).toBe('missing');
    expect(comparePhones('+86 138-1234-5678', '13812345678')).toBe('agree');
    expect(comparePhones('13812345678', '13912345678')).toBe('disagree');
    expect(comparePhones('13812345678', undefined)).toBe('missing');
    expect(compareRegions('511002001', '511002001000')).toBe('township');
    expect(compareRegions('511002001', '511002100')).toBe('county');
    expect(compareRegions('511002', '511011')).toBe('city');
    expect(compareRegions('511002', '110105')).toBe('different');
  });
});

describe('m/u model', () => {
  it('has probabilities that sum to 1 for every field', () => {
    for (const table of Object.values(DEFAULT_MATCH_MODEL)) {
      const levels = Object.values(table) as { m: number; u: number }[];
      expect(levels.reduce((s, l) => s + l.m, 0)).toBeCloseTo(1, 3);
      expect(levels.reduce((s, l) => s + l.u, 0)).toBeCloseTo(1, 3);
    }
  });
});

describe('scorePair and decide', () => {
  it('returns the total and every field comparison', () => {
    const s = scorePair(person, person);
    expect(s.comparisons.map((c) => c.field)).toEqual(['name', 'birthDate', 'sex', 'phone', 'region', 'idKey']);
    expect(s.total).toBeCloseTo(s.comparisons.reduce((t, c) => t + c.weight, 0), 10);
    expect(s.total).toBeGreaterThan(35);
    expect(levelOf(s, 'idKey')).toBe('missing');
  });

  it('links the same person automatically', () => {
    expect(decision(person)).toBe('auto_link');
  });

  it('links through a typo in the name', () => {
    expect(decision({ ...person, name: '王晓明' })).toBe('auto_link');
    expect(decision({ ...person, name: '王小名' })).toBe('auto_link');
  });

  it('links through swapped digits in the birth date when the phone agrees', () => {
    expect(decision({ ...person, birthDate: '1985-03-21' })).toBe('auto_link');
    expect(decision({ ...person, birthDate: '1985-12-03' })).toBe('auto_link');
  });

  it('links with a missing phone when the township agrees, and asks a person when only the county does', () => {
    const here = { ...person, regionCode: '511002001' };
    expect(decision({ ...here, phone: null }, here)).toBe('auto_link');
    expect(decision({ ...person, phone: null })).toBe('review');
  });

  it('never auto-links twins: same birth date, surname, phone and address, different given names', () => {
    const twinA = { name: '刘佳怡', sex: '2', birthDate: '2015-06-01', phone: '13988887777', regionCode: '511025104' };
    const twinB = { ...twinA, name: '刘佳欣' };
    const s = scorePair(twinA, twinB);
    expect(decide(s)).not.toBe('auto_link');
    expect(autoLinkBlocker(s)).toBe('name_differs');
    const brothers = { name: '张伟', sex: '1', birthDate: '2010-01-01', phone: '13500000000', regionCode: '511002' };
    expect(decision({ ...brothers, name: '张强' }, brothers)).not.toBe('auto_link');
  });

  it('does not auto-link a same-name, same-birthday stranger with another phone', () => {
    expect(decision({ ...person, phone: '13900001111' })).toBe('review');
  });

  it('never auto-links across a sex, birth date or ID disagreement', () => {
    expect(decision({ ...person, sex: '2' })).not.toBe('auto_link');
    expect(decide(scorePair({ ...person, idKey: 'a' }, { ...person, idKey: 'b' }))).not.toBe('auto_link');
    expect(decide(scorePair({ ...person, idKey: 'a' }, { ...person, idKey: 'a' }))).toBe('auto_link');
  });

  it('creates a new person for different people', () => {
    expect(decision({ name: '李建国', sex: '1', birthDate: '1962-10-01', phone: '13700000000', regionCode: '511083' })).toBe('new_person');
    expect(decision({ ...person, birthDate: '1990-07-01', phone: null })).toBe('new_person');
  });

  it('applies the thresholds to plain numbers too', () => {
    expect(decide(DEFAULT_THRESHOLDS.upper)).toBe('auto_link');
    expect(decide(DEFAULT_THRESHOLDS.lower)).toBe('review');
    expect(decide(DEFAULT_THRESHOLDS.lower - 0.01)).toBe('new_person');
    expect(decide(20, { upper: 15, lower: 5 })).toBe('auto_link');
  });
});

describe('chooseCandidate', () => {
  it('links to the clear best candidate', () => {
    const stranger = { ...person, name: '李建国', birthDate: '1962-10-01', phone: null };
    const choice = chooseCandidate([scorePair(person, stranger), scorePair(person, person)]);
    expect(choice).toEqual({ decision: 'auto_link', index: 1 });
  });

  it('sends two close candidates to review', () => {
    const twin = { ...person, name: '王小鸣' }; // homophone of the other record: indistinguishable
    const choice = chooseCandidate([scorePair(person, person), scorePair(person, twin)]);
    expect(choice).toMatchObject({ decision: 'review', reason: 'ambiguous' });
  });

  it('creates a new person when there are no candidates', () => {
    expect(chooseCandidate([])).toEqual({ decision: 'new_person' });
  });
});

describe('blocking keys', () => {
  it('give several independent ways to find a candidate', () => {
    expect(blockingKeys({ ...person, idKey: 'k1' }).map((k) => k.key)).toEqual([
      'bd:1985-03-12', 'pi:wxm:1985', 'pm:wangxiaoming:0312', 'ph:13812345678', 'id:k1',
    ]);
  });

  it('share at least one key between a record and its typo-ed copy', () => {
    const variants: MatchPerson[] = [
      { ...person, name: '王晓明' },
      { ...person, birthDate: '1985-03-21', phone: null },
      { ...person, birthDate: '1958-03-12', phone: null },
      { ...person, name: '汪小明', birthDate: '1985-03-21' },
    ];
    const original = new Set(blockingKeys(person).map((k) => k.key));
    for (const v of variants) expect(blockingKeys(v).some((k) => original.has(k.key))).toBe(true);
  });

  it('skip what is missing', () => {
    expect(blockingKeys({ name: '王小明', birthDate: '1985-03' }).map((k) => k.kind)).toEqual(['pi']);
    expect(blockingKeys({})).toEqual([]);
  });
});
