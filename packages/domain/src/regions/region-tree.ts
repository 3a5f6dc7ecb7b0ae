/** Lookups over the region table: parents, children and the county a code belongs to. */
import { NEIJIANG_REGIONS } from './neijiang';
import type { RegionNode } from './region';

const BY_CODE = new Map(NEIJIANG_REGIONS.map((r) => [r.code, r]));

export function findRegion(code: string): RegionNode | undefined {
  return BY_CODE.get(code);
}

export function childrenOf(code: string): readonly RegionNode[] {
  return NEIJIANG_REGIONS.filter((r) => r.parentCode === code);
}

/** The 6-digit county of any 6/9/12-digit code in the city, when the county is known. */
export function countyOf(code: string): RegionNode | undefined {
  const county = BY_CODE.get(code.slice(0, 6));
  return county?.level === 'county' ? county : undefined;
}

/** True for the city code itself or any code whose first four digits are the city's. */
export function isInCity(code: string, cityCode = '511000'): boolean {
  return /^\d{6}(\d{3}(\d{3})?)?$/.test(code) && code.slice(0, 4) === cityCode.slice(0, 4);
}

/** Path from the city down to the region: [city, county, township]. */
export function regionPath(code: string): readonly RegionNode[] {
  const path: RegionNode[] = [];
  let node = BY_CODE.get(code);
  while (node) {
    path.unshift(node);
    node = node.parentCode ? BY_CODE.get(node.parentCode) : undefined;
  }
  return path;
}
