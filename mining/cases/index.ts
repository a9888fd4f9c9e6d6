// Cases: the case table (page, columns, CSV) and the case page. mining/README.md, section Cases.
export { caseList, caseCount, caseCsv, caseColumns, csvField, MAX_PAGE, MAX_CSV_ROWS, type CaseListOptions, type CaseCsv } from './list';
export { caseDetail, MAX_GRAPH_NODES } from './detail';
export type * from './types';
