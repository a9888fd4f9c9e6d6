// The audit trail's facade: `audit.append(store | tx, entry)`, `audit.verify(store)`, `audit.list`.
export { append, appendMany, appendSoon, verify, list, type AuditInput, type AuditEntry, type AuditRow, type AuditListInput, type VerifyResult } from './trail';
export { canonicalJson, entryHash, GENESIS_HASH } from './chain';
export { auditCsv } from './csv';
