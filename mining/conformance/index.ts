// Conformance: the reference model (data), the pure per-case checker, the batch refresh and the
// readers. Definitions: mining/README.md, section Conformance.
export {
  loadReferenceModel, parseReferenceModel, saveReferenceModel, modelFromVariant, defaultModelPath, referenceModelSchema,
  ReferenceModelError, type ReferenceModel, type ModelStep, type ModelRule, type RuleKind,
} from './model';
export { checkCase, checkTrace, compileModel, type CaseCheck, type Deviation, type DeviationKind, type Violation, type CompiledModel } from './check';
export { refreshConformance, modelFor, type ConformanceRefreshResult, type RefreshConformanceOptions } from './refresh';
export {
  conformanceSummary, caseConformance, ensureConformance,
  type ConformanceSummary, type ConformanceSummaryOptions, type CaseConformance, type DeviationSummary, type RuleSummary,
} from './read';
