export { saveCalendarYear } from './save-calendar-year';
