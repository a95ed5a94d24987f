import { findHeaderRow, type HeaderMatch, type RosterField } from './columns';
import type { RosterRow } from './row';

/** The cells of a sheet or CSV file, row by row; row i is the spreadsheet's row i + 1. */
export type RosterTable = readonly (readonly string[])[];

export type TableReading =
  | { kind: 'rows'; header: HeaderMatch; rows: RosterRow[] }
  | { kind: 'no-header' }
  | { kind: 'missing-columns'; header: HeaderMatch };

/** Finds the header row and turns each non-blank row below it into a RosterRow. */
export function readRosterTable(table: RosterTable): TableReading {
  const header = findHeaderRow(table);
  if (!header) return { kind: 'no-header' };
  if (header.missing.length > 0) return { kind: 'missing-columns', header };
  const rows: RosterRow[] = [];
  for (let index = header.rowIndex + 1; index < table.length; index++) {
    const cells = table[index] ?? [];
    if (cells.every((cell) => !cell.trim())) continue;
    const values: Partial<Record<RosterField, string>> = {};
    header.fields.forEach((field, column) => {
      if (field) values[field] = cells[column] ?? '';
    });
    rows.push({ rowNumber: index + 1, values });
  }
  return { kind: 'rows', header, rows };
}
