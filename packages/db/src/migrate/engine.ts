import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

/**
 * Prisma's schema engine compiled to WebAssembly, driven through the pg driver
 * adapter. Prisma's CLI would download a native engine from a host this machine
 * cannot reach; see ../shared/ENVIRONMENT.md.
 *
 * The package entry (`@prisma/schema-engine-wasm`) imports its `.wasm` as an ES
 * module, which Node refuses, so the module is instantiated here by hand against
 * the JS glue (`schema_engine_bg`). The glue keeps the instance in a module-level
 * variable: one instance per process, loaded once.
 */
const WASM_FILE = 'schema_engine_bg.wasm';

/** The slice of the WebAssembly JS API used here (lib "dom" is not in the TS lib set). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/**
 * Finds schema_engine_bg.wasm: in the installed package, else next to the
 * running module (a bundle must ship the file beside itself: build scripts
 * copy it from here).
 */
export function schemaEngineWasmPath(): string {
  const candidates: string[] = [];
  try {
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    candidates.push(path.join(path.dirname(gluePath), WASM_FILE));
  } catch {
    // not resolvable from here (bundled): try beside the bundle
  }
  candidates.push(fileURLToPath(new URL(`./${WASM_FILE}`, import.meta.url)));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`${WASM_FILE} not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Where the engine reports a Rust panic before it throws; without it a panic
 * surfaces as "cannot read properties of undefined (reading 'set_message')".
 */
const panicRegistry = { message: '', set_message(m: string) { this.message = m; } };
(globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/**
 * One engine at a time per process: the WASM module is a single instance with
 * global state, and two engines driven concurrently (e.g. the test runner's
 * global setups creating two databases at once) corrupt each other.
 */
// Kept on globalThis, not in module scope: a test runner may load this module
// more than once (one copy per global setup) while the WASM glue module it
// drives is loaded once by Node, so the state must be process-wide.
interface EngineProcessState {
  queue: Promise<void>;
  wasmReady: boolean;
}
const state: EngineProcessState = ((globalThis as unknown as { __rhipSchemaEngine?: EngineProcessState }).__rhipSchemaEngine ??= {
  queue: Promise.resolve(),
  wasmReady: false,
});
function acquireEngine(): Promise<() => void> {
  let release!: () => void;
  const next = new Promise<void>((r) => (release = r));
  const ready = state.queue.then(() => release);
  state.queue = state.queue.then(() => next);
  return ready;
}

function loadWasm(): void {
  if (state.wasmReady) return;
  const bytes = readFileSync(schemaEngineWasmPath());
  // The engine arms 10 s timers (timeouts raced against queries) that outlive
  // the call and would hold a finished process open: unref them. Pending work
  // keeps the process alive through its promises and sockets anyway.
  const glue: Record<string, unknown> = { ...bg };
  for (const [name, fn] of Object.entries(bg)) {
    if (name.startsWith('__wbg_setTimeout_') && typeof fn === 'function') {
      glue[name] = (...args: unknown[]) => {
        const timer = (fn as (...a: unknown[]) => unknown)(...args);
        (timer as { unref?: () => void } | undefined)?.unref?.();
        return timer;
      };
    }
  }
  const instance = new wasmApi.Instance(new wasmApi.Module(bytes), { './schema_engine_bg.js': glue });
  const exports = instance.exports as { __wbindgen_start: () => void };
  bg.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  state.wasmReady = true;
}

export type { SchemaEngine };

export interface EngineHandle {
  engine: SchemaEngine;
  /** Frees the engine. The adapter's pool closes with it. */
  close(): Promise<void>;
}

export interface OpenEngineOptions {
  /** Schema files the engine starts with, as [path, content] pairs. */
  datamodels?: [string, string][];
  /** Receives the engine's log lines (JSON strings). */
  onLog?: (line: string) => void;
}

/**
 * Opens a schema engine bound to `databaseUrl`. The engine connects lazily:
 * offline operations (diff between schema texts) never touch the database.
 */
export async function openSchemaEngine(databaseUrl: string, opts: OpenEngineOptions = {}): Promise<EngineHandle> {
  const release = await acquireEngine();
  try {
    loadWasm();
  } catch (err) {
    release();
    throw err;
  }
  // Our own pool, so close() can end it: freeing the engine does not, and idle
  // clients would keep the process alive.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const log = opts.onLog ?? (() => undefined);
  let engine: SchemaEngine;
  try {
    engine = (await bg.SchemaEngine.new({ datamodels: opts.datamodels }, log, adapter)) as SchemaEngine;
  } catch (err) {
    await pool.end();
    release();
    if (panicRegistry.message) throw new Error(`schema engine panic: ${panicRegistry.message}`, { cause: err });
    throw err;
  }
  let closed = false;
  return {
    engine,
    async close() {
      if (closed) return;
      closed = true;
      try {
        engine.free();
        await pool.end();
      } finally {
        release();
      }
    },
  };
}
