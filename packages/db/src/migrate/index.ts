export {
  applyMigrations,
  createMigration,
  defaultPaths,
  diffSchemas,
  HAND_WRITTEN_MARKER,
  isEmptyScript,
  loadMigrationList,
  migrationDirName,
  SNAPSHOT_FILE,
  type MigrateOptions,
  type NewMigrationOptions,
  type NewMigrationResult,
} from './migrations';
export { dropDatabase, ensureDatabase, maintenanceUrl, quoteIdent } from './database';
export { openSchemaEngine, schemaEngineWasmPath, type EngineHandle, type OpenEngineOptions } from './engine';
