/**
 * Streams rows into PostgreSQL with COPY FROM STDIN (text format), a chunk at
 * a time: rows are encoded as they are added, and `flush()` copies every
 * table's buffer in foreign-key order. Two modes:
 *
 * - atomic: one connection, one transaction for the whole seed (all or
 *   nothing; the small and demo sizes);
 * - streaming: a small pool, each COPY commits on its own and the tables of
 *   one level are copied in parallel (the large size). A flush runs while the
 *   generator builds the next chunk, so at most two chunks are in memory.
 */
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Row, RowSink, RowValue } from './sink';
import { TABLES, type TableSpec } from './tables';

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** One value in COPY text format. */
export function encodeValue(v: RowValue): string {
  if (v === null || v === undefined) return '\\N';
  switch (typeof v) {
    case 'string':
      return escapeText(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : '\\N';
    case 'boolean':
      return v ? 't' : 'f';
    case 'bigint':
      return v.toString();
    default:
      return escapeText(JSON.stringify(v));
  }
}

export function encodeRow(spec: TableSpec, row: Row): string {
  const cols = spec.columns;
  const fields = new Array<string>(cols.length);
  for (let i = 0; i < cols.length; i++) fields[i] = encodeValue(row[cols[i] as string]);
  // join() gives a flat string; `+=` would build a rope of dozens of nodes per row.
  return fields.join('\t') + '\n';
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

interface TableBuffer {
  spec: TableSpec;
  /** Encoded rows as UTF-8 pieces of about PIECE characters (compact, and what the socket takes). */
  parts: Buffer[];
  /** Rows not yet joined into a piece. */
  current: string[];
  currentLength: number;
  bytes: number;
  rows: number;
}

const PIECE = 256 * 1024;
const EMPTY = Buffer.alloc(0);

export interface CopyWriterOptions {
  databaseUrl: string;
  /** One transaction for everything (single connection). */
  atomic: boolean;
  /** Connections for streaming mode (default 4). */
  connections?: number;
  tables?: readonly TableSpec[];
  /** SQL run on every connection first, e.g. `SET synchronous_commit = off`. */
  sessionSql?: readonly string[];
  /**
   * Skip foreign-key triggers while loading (session_replication_role =
   * replica, as pg_restore --disable-triggers does). The writer already
   * loads parents before children; this only saves the per-row checks and
   * parent-row locks. Needs a superuser: otherwise ignored.
   */
  disableTriggers?: boolean;
  /** Called after each COPY (diagnostics). */
  onCopy?: (copy: { table: string; rows: number; bytes: number; ms: number }) => void;
}

export class CopyWriter implements RowSink {
  private readonly specs: Map<string, TableSpec>;
  private buffers = new Map<string, TableBuffer>();
  private readonly clients: pg.Client[] = [];
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  /** Rows written per table (target name). */
  readonly counts = new Map<string, number>();
  /** Bytes buffered but not yet handed to PostgreSQL. */
  bufferedBytes = 0;
  /** True when foreign-key triggers are off for this load. */
  triggersDisabled = false;

  private constructor(private readonly opts: CopyWriterOptions) {
    this.specs = new Map((opts.tables ?? TABLES).map((t) => [t.name, t]));
  }

  static async open(opts: CopyWriterOptions): Promise<CopyWriter> {
    const w = new CopyWriter(opts);
    const n = opts.atomic ? 1 : Math.max(1, opts.connections ?? 4);
    for (let i = 0; i < n; i++) {
      const client = new pg.Client({ connectionString: opts.databaseUrl, application_name: 'rhip-seed' });
      await client.connect();
      for (const sql of opts.sessionSql ?? []) await client.query(sql);
      if (opts.disableTriggers) {
        const su = await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
        if (su.rows[0]?.rolsuper) {
          await client.query('SET session_replication_role = replica');
          w.triggersDisabled = true;
        }
      }
      w.clients.push(client);
    }
    if (opts.atomic) await w.clients[0]?.query('BEGIN');
    return w;
  }

  /** The connection for ad-hoc SQL (inside the transaction in atomic mode). */
  get client(): pg.Client {
    const c = this.clients[0];
    if (!c) throw new Error('writer is closed');
    return c;
  }

  add(table: string, row: Row): void {
    const spec = this.specs.get(table);
    if (!spec) throw new Error(`seed writer: unknown table ${table}`);
    let buf = this.buffers.get(table);
    if (!buf) {
      buf = { spec, parts: [], current: [], currentLength: 0, bytes: 0, rows: 0 };
      this.buffers.set(table, buf);
    }
    const line = encodeRow(spec, row);
    buf.current.push(line);
    buf.currentLength += line.length;
    if (buf.currentLength >= PIECE) this.seal(buf);
    buf.bytes += line.length;
    buf.rows++;
    this.bufferedBytes += line.length;
  }

  private seal(buf: TableBuffer): void {
    if (!buf.current.length) return;
    buf.parts.push(Buffer.from(buf.current.join(''), 'utf8'));
    buf.current = [];
    buf.currentLength = 0;
  }

  /**
   * Hands the buffered rows to PostgreSQL. Resolves when the previous flush
   * is done and this one has started, so the caller can keep generating
   * while it runs; `drain()` waits for it to finish.
   */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    await this.pending;
    if (this.failure) throw this.failure;
    const taken = this.buffers;
    this.buffers = new Map();
    this.bufferedBytes = 0;
    this.pending = this.copyAll(taken).catch((err: unknown) => {
      this.failure = err;
    });
  }

  /** Waits for every flush to finish. */
  async drain(): Promise<void> {
    await this.flush();
    await this.pending;
    if (this.failure) throw this.failure;
  }

  private async copyAll(buffers: Map<string, TableBuffer>): Promise<void> {
    const levels = [...new Set([...buffers.values()].map((b) => b.spec.level))].sort((a, b) => a - b);
    for (const level of levels) {
      const work = [...buffers.values()].filter((b) => b.spec.level === level && b.rows > 0);
      if (this.opts.atomic || this.clients.length === 1) {
        for (const b of work) await this.copyOne(this.client, b);
      } else {
        // Spread the level's tables over the connections, biggest first.
        work.sort((a, b) => b.bytes - a.bytes);
        const queues: TableBuffer[][] = this.clients.map(() => []);
        const load = this.clients.map(() => 0);
        for (const b of work) {
          const i = load.indexOf(Math.min(...load));
          queues[i]?.push(b);
          load[i] = (load[i] ?? 0) + b.bytes;
        }
        await Promise.all(queues.map(async (q, i) => {
          for (const b of q) await this.copyOne(this.clients[i] as pg.Client, b);
        }));
      }
    }
  }

  private async copyOne(client: pg.Client, b: TableBuffer): Promise<void> {
    const target = b.spec.target ?? b.spec.name;
    const sql = `COPY ${quoteIdent(target)} (${b.spec.columns.map(quoteIdent).join(', ')}) FROM STDIN`;
    this.seal(b);
    const t0 = Date.now();
    const stream = client.query(copyFrom(sql));
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      stream.on('error', (err) => {
        failed = true;
        reject(err);
      });
      stream.on('finish', () => resolve());
      // Respect back-pressure and let each piece go once written, so memory
      // holds one chunk's text at most and the generator keeps running.
      let i = 0;
      const pump = () => {
        while (!failed && i < b.parts.length) {
          const piece = b.parts[i] as Buffer;
          b.parts[i++] = EMPTY;
          if (!stream.write(piece)) {
            stream.once('drain', pump);
            return;
          }
        }
        if (!failed) stream.end();
      };
      pump();
    });
    this.counts.set(target, (this.counts.get(target) ?? 0) + b.rows);
    this.opts.onCopy?.({ table: target, rows: b.rows, bytes: b.bytes, ms: Date.now() - t0 });
    b.parts = [];
  }

  /** Runs SQL on the writer's connection, after pending flushes. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    await this.drain();
    return this.client.query<R>(sql, params);
  }

  /** Commits (atomic mode) and closes the connections. */
  async close(commit: boolean): Promise<void> {
    try {
      if (commit) await this.drain();
      else await this.pending.catch(() => undefined);
      if (this.opts.atomic) await this.client.query(commit && !this.failure ? 'COMMIT' : 'ROLLBACK');
    } finally {
      await Promise.all(this.clients.map((c) => c.end().catch(() => undefined)));
      this.clients.length = 0;
    }
  }
}
