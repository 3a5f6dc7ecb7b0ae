/**
 * Chinese personal names: surnames by frequency (national 2020 household
 * register order, weighted towards Sichuan, where 李/王/张/刘/陈/杨 lead and
 * 罗/邓/曾/唐/彭/廖/蒋 are more common than nationally), given names drawn
 * from character pools that shift with the birth cohort, as real names do
 * (建国/秀英 for the 1950s, 伟/丽 for the 1970s, 浩宇/梓涵 after 2000).
 */
import { type Random, weighted } from './random';

/** Share per 10,000 people (approximate, Sichuan-weighted). */
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['李', 790], ['王', 640], ['张', 620], ['刘', 560], ['陈', 560], ['杨', 450], ['黄', 270], ['赵', 230],
  ['周', 220], ['吴', 200], ['徐', 150], ['孙', 120], ['胡', 140], ['朱', 120], ['高', 110], ['林', 100],
  ['何', 160], ['郭', 110], ['马', 90], ['罗', 190], ['梁', 80], ['宋', 80], ['郑', 80], ['谢', 110],
  ['韩', 60], ['唐', 150], ['冯', 70], ['于', 50], ['董', 70], ['萧', 20], ['程', 70], ['曹', 70],
  ['袁', 90], ['邓', 140], ['许', 70], ['傅', 40], ['沈', 40], ['曾', 130], ['彭', 120], ['吕', 40],
  ['苏', 50], ['卢', 60], ['蒋', 100], ['蔡', 50], ['贾', 30], ['丁', 40], ['魏', 50], ['薛', 30],
  ['叶', 50], ['阎', 15], ['余', 90], ['潘', 40], ['杜', 70], ['戴', 30], ['夏', 40], ['钟', 60],
  ['汪', 40], ['田', 60], ['任', 60], ['姜', 40], ['范', 50], ['方', 30], ['石', 40], ['姚', 30],
  ['谭', 50], ['廖', 90], ['邹', 50], ['熊', 50], ['金', 20], ['陆', 20], ['郝', 20], ['孔', 20],
  ['白', 30], ['崔', 20], ['康', 30], ['毛', 40], ['邱', 50], ['秦', 30], ['江', 40], ['史', 20],
  ['顾', 15], ['侯', 30], ['邵', 20], ['孟', 20], ['龙', 30], ['万', 30], ['段', 30], ['雷', 40],
  ['钱', 15], ['汤', 30], ['尹', 30], ['黎', 30], ['易', 30], ['常', 15], ['武', 15], ['乔', 15],
  ['贺', 20], ['赖', 30], ['龚', 30], ['文', 40], ['付', 50], ['向', 30], ['严', 20],
];

/** Compound surnames, rare but real (and useful for masking tests: 欧阳娜娜 → 欧***). */
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '慕容', '令狐'];

type Cohort = 'pre1960' | '1960s70s' | '1980s90s' | 'post2000';

const GIVEN: Record<Cohort, { male: string; female: string; neutral: string }> = {
  pre1960: {
    male: '国建华明德福贵富荣仁义礼永长兴发财有文武金银山海成秀志忠勇军民光宗祖树林根生',
    female: '秀英兰芳珍桂玉凤琼淑慧素贞翠花梅菊莲琴云霞芬娥美群惠',
    neutral: '德明华春秋光',
  },
  '1960s70s': {
    male: '伟强军勇平刚斌杰涛明辉波东兵林海峰建国华红卫新军宏志龙涛文彬',
    female: '丽霞燕红艳敏静芳琴英梅玲萍华娟莉蓉琼秀慧春燕红梅',
    neutral: '红华平春林',
  },
  '1980s90s': {
    male: '磊伟鹏超涛浩宇杰凯俊帆帅旭阳龙飞鑫波健斌亮刚强勇林军明辉洋坤',
    female: '婷静敏丹燕娟霞倩雪莉琳佳颖露晶丽璐瑶薇婧萍蓉洁雯娜',
    neutral: '佳欣晨阳宁',
  },
  post2000: {
    male: '浩宇轩子梓睿博文俊晨铭宸泽皓煜昊杰航阳奕涵然哲瑞鑫逸一锦辰嘉',
    female: '涵欣怡诗雨思梦佳若萱可馨语琪妍彤悦晗梓汐沫依涵雅婉瑶一嘉',
    neutral: '子一梓涵嘉',
  },
};

