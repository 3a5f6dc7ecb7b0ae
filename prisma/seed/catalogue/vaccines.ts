/**
 * The national immunisation programme schedule (国家免疫规划疫苗儿童免疫程序,
 * 2021 edition with the 2025 DTaP change: 2, 4, 6, 18 months and 6 years) and
 * the seasonal influenza vaccine. Codes are the common English abbreviations.
 */
export interface VaccineDose {
  code: string;
  name: string;
  dose: number;
  /** Age due, in months. */
  month: number;
  route: string;
  site: string;
  manufacturer: string;
}

const v = (code: string, name: string, months: number[], route: string, site: string, manufacturer: string): VaccineDose[] =>
  months.map((month, i) => ({ code, name, dose: i + 1, month, route, site, manufacturer }));

export const NIP_SCHEDULE: readonly VaccineDose[] = [
  ...v('HepB', '乙肝疫苗', [0, 1, 6], '肌内注射', '上臂三角肌', '深圳康泰生物制品股份有限公司'),
  ...v('BCG', '卡介苗', [0], '皮内注射', '上臂三角肌中部略下处', '成都生物制品研究所有限责任公司'),
  ...v('IPV', '脊灰灭活疫苗', [2, 3], '肌内注射', '大腿前外侧中部', '中国医学科学院医学生物学研究所'),
  ...v('bOPV', '二价脊灰减毒活疫苗', [4, 48], '口服', '口服', '北京生物制品研究所有限责任公司'),
  ...v('DTaP', '百白破疫苗', [2, 4, 6, 18, 72], '肌内注射', '上臂三角肌', '武汉生物制品研究所有限责任公司'),
  ...v('MMR', '麻腮风疫苗', [8, 18], '皮下注射', '上臂外侧三角肌下缘附着处', '北京生物制品研究所有限责任公司'),
  ...v('JE-L', '乙脑减毒活疫苗', [8, 24], '皮下注射', '上臂外侧三角肌下缘附着处', '成都生物制品研究所有限责任公司'),
  ...v('MPSV-A', 'A群流脑多糖疫苗', [6, 9], '皮下注射', '上臂外侧三角肌附着处', '兰州生物制品研究所有限责任公司'),
  ...v('MPSV-AC', 'A群C群流脑多糖疫苗', [36, 72], '皮下注射', '上臂外侧三角肌附着处', '兰州生物制品研究所有限责任公司'),
  ...v('HepA-L', '甲肝减毒活疫苗', [18], '皮下注射', '上臂外侧三角肌附着处', '浙江普康生物技术股份有限公司'),
];

export const INFLUENZA_VACCINE: VaccineDose = { code: 'Flu', name: '流感疫苗', dose: 1, month: 0, route: '肌内注射', site: '上臂三角肌', manufacturer: '华兰生物疫苗股份有限公司' };
