export { exceptionsSummary, exceptionQueue, type ExceptionOptions, type ExceptionQueueOptions } from './read';
export { QUEUES as EXCEPTION_QUEUES, QUEUE_IDS as EXCEPTION_QUEUE_IDS, nextStep, ruleTeam } from './queues';
export type * from './types';
