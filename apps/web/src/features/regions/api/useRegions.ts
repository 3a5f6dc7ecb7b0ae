import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Region } from '@rhip/contracts';
import { regionsQueryOptions } from './regions-api';

export interface RegionIndex {
  counties: Region[];
  byCode: ReadonlyMap<string, Region>;
}

/** All regions, with the counties (sorted by code) and a code → region lookup. */
export function useRegions() {
  const query = useQuery(regionsQueryOptions());
  const index = useMemo<RegionIndex>(() => {
    const regions = query.data ?? [];
    return {
      counties: regions.filter((r) => r.level === 'county').sort((a, b) => a.code.localeCompare(b.code)),
      byCode: new Map(regions.map((r) => [r.code, r])),
    };
  }, [query.data]);
  return { ...query, ...index };
}
