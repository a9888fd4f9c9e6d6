export { Store, type Tx, type Params, type StoreOptions } from './connection';
export { ident, loadQuery } from './query-files';
export { listMigrations, migrate } from './migrate';
export type { Row } from './convert';
export { defaultStorePath } from './paths';
