/**
 * Reading values at field-spec paths ("patient.name", "diagnoses[].code") out of
 * plain records, with the concrete path of each value ("diagnoses[1].code") so
 * findings and cleansing changes can name exactly where they apply.
 */

export interface ValueAtPath {
  /** Concrete path with array indexes. */
  readonly path: string;
  readonly value: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface Segment {
  readonly key: string;
  readonly each: boolean;
}

/** Parsed spec paths: they are few and read for every record, so parse each once. */
const SEGMENTS = new Map<string, readonly Segment[]>();

function segmentsOf(specPath: string): readonly Segment[] {
  let segs = SEGMENTS.get(specPath);
  if (!segs) {
    segs = specPath.split('.').map((seg) => (seg.endsWith('[]') ? { key: seg.slice(0, -2), each: true } : { key: seg, each: false }));
    SEGMENTS.set(specPath, segs);
  }
  return segs;
}

/**
 * Every value a spec path reaches. An array segment with no elements yields
 * nothing (an empty diagnoses list is a record-level question); a missing
 * object yields one undefined value at the deepest reachable path.
 */
export function valuesAtPath(record: unknown, specPath: string): ValueAtPath[] {
  const segs = segmentsOf(specPath);
  if (!specPath.includes('[]')) {
    // Plain dotted path: one value, no intermediate arrays.
    let value: unknown = record;
    for (const s of segs) value = isRecord(value) ? value[s.key] : undefined;
    return [{ path: specPath, value }];
  }
  let frontier: ValueAtPath[] = [{ path: '', value: record }];
  for (const { key, each } of segs) {
    const next: ValueAtPath[] = [];
    for (const { path, value } of frontier) {
      const here = path === '' ? key : `${path}.${key}`;
      const child = isRecord(value) ? value[key] : undefined;
      if (!each) next.push({ path: here, value: child });
      else if (Array.isArray(child)) child.forEach((el, i) => next.push({ path: `${here}[${i}]`, value: el }));
    }
    frontier = next;
  }
  return frontier;
}

/** Empty means absent for completeness: undefined, null, '' or only whitespace. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Returns a copy of `record` with `value` set at a concrete path ("diagnoses[1].code"). */
export function setAtPath<T>(record: T, concretePath: string, value: unknown): T {
  const parts = concretePath.split('.').flatMap((p) => {
    const m = /^(.+?)\[(\d+)\]$/.exec(p);
    return m ? [m[1] ?? '', Number(m[2])] : [p];
  });
  const write = (node: unknown, i: number): unknown => {
    const key = parts[i];
    if (key === undefined) return value;
    if (typeof key === 'number') {
      const arr = Array.isArray(node) ? [...(node as unknown[])] : [];
      arr[key] = write(arr[key], i + 1);
      return arr;
    }
    const obj = isRecord(node) ? { ...node } : {};
    obj[key] = write(obj[key], i + 1);
    return obj;
  };
  return write(record, 0) as T;
}
