/**
 * When a record reaches the platform and in which ingest batch. Each
 * institution's interface pushes on its own rhythm: real-time (5-minute
 * batches), hourly, or nightly (~02:00 for the previous day). Some records
 * are sent days late; quiet institutions stop; records from before the
 * platform's history window arrive in one migration load. Records whose
 * arrival would be after `now` (or after the institution went quiet) never
 * arrived and are not generated.
 *
 * Batches are counted in typed arrays keyed by a small integer (institution,
 * data set, slot), so the large size's two million batches cost tens of
 * megabytes, not a gigabyte.
 */
import { DATASET_NAMES } from '@rhip/domain';
import type { SeedInstitution } from './institutions';
import { receiveCutoff } from './institutions';
import { createRandom, type Random } from './random';
import { DAY, HOUR, MINUTE, startOfDay } from './time';

export interface Arrival {
  /** Serial of the batch in the book. */
  batch: number;
  batchId: string;
  receivedAt: number;
  /** Position of the record in its batch's records array. */
  index: number;
  /** Sent after the agreed delay on purpose (a timeliness finding follows). */
  late: boolean;
  migration: boolean;
}

export interface BatchAggregate {
  id: string;
  institution: SeedInstitution;
  dataset: string;
  receivedAt: number;
  received: number;
  accepted: number;
  rejected: number;
  linked: number;
  inReview: number;
}

const SLOT: Record<SeedInstitution['delivery'], number> = { realtime: 5 * MINUTE, hourly: HOUR, nightly: DAY };
const MAX_BATCH = 5_000;
const DATASET_INDEX = new Map<string, number>(DATASET_NAMES.map((d, i) => [d, i]));

type Counter = 'received' | 'accepted' | 'rejected' | 'linked' | 'inReview';

export class BatchBook {
  private readonly serialByKey = new Map<number, number>();
  private size = 0;
  private capacity = 1024;
  private keys = new Int32Array(this.capacity);
  private receivedAtArr = new Float64Array(this.capacity);
  private counters: Record<Counter, Int32Array> = {
    received: new Int32Array(this.capacity), accepted: new Int32Array(this.capacity), rejected: new Int32Array(this.capacity),
    linked: new Int32Array(this.capacity), inReview: new Int32Array(this.capacity),
  };
  private readonly migrationCounts = new Map<number, number>();
  private readonly base: number;
  private readonly idPrefix: string;

  constructor(
    private readonly seed: number | string,
    readonly now: number,
    /** Start of the clinical history window; earlier events arrive with the migration load. */
    readonly windowStart: number,
    private readonly institutions: readonly SeedInstitution[],
  ) {
    this.base = startOfDay(windowStart) - 20 * DAY;
    const r = createRandom(seed, 'batch-ids');
    this.idPrefix = r.nextUint32().toString(16).padStart(8, '0') + (r.nextUint32() & 0xffff).toString(16).padStart(4, '0');
  }

  get count(): number {
    return this.size;
  }

  /** The platform's initial load of historical records, the night before the window. */
  migrationTime(inst: SeedInstitution): number {
    return startOfDay(this.windowStart) - DAY + 20 * HOUR + (inst.index % 180) * MINUTE;
  }

  /** Deterministic, unique per batch key within a seed (UUID-shaped, version 4 / variant 8). */
  private uuid(key: number): string {
    const k = key.toString(16).padStart(18, '0');
    return `${this.idPrefix.slice(0, 8)}-${this.idPrefix.slice(8, 12)}-4${k.slice(0, 3)}-8${k.slice(3, 6)}-${k.slice(6, 18)}`;
  }

  private key(inst: SeedInstitution, dataset: string, slot: number, migration: boolean): number {
    const ds = DATASET_INDEX.get(dataset) ?? 15;
    return ((slot * 2 + (migration ? 1 : 0)) * 256 + inst.index) * 16 + ds;
  }

