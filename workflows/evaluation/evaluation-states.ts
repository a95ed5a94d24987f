/** State names of the evaluation process (docs/domain/evaluation.md), in §9's order of steps. */
export const EvaluationState = {
  // 1. Plan and study
  plan: 'PlanAndStudy',
  // 2. Self-evaluation
  selfEvaluation: 'SelfEvaluation',
  // 3. Democratic evaluation (rating)
  rating: 'DemocraticEvaluation',
  // 4. Branch committee proposal
  proposal: 'BranchCommitteeProposal',
  // 5. General meeting
  meeting: 'GeneralMeeting',
  routeMeeting: 'RouteMeeting',
  // 6. Higher approval
  prepareApproval: 'PrepareApproval',
  approval: 'HigherApproval',
  noteDecision: 'NoteDecision',
  routeDecision: 'RouteDecision',
  // 7. Publication
  prepareNotice: 'PrepareGradesNotice',
  publication: 'Publication',
  routePublication: 'RoutePublication',
  // 8. Follow-up
  recordGrades: 'RecordGrades',
  routeFollowUp: 'RouteFollowUp',
  followUp: 'FollowUp',
  routeFollowUpOutcome: 'RouteFollowUpOutcome',
  // 8. 劝其退党 / 除名: the general meeting, then higher approval
  disposalMeeting: 'DisposalMeeting',
  routeDisposalMeeting: 'RouteDisposalMeeting',
  prepareDisposalApproval: 'PrepareDisposalApproval',
  disposalApproval: 'DisposalApproval',
  noteDisposalDecision: 'NoteDisposalDecision',
  routeDisposalDecision: 'RouteDisposalDecision',
  completed: 'Completed',
} as const;

/** Handler ids of the evaluation process's Lambda tasks. */
export const EvaluationHandler = {
  openStep: 'evaluation-open-step',
  prepareApproval: 'evaluation-prepare-approval',
  noteDecision: 'evaluation-note-decision',
  prepareNotice: 'evaluation-prepare-notice',
  recordGrades: 'evaluation-record-grades',
} as const;
