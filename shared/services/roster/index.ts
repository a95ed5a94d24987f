export { RosterFileInvalidError, RosterFileMismatchError } from './roster-errors';
export { ROSTER_MAX_FILE_BYTES, ROSTER_MAX_ROWS } from './roster-limits';
export { previewRoster, type PreviewRow, type RosterPreview, type RosterUpload } from './preview-roster';
export { importRoster, ROSTER_CHUNK_PEOPLE, type RosterConfirmation, type RosterImportResult } from './import-roster';
export { exportRoster, rosterTemplate, type RosterDownload, type RosterFileKind } from './export-roster';
export type { CsvEncoding } from './write-roster-file';
export { rosterHomeOrg } from './roster-home';
