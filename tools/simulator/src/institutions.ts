/**
 * The simulated institutions: picked from the platform's register (seeded
 * ones first), the missing ones registered, each given an API key. Keys are
 * cached in a git-ignored JSON file so re-runs reuse them instead of
 * piling up credentials.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generateUscc } from '@rhip/domain';
import type { ApiClient, InstitutionSummary } from './api-client';
import { COUNTIES } from './people';
import type { SourceInstitution } from './records';

export interface SimInstitution extends SourceInstitution {
  readonly id: string;
  readonly key: string;
}

interface KeyCache {
  version: 1;
  /** base URL → institution id → key */
  servers: Record<string, Record<string, { code: string; key: string; credentialId: string }>>;
}

export function readKeyCache(file: string): KeyCache {
  if (!existsSync(file)) return { version: 1, servers: {} };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyCache;
    return parsed.version === 1 && parsed.servers ? parsed : { version: 1, servers: {} };
  } catch {
    return { version: 1, servers: {} };
  }
}

function writeKeyCache(file: string, cache: KeyCache): void {
  writeFileSync(file, `${JSON.stringify(cache, null, 2)}\n`);
  chmodSync(file, 0o600);
}

/** Institution types that send clinical data, most active first. */
const TYPE_ORDER = ['general_hospital', 'tcm_hospital', 'maternal_child', 'specialized_hospital', 'township_health_center', 'community_health_center', 'clinic', 'other', 'cdc', 'blood_center'];
const NEW_TYPES = [
  { type: 'general_hospital', level: '2A', label: '人民医院' },
  { type: 'township_health_center', level: '1', label: '卫生院' },
  { type: 'community_health_center', level: '1', label: '社区卫生服务中心' },
  { type: 'tcm_hospital', level: '2A', label: '中医医院' },
  { type: 'township_health_center', level: '1', label: '卫生院' },
  { type: 'maternal_child', level: '2A', label: '妇幼保健院' },
] as const;

/** Serial numbers of simulator-registered institutions (USCC body), far from the seed's. */
const SIM_SEQUENCE_BASE = 91_000_000;

/** The institution the simulator registers as its k-th (deterministic). */
export function simulatedInstitution(k: number): { code: string; name: string; regionCode: string; level: string; type: string; ownership: string } {
  const county = COUNTIES[k % COUNTIES.length] as (typeof COUNTIES)[number];
  const t = NEW_TYPES[k % NEW_TYPES.length] as (typeof NEW_TYPES)[number];
  return {
    code: generateUscc({ regionCode: county.code, sequence: SIM_SEQUENCE_BASE + k * 7 }),
    name: `${county.name}模拟${t.label}${String(k + 1).padStart(3, '0')}`,
    regionCode: county.code,
    level: t.level,
    type: t.type,
    ownership: 'public',
  };
}

function rank(i: InstitutionSummary): number {
  const r = TYPE_ORDER.indexOf(i.type);
  return r < 0 ? TYPE_ORDER.length : r;
}

export interface PrepareOptions {
  readonly api: ApiClient;
  readonly token: string;
  readonly count: number;
  readonly keysFile: string;
  /** Only simulator-registered institutions (never the seeded ones). */
  readonly ownOnly?: boolean;
  readonly log?: (line: string) => void;
}

/**
 * `count` active institutions in the 5 counties, each with a working key.
 * Picks existing ones (hospitals first, then by code: stable across runs),
 * registers what is missing, issues keys for those without a cached one.
 */
export async function prepareInstitutions(opts: PrepareOptions): Promise<SimInstitution[]> {
  const { api, token, count, log = () => undefined } = opts;
  const counties = new Set<string>(COUNTIES.map((c) => c.code));
  const eligible = (list: InstitutionSummary[]) =>
    list
      .filter((i) => i.active !== false && counties.has(i.regionCode) && i.type !== 'blood_center' && i.type !== 'cdc')
      .filter((i) => !opts.ownOnly || i.name.includes('模拟'))
      .sort((a, b) => rank(a) - rank(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  let list = eligible(await api.listInstitutions(token));
  if (list.length < count) {
    const have = new Set(list.map((i) => i.code));
    let k = 0;
    let created = 0;
    while (list.length + created < count) {
      const input = simulatedInstitution(k++);
      if (have.has(input.code)) continue;
      try {
        await api.createInstitution(token, input);
        created++;
      } catch (err) {
        // 409: it exists (perhaps inactive or filtered out above); try the next code.
        if ((err as { status?: number }).status !== 409) throw err;
      }
    }
    log(`registered ${created} institutions`);
    list = eligible(await api.listInstitutions(token));
  }
  const picked = list.slice(0, count);

  const cache = readKeyCache(opts.keysFile);
  const server = (cache.servers[api.baseUrl] ??= {});
  let issued = 0;
  const out: SimInstitution[] = [];
  for (const [index, inst] of picked.entries()) {
    let entry = server[inst.id];
    if (entry) {
      // A cached key may have been revoked or belong to a database since reset.
      const probe = await api.batchStatus(entry.key, '00000000-0000-4000-8000-000000000000');
      if (probe.status === 401 || probe.status === 403) entry = undefined;
    }
    if (!entry) {
      const cred = await api.issueCredential(token, inst.id, 'simulator');
      entry = { code: inst.code, key: cred.key, credentialId: cred.id };
      server[inst.id] = entry;
      issued++;
    }
    out.push({ id: inst.id, index, code: inst.code, name: inst.name, regionCode: inst.regionCode, type: inst.type, key: entry.key });
  }
  if (issued > 0) {
    writeKeyCache(opts.keysFile, cache);
    log(`issued ${issued} new keys (cached in ${opts.keysFile})`);
  }
  return out;
}
