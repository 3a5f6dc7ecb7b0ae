/**
 * @rhip/simulator — synthetic hospital traffic for the ingest API. The
 * generators are pure (seeded Rng in, records out) and shared with the
 * benchmarks; the driver and CLI do the HTTP.
 */
export * from './random';
export * from './people';
export * from './catalogue';
export * from './records';
export * from './defects';
export * from './fhir';
export * from './workload';
export * from './api-client';
export * from './institutions';
export * from './stats';
export { runSimulation, trafficWeight, type Agent, type DriverOptions } from './driver';
