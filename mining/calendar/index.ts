// Business calendars (pure TypeScript): see calendar.ts and mining/README.md "SLA".
export {
  compileCalendar, windowsOfDay, businessSeconds, businessSecondsBetween, addBusinessSeconds, addBusinessSecondsAt,
  calendarWindows, ALWAYS_OPEN, ALWAYS_OPEN_ID, WEEKDAYS,
  type Calendar, type CalendarSpec, type CalendarWindow, type Weekday,
} from './calendar';
export { DAY, dayOfIso, isoOfDay, localDay, localToUtc, offsetAt, dayOfWeek } from './tz';
