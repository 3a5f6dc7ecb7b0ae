// Values the integration globalSetup (scripts/test-setup/integration-global.ts)
// provides to every integration suite: `inject('databaseUrl')`,
// `inject('queuePrefix')`. Declared here, inside the type-checked tree, so
// suites under apps/ and packages/ see the types.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of this run's migrated test database. */
    databaseUrl: string;
    /** Hash-tagged BullMQ prefix unique to this run, e.g. `{rhip-test-1a2b3c4d}`. */
    queuePrefix: string;
  }
}
