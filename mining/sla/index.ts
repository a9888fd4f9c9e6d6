// SLA policy as code, measured on business calendars (mining/README.md "SLA").
export { refreshSla } from './evaluate';
export { ensureSla, slaBreaches, slaSummary, slaDefinitions, openBreachesAt, type SlaReadOptions } from './read';
export { loadSlaPolicy, parseSlaPolicy, policiesDir, PolicyError, SCOPE_FIELDS, type SlaPolicy, type SlaRule } from './policy';
export type * from './types';
