export { arAging, openDisputes, AGING_BUCKETS, type ArOptions } from './aging';
