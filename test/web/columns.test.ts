import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnQuery,
  defaultColumns,
  editColumns,
  matchesColumn,
  MAX_COLUMNS,
  newColumnId,
  parseStoredColumns,
  serializeColumns,
  type Column,
  type ColumnFilter,
} from '../../web/ui/columns.ts';
import { CATEGORY_IDS } from '../../web/ui/taxonomy.ts';
import { buildAnalysis, buildPost } from './builders.ts';

const fire = buildPost({ text: 'Brand in de keuken', source: 'mastodon', analysis: buildAnalysis({ category: 'fire', priority: 'high' }) });
const chatter = buildPost({ text: 'Mooi concert', source: 'bluesky', analysis: buildAnalysis({ relevant: false, category: null, priority: 'low' }) });
const pending = buildPost({ text: 'Nog niet geanalyseerd brand', source: 'rss', analysis: null });

const ids = (columns: readonly Column[]) => columns.map((c) => c.id);

describe('column filters', () => {
  it('route live posts the way the server query filters them', () => {
    const cases: [ColumnFilter, string[]][] = [
      [{ kind: 'all' }, [fire.id, chatter.id, pending.id]],
      [{ kind: 'relevant' }, [fire.id]],
      [{ kind: 'highPriority' }, [fire.id]],
      [{ kind: 'category', category: 'fire' }, [fire.id]],
      [{ kind: 'category', category: 'none' }, [chatter.id]],
      [{ kind: 'search', text: 'BRAND keuken' }, [fire.id]],
      [{ kind: 'source', source: 'bluesky' }, [chatter.id]],
    ];
    for (const [filter, expected] of cases) {
      expect([fire, chatter, pending].filter((post) => matchesColumn(post, filter)).map((p) => p.id)).toEqual(expected);
    }
  });

  it('counts only high and critical relevant posts as high priority', () => {
    const filter: ColumnFilter = { kind: 'highPriority' };
    expect(matchesColumn(buildPost({ analysis: buildAnalysis({ priority: 'critical' }) }), filter)).toBe(true);
    expect(matchesColumn(buildPost({ analysis: buildAnalysis({ priority: 'medium' }) }), filter)).toBe(false);
    expect(matchesColumn(buildPost({ analysis: buildAnalysis({ relevant: false, priority: 'high' }) }), filter)).toBe(false);
  });

  it('builds the server query of each kind of column', () => {
    expect(columnQuery({ kind: 'all' })).toEqual({});
    expect(columnQuery({ kind: 'relevant' })).toEqual({ relevant: true });
    expect(columnQuery({ kind: 'highPriority' })).toEqual({ relevant: true, priority: ['high', 'critical'] });
    expect(columnQuery({ kind: 'category', category: 'none' })).toEqual({ category: 'none' });
    expect(columnQuery({ kind: 'search', text: 'stroom' })).toEqual({ q: 'stroom' });
    expect(columnQuery({ kind: 'source', source: 'p2000' })).toEqual({ source: 'p2000' });
  });
});

