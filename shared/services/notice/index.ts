export { publishNotice, startNoticeProcess, recordPublication, noticeExecutionName } from './publish-notice';
export { closeNoticeAtEnd, NoticeMissingError, type NoticeClosing } from './close-notice';
export { fileObjection } from './file-objection';
export { openObjectionTask, recordObjectionOutcomes, objectionTaskId } from './objection-outcomes';
export { withdrawNotice, withdrawNoticeItems } from './withdraw-notice';
export { listBoard, getPublicNotice, listStaffNotices, staffNoticeList, getStaffNotice, listPendingTasks, getTaskView, BOARD_KEEPS_CLOSED_MS } from './notice-queries';
export { listProvisionalNotices, recomputeProvisionalNotices } from './recompute-ends';
