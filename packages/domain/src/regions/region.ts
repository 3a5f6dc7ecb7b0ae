/** A node of the demo city's administrative hierarchy (GB/T 2260 + statistical township codes). */
export type RegionLevel = 'city' | 'county' | 'township';

/** 乡镇级 kind: 街道 (urban sub-district), 镇 (town), 乡 (township). */
export type TownshipKind = 'subdistrict' | 'town' | 'township';

export interface RegionNode {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
  readonly townshipKind?: TownshipKind;
}
