/**
 * Reference resolution inside one Bundle (FHIR R4 §2.36.4 "Resolving
 * references in Bundles"): a reference names another entry by its fullUrl
 * (`urn:uuid:…`, absolute URL), by `Type/id` (relative to the entries' base),
 * by a conditional reference `Type?identifier=system|value`, or by a logical
 * `{ identifier }`. Contained resources are named `#id`.
 */
import { asArray, asObject, asString, objects } from './fhir-elements';
import type { FhirJson, FhirResource } from './fhir-types';

export interface IndexedEntry {
  /** Position in Bundle.entry. */
  index: number;
  fullUrl?: string;
  resource: FhirResource;
}

export type Resolution =
  | { ok: true; entry: IndexedEntry }
  | { ok: false; reason: string; reasonZh: string };

const TYPE_ID = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** `Type/id` (or the `Type/id` tail of an absolute URL) of a reference string. */
export function parseTypeId(reference: string): { type: string; id: string } | undefined {
  const m = TYPE_ID.exec(reference);
  return m?.[1] && m[2] ? { type: m[1], id: m[2] } : undefined;
}

function identifierMatches(resource: FhirJson, system: string | undefined, value: string): boolean {
  return objects(resource.identifier).some((i) => asString(i.value) === value && (system === undefined || asString(i.system) === system));
}

export class BundleIndex {
  readonly entries: (IndexedEntry | undefined)[];
  private readonly byFullUrl = new Map<string, IndexedEntry>();
  private readonly byTypeId = new Map<string, IndexedEntry>();

  constructor(rawEntries: unknown[]) {
    this.entries = rawEntries.map((raw, index) => {
      const e = asObject(raw);
      const resource = asObject(e?.resource);
      if (!resource || typeof resource.resourceType !== 'string') return undefined;
      const fullUrl = asString(e?.fullUrl);
      const entry: IndexedEntry = { index, fullUrl, resource: resource as FhirResource };
      if (fullUrl && !this.byFullUrl.has(fullUrl)) this.byFullUrl.set(fullUrl, entry);
      const id = asString(resource.id) ?? (fullUrl ? parseTypeId(fullUrl)?.id : undefined);
      const key = id ? `${resource.resourceType}/${id}` : undefined;
      if (key && !this.byTypeId.has(key)) this.byTypeId.set(key, entry);
      return entry;
    });
  }

  /**
   * The entry a Reference points to, checked against the expected resource
   * type(s). Unresolvable and wrongly typed references answer why, in both
   * languages, for FHIR.UNRESOLVED_REFERENCE.
   */
  resolve(reference: unknown, types: readonly string[]): Resolution {
    const ref = asObject(reference);
    const expected = types.join(' or ');
    if (!ref) return { ok: false, reason: `no ${expected} reference`, reasonZh: `缺少${expected}引用` };
    const target = asString(ref.reference);
    let entry: IndexedEntry | undefined;
    if (target) {
      entry = this.byFullUrl.get(target);
      if (!entry && target.includes('?')) entry = this.byCondition(target);
      if (!entry && !target.startsWith('urn:') && !target.startsWith('#')) {
        const ti = parseTypeId(target);
        if (ti) entry = this.byTypeId.get(`${ti.type}/${ti.id}`);
      }
    } else {
      const identifier = asObject(ref.identifier);
      const value = asString(identifier?.value);
      if (value) entry = this.findByIdentifier(types, asString(identifier?.system), value);
    }
    const shown = target ?? 'identifier';
    if (!entry) {
      return { ok: false, reason: `reference "${shown}" does not name a resource in this bundle`, reasonZh: `引用“${shown}”在本Bundle中找不到对应资源` };
    }
    if (!types.includes(entry.resource.resourceType)) {
      return {
        ok: false,
        reason: `reference "${shown}" names a ${entry.resource.resourceType}, expected ${expected}`,
        reasonZh: `引用“${shown}”指向${entry.resource.resourceType}，应为${expected}`,
      };
    }
    return { ok: true, entry };
  }

  /** The entry named by a reference string, whatever its type, or undefined (used to fold parts into records). */
  lookup(reference: unknown): IndexedEntry | undefined {
    const target = asString(asObject(reference)?.reference);
    if (!target) return undefined;
    const direct = this.byFullUrl.get(target);
    if (direct) return direct;
    if (target.startsWith('urn:') || target.startsWith('#') || target.includes('?')) return undefined;
    const ti = parseTypeId(target);
    return ti ? this.byTypeId.get(`${ti.type}/${ti.id}`) : undefined;
  }

  /** `Patient?identifier=system|value` (the only search parameter honoured). */
  private byCondition(target: string): IndexedEntry | undefined {
    const [type, query] = target.split('?', 2) as [string, string | undefined];
    const params = new URLSearchParams(query ?? '');
    const ident = params.get('identifier');
    if (!ident || [...params.keys()].length !== 1) return undefined;
    const bar = ident.indexOf('|');
    const system = bar >= 0 ? ident.slice(0, bar) || undefined : undefined;
    const value = bar >= 0 ? ident.slice(bar + 1) : ident;
    return value ? this.findByIdentifier([type], system, value) : undefined;
  }

  private findByIdentifier(types: readonly string[], system: string | undefined, value: string): IndexedEntry | undefined {
    const hits = this.entries.filter((e): e is IndexedEntry => !!e && types.includes(e.resource.resourceType) && identifierMatches(e.resource, system, value));
    // An ambiguous identifier resolves to nothing rather than to a guess.
    return hits.length === 1 ? hits[0] : undefined;
  }
}

/** A contained resource (`#id`) of `resource`. */
export function containedResource(resource: FhirJson, reference: unknown): FhirResource | undefined {
  const target = asString(asObject(reference)?.reference);
  if (!target?.startsWith('#')) return undefined;
  const id = target.slice(1);
  const found = asArray(resource.contained).map(asObject).find((c) => c && asString(c.id) === id);
  return found && typeof found.resourceType === 'string' ? (found as FhirResource) : undefined;
}
