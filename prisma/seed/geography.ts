/**
 * Where people live: county populations (7th census, 2020), township weights
 * (街道 and county seats are dense), villages and residential communities with
 * 12-digit statistical codes, and postal-style addresses. The region table
 * itself (codes and names) is @rhip/domain's NEIJIANG_REGIONS.
 */
import { NEIJIANG_REGIONS, type RegionNode } from '@rhip/domain';
import { createRandom, type Random, weighted, type WeightedTable } from './random';

/** Resident population by county, 2020 census (thousands). */
const COUNTY_POPULATION: Record<string, number> = {
  '511002': 486, // 市中区
  '511011': 689, // 东兴区
  '511024': 589, // 威远县
  '511025': 802, // 资中县
  '511083': 554, // 隆昌市
};

/** County seats and urbanised towns: as dense as a 街道. */
const URBAN_TOWNS = new Set(['511024100', '511025100', '511025111', '511011106']);

const VILLAGE_WORDS = [
  '高桥', '石板', '双河', '新华', '大坪', '龙井', '红花', '黄桷', '柏林', '白果', '万福', '永丰', '金龙', '青龙', '凤凰',
  '狮子', '新民', '和平', '团结', '建设', '光明', '五星', '长沙', '响水', '三合', '四合', '五里', '七里', '桂花', '麻柳',
  '水井', '大石', '石桥', '花园', '桥亭', '松林', '竹林', '茶店', '观音', '长生', '太平', '天池', '安乐', '楠木', '金鸡',
  '回龙', '朝阳', '元宝', '枫树', '碑记', '民主', '光荣', '新桥', '老街', '沙坝', '堰塘', '白鹤', '玉泉', '铁佛', '金山',
];

const COMMUNITY_WORDS = [
  '滨江', '公园', '文化', '新村', '人民', '东门', '西门', '南街', '北街', '中心', '桂湖', '沱江', '玉带', '华桥', '翠屏',
  '梅家山', '大千', '汉安', '兰桂', '甜城', '书院', '友谊', '幸福', '和谐', '锦绣',
];

const ROADS: Record<string, readonly string[]> = {
  '511002': ['汉安大道', '大千路', '公园街', '中央路', '玉溪路', '交通路', '桂湖街', '邱家坝路'],
  '511011': ['东兴大道', '西林大道', '新江路', '沱江路', '兰桂大道', '梅家山路', '汉渝大道'],
  '511024': ['严陵大道', '建设路', '胜利路', '北外街', '新华路', '西街'],
  '511025': ['大东街', '水南路', '公园路', '重龙大道', '资州大道', '北街'],
  '511083': ['金鹅大道', '古湖路', '南关路', '北关路', '隆兴路', '道观街'],
};

export interface Village {
  /** 12-digit statistical code (township 9 + 3): 001–199 residential communities, 200+ villages. */
  code: string;
  name: string;
  urban: boolean;
}

export interface Township {
  node: RegionNode;
  countyCode: string;
  countyName: string;
  urban: boolean;
  weight: number;
  villages: Village[];
}

export interface Geography {
  counties: RegionNode[];
  townships: Township[];
  townshipsByCounty: Map<string, Township[]>;
  countyTable: WeightedTable<string>;
  townshipTables: Map<string, WeightedTable<Township>>;
  cityName: string;
}

function buildVillages(rng: Random, township: RegionNode, urban: boolean): Village[] {
  const villages: Village[] = [];
  const communities = urban ? rng.int(6, 12) : rng.int(1, 3);
  const words = rng.sample(COMMUNITY_WORDS, communities);
  words.forEach((w, i) => villages.push({ code: `${township.code}${String(i + 1).padStart(3, '0')}`, name: `${w}社区`, urban: true }));
  if (!urban) {
    const count = township.townshipKind === 'township' ? rng.int(6, 12) : rng.int(10, 22);
    rng.sample(VILLAGE_WORDS, count).forEach((w, i) => villages.push({ code: `${township.code}${String(200 + i + 1)}`, name: `${w}村`, urban: false }));
  }
  return villages;
}

/** The city's geography; depends only on the seed. */
export function buildGeography(seed: number | string): Geography {
  const city = NEIJIANG_REGIONS.find((r) => r.level === 'city');
  const counties = NEIJIANG_REGIONS.filter((r) => r.level === 'county');
  const townships: Township[] = [];
  for (const node of NEIJIANG_REGIONS) {
    if (node.level !== 'township' || !node.parentCode) continue;
    const county = counties.find((c) => c.code === node.parentCode);
    if (!county) continue;
    const urban = node.townshipKind === 'subdistrict' || URBAN_TOWNS.has(node.code);
    const weight = urban ? 3.2 : node.townshipKind === 'township' ? 0.6 : 1;
    const rng = createRandom(seed, 'villages', node.code);
    townships.push({ node, countyCode: county.code, countyName: county.name, urban, weight, villages: buildVillages(rng, node, urban) });
  }
  const townshipsByCounty = new Map<string, Township[]>();
  for (const t of townships) {
    const list = townshipsByCounty.get(t.countyCode) ?? [];
    list.push(t);
    townshipsByCounty.set(t.countyCode, list);
  }
  const townshipTables = new Map<string, WeightedTable<Township>>();
  for (const [county, list] of townshipsByCounty) townshipTables.set(county, weighted(list.map((t) => [t, t.weight] as const)));
  return {
    counties,
    townships,
    townshipsByCounty,
    countyTable: weighted(counties.map((c) => [c.code, COUNTY_POPULATION[c.code] ?? 500] as const)),
    townshipTables,
    cityName: city?.name ?? '内江市',
  };
}

/** A household address in its village or community. */
export function householdAddress(rng: Random, geo: Geography, township: Township, village: Village): string {
  const prefix = `四川省${geo.cityName}${township.countyName}${township.node.name}`;
  if (village.urban) {
    const roads = ROADS[township.countyCode] ?? ['人民路'];
    const floor = rng.int(1, 18);
    return `${prefix}${rng.pick(roads)}${rng.int(1, 380)}号${rng.int(1, 24)}栋${rng.int(1, 4)}单元${floor}${String(rng.int(1, 6)).padStart(2, '0')}号`;
  }
  return `${prefix}${village.name}${rng.int(1, 15)}组${rng.int(1, 120)}号`;
}

/** An institution's street address. */
export function institutionAddress(rng: Random, geo: Geography, countyCode: string, township?: Township): string {
  const county = geo.counties.find((c) => c.code === countyCode);
  const roads = ROADS[countyCode] ?? ['人民路'];
  const place = township ? township.node.name : '';
  return `四川省${geo.cityName}${county?.name ?? ''}${place}${township && !township.urban ? `${rng.pick(['正街', '新街', '场镇', '老街'])}` : rng.pick(roads)}${rng.int(1, 400)}号`;
}
