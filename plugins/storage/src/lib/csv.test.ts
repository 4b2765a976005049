import {
  claim,
  coverageRow,
  protectedClaim,
  unprotectedClaim,
} from '../__testUtils__/fixtures';
import { CSV_COLUMNS, csvField, toCsv } from './csv';

/** A small RFC 4180 reader, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return records;
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes only a header for no rows', () => {
    expect(toCsv([])).toBe(`${CSV_COLUMNS.map(c => c.header).join(',')}\r\n`);
  });

  it('writes one CRLF-terminated record per row', () => {
    const csv = toCsv([
      coverageRow(protectedClaim),
      coverageRow(unprotectedClaim, ['group:default/a', 'group:default/b']),
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, first, second] = parseCsv(csv);
    expect(header.slice(0, 5)).toEqual([
      'cluster',
      'namespace',
      'name',
      'verdict',
      'reasons',
    ]);
    const field = (record: string[], name: string) =>
      record[header.indexOf(name)];
    expect(field(first, 'name')).toBe('data-payments-db-0');
    expect(field(first, 'verdict')).toBe('protected');
    expect(field(first, 'capacity_bytes')).toBe(String(50 * 1024 ** 3));
    expect(field(first, 'last_successful_backup')).toBe(
      protectedClaim.lastSuccessfulBackup!.time,
    );
    expect(field(second, 'verdict')).toBe('unprotected');
    expect(field(second, 'reasons')).toBe('no-matching-schedule');
    expect(field(second, 'reason_messages')).toBe(
      unprotectedClaim.reasons[0].message,
    );
    expect(field(second, 'access_modes')).toBe('ReadWriteMany');
    expect(field(second, 'owners')).toBe('group:default/a group:default/b');
    expect(field(second, 'last_successful_backup')).toBe('');
  });

  it('quotes commas, quotes and line breaks so the rows read back intact', () => {
    const tricky = coverageRow(
      claim({
        name: 'odd',
        verdict: 'failing',
        reasons: [
          { code: 'backup-failed', message: 'Backup "nightly" failed, twice' },
          { code: 'bsl-unavailable', message: 'Location down' },
        ],
      }),
    );
    const csv = toCsv([tricky]);
    expect(csv).toContain('"Backup ""nightly"" failed, twice\nLocation down"');
    const [header, record] = parseCsv(csv);
    expect(record).toHaveLength(header.length);
    expect(record[header.indexOf('reasons')]).toBe(
      'backup-failed bsl-unavailable',
    );
  });
});