describe('column persistence', () => {
  it('starts with the defaults, "Alle berichten" first', () => {
    expect(parseStoredColumns(null)).toEqual(defaultColumns());
    expect(defaultColumns()[0]?.filter).toEqual({ kind: 'all' });
  });

  it('round-trips what it stores', () => {
    const columns: Column[] = [
      { id: 'a', filter: { kind: 'category', category: 'medical' } },
      { id: 'b', filter: { kind: 'search', text: 'stroomstoring vredenburg' } },
      { id: 'c', filter: { kind: 'source', source: 'p2000' } },
    ];
    expect(parseStoredColumns(serializeColumns(columns))).toEqual(columns);
  });

  it('keeps an empty list that was stored on purpose', () => {
    expect(parseStoredColumns(serializeColumns([]))).toEqual([]);
  });

  it('drops invalid and duplicate entries, and falls back to the defaults when nothing is left', () => {
    const raw = JSON.stringify({
      version: 1,
      columns: [
        { id: 'a', filter: { kind: 'category', category: 'alien_invasion' } },
        { id: 'b', filter: { kind: 'search', text: '   ' } },
        { id: 'c', filter: { kind: 'relevant' } },
        { id: 'c', filter: { kind: 'all' } },
        { id: 'd', filter: { kind: 'relevant' } },
        { id: '', filter: { kind: 'all' } },
      ],
    });
    expect(parseStoredColumns(raw)).toEqual([{ id: 'c', filter: { kind: 'relevant' } }]);
    expect(parseStoredColumns(JSON.stringify({ version: 1, columns: [{ id: 'x', filter: { kind: 'nope' } }] }))).toEqual(defaultColumns());
    expect(parseStoredColumns('{not json')).toEqual(defaultColumns());
    expect(parseStoredColumns(JSON.stringify({ version: 99, columns: [] }))).toEqual(defaultColumns());
  });

  it('never throws and always answers valid, unique columns (property)', () => {
    const filter = fc.oneof(
      fc.record({ kind: fc.constantFrom('all', 'relevant', 'highPriority', 'bogus') }),
      fc.record({ kind: fc.constant('category'), category: fc.constantFrom(...CATEGORY_IDS, 'none', 'x') }),
      fc.record({ kind: fc.constant('search'), text: fc.string() }),
      fc.record({ kind: fc.constant('source'), source: fc.string() }),
      fc.anything(),
    );
    const stored = fc.oneof(
      fc.string(),
      fc.record({ version: fc.constantFrom(1, 2), columns: fc.array(fc.record({ id: fc.oneof(fc.string(), fc.integer()), filter }), { maxLength: 20 }) }).map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(stored, (raw) => {
        const columns = parseStoredColumns(raw);
        expect(columns.length).toBeLessThanOrEqual(MAX_COLUMNS);
        expect(new Set(ids(columns)).size).toBe(columns.length);
        expect(parseStoredColumns(serializeColumns(columns))).toEqual(columns);
      }),
    );
  });
});

describe('editing columns', () => {
  const start: Column[] = [
    { id: 'a', filter: { kind: 'all' } },
    { id: 'b', filter: { kind: 'relevant' } },
    { id: 'c', filter: { kind: 'highPriority' } },
  ];

  it('moves a column left and right, and not past the ends', () => {
    expect(ids(editColumns(start, { type: 'move', id: 'b', by: -1 }))).toEqual(['b', 'a', 'c']);
    expect(ids(editColumns(start, { type: 'move', id: 'b', by: 1 }))).toEqual(['a', 'c', 'b']);
    expect(editColumns(start, { type: 'move', id: 'a', by: -1 })).toBe(start);
    expect(editColumns(start, { type: 'move', id: 'c', by: 1 })).toBe(start);
  });

  it('adds a column unless its filter is already there or the list is full', () => {
    expect(ids(editColumns(start, { type: 'add', column: { id: 'd', filter: { kind: 'search', text: 'brand' } } }))).toEqual(['a', 'b', 'c', 'd']);
    expect(editColumns(start, { type: 'add', column: { id: 'd', filter: { kind: 'relevant' } } })).toBe(start);
    const full = Array.from({ length: MAX_COLUMNS }, (_, i): Column => ({ id: `s${i}`, filter: { kind: 'search', text: `w${i}` } }));
    expect(editColumns(full, { type: 'add', column: { id: 'x', filter: { kind: 'all' } } })).toBe(full);
  });

  it('removes a column', () => {
    expect(ids(editColumns(start, { type: 'remove', id: 'b' }))).toEqual(['a', 'c']);
    expect(editColumns(start, { type: 'remove', id: 'zz' })).toBe(start);
  });

  it('makes ids no column has', () => {
    let calls = 0;
    const random = () => (calls++ < 2 ? 0 : 0.5);
    const taken: Column[] = [{ id: newColumnId([], () => 0), filter: { kind: 'all' } }];
    expect(newColumnId(taken, random)).not.toBe(taken[0]?.id);
  });
});
