import { stripVTControlCharacters } from 'node:util';

const GAP = '  ';

/**
 * Columns aligned on the widest cell, measured without ANSI styles. The last
 * column is not padded, so long values (URLs, messages) do not leave trailing
 * blanks.
 */
export function renderTable(headers: string[], rows: string[][]): string {
  const all = [headers, ...rows];
  const widths = headers.map((_, column) =>
    Math.max(...all.map(row => visibleLength(row[column] ?? ''))),
  );
  return all
    .map(row =>
      row
        .map((cell, column) =>
          column === row.length - 1
            ? cell
            : cell + ' '.repeat(widths[column] - visibleLength(cell)),
        )
        .join(GAP)
        .trimEnd(),
    )
    .join('\n');
}

function visibleLength(text: string): number {
  return stripVTControlCharacters(text).length;
}
