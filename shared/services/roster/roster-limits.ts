/**
 * Limits of a roster file. 4 MB, not more: in AWS the upload reaches the Lambda base64-encoded (×4/3) inside
 * its 6 MB request payload, and the confirmation carries the file again. 10,000 rows is a large agency.
 */
export const ROSTER_MAX_FILE_BYTES = 4 * 1024 * 1024;
export const ROSTER_MAX_ROWS = 10_000;

export const formatMegabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
