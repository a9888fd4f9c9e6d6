export { Store, defaultMemoryLimit, type Tx, type Session, type Params, type StoreOptions } from './connection';
export { frag, paramValues, type Fragment, type Slots } from './template';
export { ident, loadQuery } from './query-files';
export { listMigrations, migrate } from './migrate';
export type { Row } from './convert';
export { defaultStorePath } from './paths';
export { cancellable, isCancelled, QueryCancelledError } from './cancel';
export * from './sandbox';
