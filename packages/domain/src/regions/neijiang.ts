/**
 * 内江市 (Neijiang, Sichuan), the demo city of the plan in seeds/001, as data.
 *
 * City and county codes are GB/T 2260 (隆昌 became a county-level city in 2017:
 * 511028 → 511083). Township codes are 9-digit statistical division codes
 * (统计用区划代码, first 9 of 12 digits). Their numbering follows the statistical
 * convention — 001–099 街道, 100–199 镇, 200–299 乡 — but only 威远县's were
 * cross-checked against a public source; the others are numbered in that
 * convention for the demo and must be replaced by the official table before
 * real use. Names are real 乡镇/街道 of each county as of the early 2020s
 * (several townships have since been merged).
 */
import type { RegionNode, TownshipKind } from './region';

export const CITY_CODE = '511000';

const CITY: RegionNode = { code: CITY_CODE, name: '内江市', nameEn: 'Neijiang', level: 'city', parentCode: null };

const COUNTIES: readonly RegionNode[] = [
  { code: '511002', name: '市中区', nameEn: 'Shizhong District', level: 'county', parentCode: CITY_CODE },
  { code: '511011', name: '东兴区', nameEn: 'Dongxing District', level: 'county', parentCode: CITY_CODE },
  { code: '511024', name: '威远县', nameEn: 'Weiyuan County', level: 'county', parentCode: CITY_CODE },
  { code: '511025', name: '资中县', nameEn: 'Zizhong County', level: 'county', parentCode: CITY_CODE },
  { code: '511083', name: '隆昌市', nameEn: 'Longchang', level: 'county', parentCode: CITY_CODE },
];

type TownshipRow = readonly [suffix: string, name: string, nameEn: string];

const KIND_BY_SERIES: Record<string, TownshipKind> = { '0': 'subdistrict', '1': 'town', '2': 'township' };

const TOWNSHIPS: Record<string, readonly TownshipRow[]> = {
  // 市中区
  '511002': [
    ['001', '城东街道', 'Chengdong Subdistrict'], ['002', '城南街道', 'Chengnan Subdistrict'],
    ['003', '城西街道', 'Chengxi Subdistrict'], ['004', '玉溪街道', 'Yuxi Subdistrict'],
    ['005', '牌楼街道', 'Pailou Subdistrict'], ['006', '乐贤街道', 'Lexian Subdistrict'],
    ['007', '壕子口街道', 'Haozikou Subdistrict'], ['100', '白马镇', 'Baima'],
    ['101', '史家镇', 'Shijia'], ['102', '凌家镇', 'Lingjia'], ['103', '朝阳镇', 'Chaoyang'],
    ['104', '永安镇', 'Yong\'an'], ['105', '全安镇', 'Quan\'an'], ['200', '伏龙乡', 'Fulong'],
    ['201', '沱江乡', 'Tuojiang'],
  ],
  // 东兴区
  '511011': [
    ['001', '东兴街道', 'Dongxing Subdistrict'], ['002', '西林街道', 'Xilin Subdistrict'],
    ['003', '新江街道', 'Xinjiang Subdistrict'], ['100', '田家镇', 'Tianjia'], ['101', '郭北镇', 'Guobei'],
    ['102', '高梁镇', 'Gaoliang'], ['103', '白合镇', 'Baihe'], ['104', '顺河镇', 'Shunhe'],
    ['105', '胜利镇', 'Shengli'], ['106', '椑木镇', 'Beimu'], ['107', '石子镇', 'Shizi'],
    ['108', '太安镇', 'Tai\'an'], ['109', '双才镇', 'Shuangcai'], ['110', '杨家镇', 'Yangjia'],
    ['200', '富溪乡', 'Fuxi'],
  ],
  // 威远县 (codes cross-checked)
  '511024': [
    ['100', '严陵镇', 'Yanling'], ['102', '新店镇', 'Xindian'], ['103', '向义镇', 'Xiangyi'],
    ['104', '界牌镇', 'Jiepai'], ['105', '龙会镇', 'Longhui'], ['106', '高石镇', 'Gaoshi'],
    ['107', '东联镇', 'Donglian'], ['109', '镇西镇', 'Zhenxi'], ['111', '山王镇', 'Shanwang'],
    ['113', '观英滩镇', 'Guanyingtan'], ['114', '新场镇', 'Xinchang'], ['115', '连界镇', 'Lianjie'],
    ['116', '越溪镇', 'Yuexi'], ['119', '小河镇', 'Xiaohe'],
  ],
  // 资中县
  '511025': [
    ['100', '重龙镇', 'Chonglong'], ['101', '归德镇', 'Guide'], ['102', '鱼溪镇', 'Yuxi'],
    ['103', '铁佛镇', 'Tiefo'], ['104', '球溪镇', 'Qiuxi'], ['105', '龙结镇', 'Longjie'],
    ['106', '罗泉镇', 'Luoquan'], ['107', '发轮镇', 'Falun'], ['108', '银山镇', 'Yinshan'],
    ['109', '宋家镇', 'Songjia'], ['110', '骝马镇', 'Liuma'], ['111', '水南镇', 'Shuinan'],
    ['112', '狮子镇', 'Shizi'], ['113', '马鞍镇', 'Ma\'an'], ['114', '明心寺镇', 'Mingxinsi'],
  ],
  // 隆昌市
  '511083': [
    ['001', '金鹅街道', 'Jin\'e Subdistrict'], ['002', '古湖街道', 'Guhu Subdistrict'],
    ['100', '山川镇', 'Shanchuan'], ['101', '响石镇', 'Xiangshi'], ['102', '圣灯镇', 'Shengdeng'],
    ['103', '黄家镇', 'Huangjia'], ['104', '双凤镇', 'Shuangfeng'], ['105', '龙市镇', 'Longshi'],
    ['106', '界市镇', 'Jieshi'], ['107', '石碾镇', 'Shinian'], ['108', '石燕桥镇', 'Shiyanqiao'],
    ['109', '胡家镇', 'Hujia'], ['110', '云顶镇', 'Yunding'], ['111', '普润镇', 'Purun'],
  ],
};

function townshipNodes(): RegionNode[] {
  const nodes: RegionNode[] = [];
  for (const [county, rows] of Object.entries(TOWNSHIPS)) {
    for (const [suffix, name, nameEn] of rows) {
      nodes.push({
        code: `${county}${suffix}`,
        name,
        nameEn,
        level: 'township',
        parentCode: county,
        townshipKind: KIND_BY_SERIES[suffix[0] ?? ''] ?? 'town',
      });
    }
  }
  return nodes;
}

/** City, counties, then townships (county by county). */
export const NEIJIANG_REGIONS: readonly RegionNode[] = [CITY, ...COUNTIES, ...townshipNodes()];

export const NEIJIANG_COUNTY_CODES: readonly string[] = COUNTIES.map((c) => c.code);
