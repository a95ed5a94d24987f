/** State names of the public-notice (公示) process; the local runtime, tests and pages speak of them. */
export const NoticeState = {
  publish: 'PublishNotice',
  waitForEnd: 'WaitForNoticeEnd',
  close: 'CloseNotice',
  routeClosing: 'RouteClosedNotice',
  extendWait: 'UseUpdatedEnd',
  handleObjections: 'HandleObjections',
  routeResult: 'RouteNoticeResult',
  proceed: 'Proceed',
  postponed: 'Postponed',
  stopped: 'Stopped',
  withdrawn: 'Withdrawn',
} as const;

/** Handler ids of the Lambda tasks of the notice process. */
export const NoticeHandler = {
  publish: 'notice-publish',
  close: 'notice-close',
  awaitOutcomes: 'notice-await-outcomes',
} as const;
