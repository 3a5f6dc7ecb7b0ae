/**
 * @rhip/domain — the platform's standards and pure rules as data: identifiers
 * and checksums, value sets, the demo city's regions, notifiable diseases, data
 * sets, data-quality rules and scores, indicators, cleansing and person
 * matching. Pure TypeScript without I/O, usable in Node and the browser.
 */
export * from './common';
export * from './identifiers';
export * from './value-sets';
export * from './regions';
export * from './diseases';
export * from './datasets';
export * from './quality';
export * from './indicators';
export * from './cleansing';
export * from './matching';
export * from './ingest';
export * from './monitoring/delay-histogram';
