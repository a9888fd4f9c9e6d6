// The workflows facade: what the server (and later the rule runner) imports.
export { workflowEngine, startWorkflowWorker } from './service';
export { WorkflowEngine } from './engine';
export { WorkflowWorker, type WorkerOptions, type WorkerStats } from './worker';
export { loadPlaybooks, playbookById, playbooksDir, PlaybookError, APPROVER_ROLES, type Playbook } from './playbook';
export { resolveTargets, targetOf, MAX_PICKS, type RowPick } from './resolve';
export { connectorConfigFromEnv, type ConnectorConfig, type SystemConfig } from './connectors';
export { ApprovalRefusedError, RunNotFoundError, WorkflowInputError } from './errors';
export { auditWorkflow, type WorkflowAuditEvent, type WorkflowAction } from './audit';
export { RUN_STATES, transition, type RunState } from './states';
export { outOfScope } from './scope';
export { RUN_OUTCOME_FILTERS } from './types';
export type { WorkflowRun, WorkflowAttempt, RunOutcome, RunOutcomeFilter, RunListFilter } from './types';
export type { RunTarget } from './target';
export { loadRules, parseRule, ruleMatches, rulesDir, RuleError, type Rule } from './rules';
export { rulesOverview, ruleConditions, type RulesOverview, type RuleStatus, type RuleActivity } from './rules-status';
export { runRules, afterIngest, ruleActor, type RuleResult, type AfterIngest } from './rule-runner';
export { checkOutcomes, type OutcomeCheck } from './outcomes';
export { savings, DAYS_REMOVED_DEFINITION, type Savings } from './savings';