  private open(key: number, receivedAt: number): number {
    let serial = this.serialByKey.get(key);
    if (serial !== undefined) return serial;
    if (this.size === this.capacity) this.grow();
    serial = this.size++;
    this.keys[serial] = key;
    this.receivedAtArr[serial] = receivedAt;
    this.serialByKey.set(key, serial);
    return serial;
  }

  private grow(): void {
    this.capacity *= 2;
    const g = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.keys = g(this.keys);
    this.receivedAtArr = g(this.receivedAtArr);
    for (const c of Object.keys(this.counters) as Counter[]) this.counters[c] = g(this.counters[c]);
  }

  bump(serial: number, counter: Exclude<Counter, 'received'>): void {
    this.counters[counter][serial] = (this.counters[counter][serial] ?? 0) + 1;
  }

  /**
   * Arrival of a record whose clinical event happened at `eventAt`, or null
   * when it never reached the platform.
   */
  arrive(inst: SeedInstitution, dataset: string, eventAt: number, rng: Random, lateRate = inst.lateRate): Arrival | null {
    const cutoff = receiveCutoff(inst, this.now);
    if (cutoff === Number.NEGATIVE_INFINITY) return null;
    let receivedAt: number;
    let key: number;
    let late = false;
    let migration = false;
    if (eventAt < this.windowStart) {
      migration = true;
      receivedAt = this.migrationTime(inst);
      const mk = this.key(inst, dataset, 0, true);
      const n = this.migrationCounts.get(mk) ?? 0;
      this.migrationCounts.set(mk, n + 1);
      key = this.key(inst, dataset, Math.floor(n / MAX_BATCH), true);
    } else {
      let sendAt = eventAt;
      if (rng.chance(lateRate)) {
        late = true;
        sendAt += rng.float(1.1, 9) * DAY;
      } else if (inst.delivery === 'realtime') {
        sendAt += rng.int(1, 20) * MINUTE;
      }
      const slotLength = SLOT[inst.delivery];
      const slotStart = inst.delivery === 'nightly' ? startOfDay(sendAt) : Math.floor(sendAt / slotLength) * slotLength;
      key = this.key(inst, dataset, Math.round((slotStart - this.base) / (5 * MINUTE)), false);
      const known = this.serialByKey.get(key);
      receivedAt = known !== undefined ? (this.receivedAtArr[known] as number) : slotStart + slotLength + this.jitter(inst, dataset, slotStart);
    }
    if (receivedAt > this.now) return null;
    if (cutoff !== null && receivedAt > cutoff) return null;
    const serial = this.open(key, receivedAt);
    const index = this.counters.received[serial] ?? 0;
    this.counters.received[serial] = index + 1;
    return { batch: serial, batchId: this.uuid(key), receivedAt, index, late, migration };
  }

  private jitter(inst: SeedInstitution, dataset: string, slotStart: number): number {
    const r = createRandom(this.seed, 'jitter', inst.index, dataset, slotStart);
    if (inst.delivery === 'realtime') return r.int(5, 90) * 1000;
    if (inst.delivery === 'hourly') return r.int(60, 480) * 1000;
    return r.int(60, 210) * MINUTE; // nightly job around 01:00–03:30
  }

  /** Every batch with its counts, in the order they were opened. */
  *entries(): Generator<BatchAggregate> {
    for (let s = 0; s < this.size; s++) {
      const key = this.keys[s] as number;
      const inst = this.institutions[Math.floor(key / 16) % 256] as SeedInstitution;
      yield {
        id: this.uuid(key),
        institution: inst,
        dataset: DATASET_NAMES[key % 16] ?? 'persons',
        receivedAt: this.receivedAtArr[s] as number,
        received: this.counters.received[s] as number,
        accepted: this.counters.accepted[s] as number,
        rejected: this.counters.rejected[s] as number,
        linked: this.counters.linked[s] as number,
        inReview: this.counters.inReview[s] as number,
      };
    }
  }
}
