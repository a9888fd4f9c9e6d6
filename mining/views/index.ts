// The generic views of a log: what the map, variants, cases and bottleneck pages show. Each takes
// ViewOptions (log, perspective, filters) so one filter bar applies to all of them.
export { scope, type ViewOptions, type DurationSummary } from './common';
export { variants, type Variant, type Variants } from './variants';
export { caseDurations, throughputTime, type CaseDurations, type Throughput } from './durations';
export { rework, type Rework, type ActivityRework } from './rework';
export {
  transitionTimes,
  workInProgress,
  waitingAndProcessing,
  BOTTLENECK_DIMENSIONS,
  type BottleneckDimension,
  type TransitionTime,
  type WipPoint,
  type WaitingProcessing,
} from './bottlenecks';
