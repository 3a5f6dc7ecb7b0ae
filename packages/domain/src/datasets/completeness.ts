/** Which required / recommended elements a record lacks (完整性). */
import type { DatasetSpec, Requirement } from './dataset';
import { isBlank, valuesAtPath } from './paths';

export interface MissingElement {
  readonly path: string;
  readonly requirement: Exclude<Requirement, 'optional'>;
  readonly labelZh: string;
}

export function missingElements(spec: DatasetSpec, record: unknown): MissingElement[] {
  const out: MissingElement[] = [];
  for (const f of spec.fields) {
    if (f.requirement === 'optional') continue;
    // An element of an optional object is required only when the object is there.
    if (f.within !== undefined && isBlank(valuesAtPath(record, f.within)[0]?.value)) continue;
    for (const { path, value } of valuesAtPath(record, f.path)) {
      if (isBlank(value)) out.push({ path, requirement: f.requirement, labelZh: f.labelZh });
    }
  }
  return out;
}
