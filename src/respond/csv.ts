/**
 * A small RFC 4180 CSV reader for the registry imports: comma or semicolon separated (Dutch
 * spreadsheets write semicolons), quoted fields with doubled quotes and line breaks inside, CRLF or
 * LF, an optional UTF-8 byte-order mark. Each record keeps the line it started on, for errors.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** The separator of the header line: `;` when it has more semicolons than commas. */
export function detectSeparator(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Parses all records; throws {@link CsvError} for an unterminated quote. Blank lines are skipped. */
export function parseCsv(input: string, separator: ',' | ';' = detectSeparator(input)): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (ch === separator) {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvError(quoteLine, 'a quoted field is not closed');
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return records;
}

/** Records as objects keyed by the (trimmed, lower-cased) header names. */
export function csvObjects(input: string): { header: string[]; rows: { line: number; values: Record<string, string> }[] } {
  const [head, ...rest] = parseCsv(input);
  if (!head) return { header: [], rows: [] };
  const header = head.fields.map((h) => h.trim().toLowerCase());
  return {
    header,
    rows: rest.map((r) => ({ line: r.line, values: Object.fromEntries(header.map((h, i) => [h, (r.fields[i] ?? '').trim()])) })),
  };
}
