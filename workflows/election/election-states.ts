/** State names of the election process (docs/domain/elections.md); the local runtime, tests and pages speak of them. */
export const ElectionState = {
  // 1. Publicize and mobilize
  prepareRequestApproval: 'PrepareRequestApproval',
  requestApproval: 'RequestApproval',
  noteRequestDecision: 'NoteRequestDecision',
  routeRequestDecision: 'RouteRequestDecision',
  requestRejected: 'RequestRejected',
  announcement: 'Announcement',
  prepareAnnouncementNotice: 'PrepareAnnouncementNotice',
  publishAnnouncementNotice: 'PublishAnnouncementNotice',
  mobilizationMeeting: 'MobilizationMeeting',
  // 2. Work reports and evaluation
  workReportsAndEvaluation: 'WorkReportsAndEvaluation',
  // 3. Democratic recommendation (公推直选, standard) or the open first ballot (海选)
  routeNomination: 'RouteNomination',
  democraticRecommendation: 'DemocraticRecommendation',
  routeRecommendation: 'RouteRecommendation',
  openBallot: 'OpenBallot',
  routeOpenBallot: 'RouteOpenBallot',
  // 4. Preliminary candidates for approval, then their notice
  prepareCandidateApproval: 'PrepareCandidateApproval',
  candidateListApproval: 'CandidateListApproval',
  noteCandidateDecision: 'NoteCandidateDecision',
  routeCandidateDecision: 'RouteCandidateDecision',
  backToNomination: 'BackToNomination',
  prepareCandidateNotice: 'PrepareCandidateNotice',
  candidateNotice: 'CandidateNotice',
  candidateNoticeRun: 'CandidateNoticeRun',
  noteNoticeResults: 'NoteNoticeResults',
  routeNoticeResults: 'RouteNoticeResults',
  // 5. Election
  electionRound: 'ElectionRound',
  routeRound: 'RouteRound',
  seatsDecision: 'SeatsDecision',
  routeSeatsDecision: 'RouteSeatsDecision',
  routeOfficers: 'RouteOfficers',
  officersRound: 'OfficersRound',
  routeOfficersRound: 'RouteOfficersRound',
  officersMeeting: 'OfficersMeeting',
  // 6. Results for approval
  prepareResultsApproval: 'PrepareResultsApproval',
  resultsApproval: 'ResultsApproval',
  noteResultsDecision: 'NoteResultsDecision',
  routeResultsDecision: 'RouteResultsDecision',
  resultsRejected: 'ResultsRejected',
  routeResultsRejected: 'RouteResultsRejected',
  recordResults: 'RecordResults',
  completed: 'Completed',
  ended: 'Ended',
} as const;

/** Handler ids of the election process's Lambda tasks. */
export const ElectionHandler = {
  openStep: 'election-open-step',
  prepareAnnouncement: 'election-prepare-announcement',
  prepareApproval: 'election-prepare-approval',
  noteDecision: 'election-note-decision',
  prepareNotices: 'election-prepare-notices',
  noteNotices: 'election-note-notices',
  recordResults: 'election-record-results',
} as const;
