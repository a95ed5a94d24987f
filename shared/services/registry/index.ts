export { RegistryVersionConflictError, OrgNotEmptyError, OrgClosedError, PersonDuplicateError } from './errors';
export { createOrganization, editOrganization, moveOrganization, closeOrganization, committeeText } from './organizations';
export { getOrgTreeView, getOrganizationView, orgCreateParents, personOrgChoices, scopedNodes, type OrgTreeNode, type OrgTreeView, type OrgView, type OrgPermissions } from './organizations-read';
export { createPerson, editPerson, loadPerson, personCreateStatuses } from './people';
export { revealIdNumber } from './id-number-reveal';
export { changeMembershipStatus, setRightsState, addAttendanceExclusion, endAttendanceExclusion } from './person-states';
export { listOrgPeople, getPersonView, peopleOfSubtree, summarize, type PersonSummary, type PersonView, type OrgPeopleView } from './people-read';
export { votingMembersOf, votingStandingOf, meetingAttendanceOf, approverOf, staffToNotify, type StaffContact } from './questions';
export type { RegistryDeps } from './commit';
