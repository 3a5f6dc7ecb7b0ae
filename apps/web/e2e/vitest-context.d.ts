// Values the e2e global setup (scripts/test-setup/e2e-global.ts) provides to the browser tests.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the API that also serves the built console, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    adminUsername: string;
    adminPassword: string;
  }
}

export {};
