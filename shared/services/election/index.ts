/** Branch elections (docs/domain/elections.md, issue 6): what staff do (authorized) and what the election workflow's tasks do. */
export { createElection } from './create-election';
export { submitElectionStep } from './submit-step';
export { recordRound } from './record-round';
export { setOfficerCandidates } from './officer-candidates';
export { applyElectionEndDecisions, endElection, requestElectionEnd } from './end-election';
export { getElectionFile, listElections, pageElections, type ElectionFile, type ElectionsPage } from './read';
export { ElectionAlreadyRunningError, ElectionEndNotPossibleError, ElectionRoundAlreadyRecordedError, ElectionStepNotOpenError } from './errors';
// Workflow tasks (act for the system: no actor).
export { openElectionStep, electionTaskId } from './step-task';
export { prepareElectionApproval, electionApprovalId, type ElectionApprovalKind } from './approvals';
export { recordElectionDecision } from './decisions';
export { prepareAnnouncementNotice } from './announcement-notice';
export { prepareCandidateNotices, recordCandidateNoticeResults, candidateNoticeId } from './candidate-notices';
export { recordElectionResults, termEndOf, newCommittee } from './record-results';
