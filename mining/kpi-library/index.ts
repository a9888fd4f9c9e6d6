export { kpiValues, type KpiValues, type KpiValuesOptions, type KpiSeries, type KpiPoint } from './values';
export { KPIS, KPI_BY_ID, kpiDefinition, type KpiDefinition } from './registry';
export { groupableColumns, groupColumn, DIMENSION_ALIASES } from './compose';
export { loadTargets, withTargets, STAGE_IDS, type StageId, type Targets } from './targets';
