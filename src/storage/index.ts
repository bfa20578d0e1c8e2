/** Public surface of the storage layer. */
export { configFromEnv, type StorageConfig } from './config.js';
export { openDatabase, type DatabaseHandle } from './openDatabase.js';
export { withDatabase } from './withDatabase.js';
export { migrateToLatest, migrationStatus } from './migrate.js';
export { runInTransaction, type TransactionOptions } from './runInTransaction.js';
export {
  specificsOf,
  readBool,
  classifyDbError,
  type DialectName,
  type Executor,
} from './dialectSpecifics.js';
export { toInstant, addMilliseconds } from './instant.js';
export { canonicalJson } from './canonicalJson.js';
export { maskIdNumber, maskPhone } from './masking.js';
export { assertNoPersonalData, findPersonalData } from './personalData.js';
export * from './schema.js';
export * from './auditLog.js';
export * from './auditEvents.js';
export * from './caseRepository.js';
export * from './unitRepository.js';
export * from './holderRepository.js';
export * from './permitRepository.js';
export * from './userRepository.js';
export * from './apiTokenRepository.js';
export * from './sessionRepository.js';
export * from './loginGuardRepository.js';
export * from './materialRepository.js';
export * from './reviewTaskRepository.js';
export * from './noticeRepository.js';
export * from './determinationRepository.js';
export * from './reconsiderationRepository.js';
export * from './supervisionRepository.js';
export * from './reminderRepository.js';
export * from './idempotencyRepository.js';
export * from './registryRepository.js';
export * from './outbox.js';
export * from './unitMessageRepository.js';
export {
  importRegistryFile,
  isImportKind,
  type ImportReport,
  type LineIssue,
} from './imports/importRegistryFile.js';
export { IMPORT_KINDS, type ImportKind } from './imports/importKinds.js';