const SURNAME_TABLE = weighted(SURNAMES);

function cohortOf(birthYear: number): Cohort {
  if (birthYear < 1960) return 'pre1960';
  if (birthYear < 1980) return '1960s70s';
  if (birthYear < 2000) return '1980s90s';
  return 'post2000';
}

function pickChar(rng: Random, pool: string): string {
  return pool[Math.floor(rng.next() * pool.length)] as string;
}

export function surname(rng: Random): string {
  if (rng.chance(0.0015)) return rng.pick(COMPOUND_SURNAMES);
  return rng.weighted(SURNAME_TABLE);
}

/** A full name for a person of the given sex ('1' male, '2' female) and birth year. */
export function personName(rng: Random, sex: '1' | '2', birthYear: number, family?: string): string {
  const cohort = GIVEN[cohortOf(birthYear)];
  const pool = sex === '1' ? cohort.male : cohort.female;
  const s = family ?? surname(rng);
  // Single-character given names peaked around 1990–2005 and are rarer now.
  const singleShare = birthYear < 1960 ? 0.2 : birthYear < 1980 ? 0.3 : birthYear < 2005 ? 0.35 : 0.12;
  if (rng.chance(singleShare)) return s + pickChar(rng, pool);
  const first = rng.chance(0.15) ? pickChar(rng, cohort.neutral) : pickChar(rng, pool);
  let second = pickChar(rng, pool);
  if (second === first && rng.chance(0.7)) second = pickChar(rng, pool); // 婷婷/丹丹 stay possible
  return s + first + second;
}

/** Same-sounding characters staff commonly type instead (for near-duplicate records). */
const HOMOPHONES: Record<string, string> = {
  伟: '玮', 玮: '伟', 丽: '莉', 莉: '丽', 静: '晶', 晶: '静', 敏: '民', 军: '君', 君: '军', 华: '桦', 红: '宏', 宏: '红',
  英: '瑛', 芳: '方', 杰: '洁', 洁: '杰', 霞: '侠', 涛: '韬', 斌: '彬', 彬: '斌', 林: '琳', 琳: '林', 燕: '艳', 艳: '燕',
  明: '铭', 铭: '明', 宇: '雨', 雨: '宇', 梅: '玫', 辉: '晖', 晖: '辉', 俊: '骏', 浩: '豪', 峰: '锋', 锋: '峰', 娟: '鹃',
  张: '章', 章: '张', 陈: '程', 王: '汪', 汪: '王', 刘: '柳', 李: '黎', 黎: '李', 杨: '阳', 周: '邹', 徐: '许', 许: '徐',
};

/** A realistic data-entry variant of a name: a homophone typed for one character. */
export function nameVariant(rng: Random, name: string): string {
  const chars = [...name];
  const candidates = chars.map((c, i) => (HOMOPHONES[c] ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return name;
  const i = rng.pick(candidates);
  chars[i] = HOMOPHONES[chars[i] as string] as string;
  return chars.join('');
}

/** Mobile numbers on the three carriers' common prefixes. */
const MOBILE_PREFIXES = weighted<string>([
  ['139', 8], ['138', 8], ['137', 5], ['136', 5], ['135', 6], ['134', 3], ['150', 4], ['151', 4], ['152', 3],
  ['157', 2], ['158', 4], ['159', 4], ['182', 3], ['183', 3], ['187', 3], ['188', 2], ['198', 2],
  ['130', 3], ['131', 3], ['132', 3], ['155', 2], ['156', 2], ['185', 2], ['186', 3], ['176', 2], ['166', 1],
  ['133', 3], ['153', 2], ['177', 2], ['180', 2], ['181', 2], ['189', 3], ['199', 2], ['191', 1],
]);

export function mobilePhone(rng: Random): string {
  return rng.weighted(MOBILE_PREFIXES) + rng.digits(8);
}

/** Neijiang landlines: area code 0832, 7-digit local numbers starting 2–8. */
export function landline(rng: Random): string {
  return `0832-${rng.int(2, 8)}${rng.digits(6)}`;
}
