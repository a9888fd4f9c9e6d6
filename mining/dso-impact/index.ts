export { dsoImpact, STAGES, type DsoImpact, type DsoImpactOptions, type StageImpact, type Contribution } from './impact';
