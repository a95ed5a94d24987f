export { saveCalendarYear } from './save-calendar-year';
export { listCalendarYears } from './calendar-years';
