import type { Post, PostQuery } from './api-types.ts';
import { matchesText } from './feed.ts';
import type { MessageKey, MessageParams } from './i18n/catalogue.ts';
import { CATEGORY_LABELS, isCategoryId, isHighPriority, type CategoryOrNone } from './taxonomy.ts';

/*
 * Watch columns (TweetDeck-like): each column is a filter. The same filter is both the server
 * query of the column's first page and the client-side test for posts from the live stream, so
 * the two must agree; both live here, with the persistence in localStorage.
 */

export type ColumnFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'relevant' }
  | { readonly kind: 'highPriority' }
  | { readonly kind: 'category'; readonly category: CategoryOrNone }
  | { readonly kind: 'search'; readonly text: string }
  | { readonly kind: 'source'; readonly source: string };

export type ColumnKind = ColumnFilter['kind'];
export const COLUMN_KINDS: readonly ColumnKind[] = ['all', 'relevant', 'highPriority', 'category', 'search', 'source'];

export interface Column {
  readonly id: string;
  readonly filter: ColumnFilter;
}

/** At most this many columns: each one holds up to 500 posts and a column of its own on screen. */
export const MAX_COLUMNS = 12;
export const MAX_SEARCH_LENGTH = 200;

export const COLUMNS_STORAGE_KEY = 'waakzaam.watch.columns';
const STORAGE_VERSION = 1;

/** First visit: everything, then what matters. "Alle berichten" first, so the newest posts are in view at once. */
export function defaultColumns(): Column[] {
  return [
    { id: 'all', filter: { kind: 'all' } },
    { id: 'relevant', filter: { kind: 'relevant' } },
    { id: 'high', filter: { kind: 'highPriority' } },
  ];
}

/** Does a post from the live stream belong in the column? Mirrors `columnQuery`. */
export function matchesColumn(post: Post, filter: ColumnFilter): boolean {
  const analysis = post.analysis;
  switch (filter.kind) {
    case 'all':
      return true;
    case 'relevant':
      return analysis?.relevant === true;
    case 'highPriority':
      return analysis?.relevant === true && isHighPriority(analysis.priority);
    case 'category':
      return analysis !== null && (filter.category === 'none' ? analysis.category === null : analysis.category === filter.category);
    case 'search':
      return matchesText(post, filter.text);
    case 'source':
      return post.source === filter.source;
  }
}

/** The server-side filter of the column's pages (`GET /api/posts`). */
export function columnQuery(filter: ColumnFilter): PostQuery {
  switch (filter.kind) {
    case 'all':
      return {};
    case 'relevant':
      return { relevant: true };
    case 'highPriority':
      return { relevant: true, priority: ['high', 'critical'] };
    case 'category':
      return { category: filter.category };
    case 'search':
      return { q: filter.text };
    case 'source':
      return { source: filter.source };
  }
}

/** The column's name as a message key and its parameters (translated at render time). */
export function columnTitle(filter: ColumnFilter): { key: MessageKey; params?: MessageParams; categoryKey?: MessageKey } {
  switch (filter.kind) {
    case 'all':
      return { key: 'column.title.all' };
    case 'relevant':
      return { key: 'column.title.relevant' };
    case 'highPriority':
      return { key: 'column.title.highPriority' };
    case 'category':
      return { key: 'column.title.category', categoryKey: CATEGORY_LABELS[filter.category] };
    case 'search':
      return { key: 'column.title.search', params: { text: filter.text } };
    case 'source':
      return { key: 'column.title.source', params: { source: filter.source } };
  }
}

/** Two columns with the same filter would show the same posts twice; adding one is refused. */
export function sameFilter(a: ColumnFilter, b: ColumnFilter): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one stored filter; null when it is not (or no longer) a valid filter. */
export function parseColumnFilter(value: unknown): ColumnFilter | null {
  if (!isRecord(value)) {
    return null;
  }
  switch (value.kind) {
    case 'all':
    case 'relevant':
    case 'highPriority':
      return { kind: value.kind };
    case 'category':
      return value.category === 'none' || isCategoryId(value.category) ? { kind: 'category', category: value.category } : null;
    case 'search': {
      const text = typeof value.text === 'string' ? value.text.trim().slice(0, MAX_SEARCH_LENGTH) : '';
      return text ? { kind: 'search', text } : null;
    }
    case 'source':
      return typeof value.source === 'string' && value.source.trim() ? { kind: 'source', source: value.source.trim() } : null;
    default:
      return null;
  }
}

/**
 * Reads the stored columns. Storage is outside input too (old versions, hand edits, another
 * tab): invalid entries are dropped, duplicates (by id or filter) removed, and when nothing valid
 * is left the defaults are used.
 */
export function parseStoredColumns(raw: string | null): Column[] {
  if (raw === null) {
    return defaultColumns();
  }
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return defaultColumns();
  }
  if (!isRecord(stored) || stored.version !== STORAGE_VERSION || !Array.isArray(stored.columns)) {
    return defaultColumns();
  }
  const columns: Column[] = [];
  for (const entry of stored.columns) {
    if (!isRecord(entry) || typeof entry.id !== 'string' || entry.id === '') {
      continue;
    }
    const filter = parseColumnFilter(entry.filter);
    if (filter && !columns.some((c) => c.id === entry.id || sameFilter(c.filter, filter))) {
      columns.push({ id: entry.id, filter });
    }
    if (columns.length === MAX_COLUMNS) {
      break;
    }
  }
  // An empty list was stored on purpose (every column removed) and is kept.
  return columns.length > 0 || stored.columns.length === 0 ? columns : defaultColumns();
}

export function serializeColumns(columns: readonly Column[]): string {
  return JSON.stringify({ version: STORAGE_VERSION, columns: columns.map(({ id, filter }) => ({ id, filter })) });
}

/** A fresh id that no column has. */
export function newColumnId(columns: readonly Column[], random: () => number = Math.random): string {
  for (;;) {
    const id = `c${Math.floor(random() * 36 ** 6).toString(36)}`;
    if (!columns.some((column) => column.id === id)) {
      return id;
    }
  }
}

export type ColumnsEdit =
  | { readonly type: 'add'; readonly column: Column }
  | { readonly type: 'remove'; readonly id: string }
  | { readonly type: 'move'; readonly id: string; readonly by: -1 | 1 };

/** Applies one edit of the column list; an edit that cannot apply returns the list unchanged. */
export function editColumns(columns: readonly Column[], edit: ColumnsEdit): readonly Column[] {
  switch (edit.type) {
    case 'add':
      if (columns.length >= MAX_COLUMNS || columns.some((c) => c.id === edit.column.id || sameFilter(c.filter, edit.column.filter))) {
        return columns;
      }
      return [...columns, edit.column];
    case 'remove':
      return columns.some((c) => c.id === edit.id) ? columns.filter((c) => c.id !== edit.id) : columns;
    case 'move': {
      const from = columns.findIndex((c) => c.id === edit.id);
      const to = from + edit.by;
      if (from < 0 || to < 0 || to >= columns.length) {
        return columns;
      }
      const next = [...columns];
      const [moved] = next.splice(from, 1);
      next.splice(to, 0, moved as Column);
      return next;
    }
  }
}
