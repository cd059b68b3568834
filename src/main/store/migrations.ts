// Numbered schema migrations. Append only: a shipped migration is never edited, a new one is added.
// Reviewer data (verdicts, annotations, opinions, audit trail) lives in tables of its own that
// import and re-analysis never write to.

import type Database from 'better-sqlite3'
import { chainExisting } from './audit-chain'

export interface Migration {
  version: number
  name: string
  sql: string
  /** Work SQL alone cannot do (hashing), run after `sql` in the same transaction. */
  after?: (db: Database.Database) => void
}

export const MIGRATIONS: Migration[
] = [
  {
    version: 1,
    name: 'init',
    sql: `
CREATE TABLE reports (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT    NOT NULL UNIQUE,
  file_name     TEXT    NOT NULL,
  source_path   TEXT,
  size_bytes    INTEGER NOT NULL,
  format        TEXT    NOT NULL,
  encoding      TEXT    NOT NULL,
  imported_at   TEXT    NOT NULL,
  import_id     INTEGER REFERENCES imports(id),
  -- denormalised from the analysis for the library table; rewritten by re-analysis only
  title         TEXT,
  issuer        TEXT,
  level         TEXT,
  year          INTEGER,
  published     TEXT,
  completeness  INTEGER NOT NULL,
  checklist_id  TEXT    NOT NULL,
  summary_json  TEXT    NOT NULL,
  analysis_json TEXT    NOT NULL,
  analyzed_at   TEXT    NOT NULL
);

CREATE TABLE report_files (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  bytes     BLOB NOT NULL
);

CREATE TABLE report_texts (
  report_id   INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  text        TEXT NOT NULL,
  blocks_json TEXT NOT NULL,
  warnings_json TEXT NOT NULL
);

CREATE VIRTUAL TABLE report_fts USING fts5(text, content='report_texts', content_rowid='report_id', tokenize='trigram');
CREATE TRIGGER report_texts_ai AFTER INSERT ON report_texts BEGIN
  INSERT INTO report_fts(rowid, text) VALUES (new.report_id, new.text);
END;
CREATE TRIGGER report_texts_ad AFTER DELETE ON report_texts BEGIN
  INSERT INTO report_fts(report_fts, rowid, text) VALUES ('delete', old.report_id, old.text);
END;
CREATE TRIGGER report_texts_au AFTER UPDATE OF text ON report_texts BEGIN
  INSERT INTO report_fts(report_fts, rowid, text) VALUES ('delete', old.report_id, old.text);
  INSERT INTO report_fts(rowid, text) VALUES (new.report_id, new.text);
END;

CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  state       TEXT NOT NULL DEFAULT 'running',
  total       INTEGER NOT NULL DEFAULT 0,
  imported    INTEGER NOT NULL DEFAULT 0,
  duplicates  INTEGER NOT NULL DEFAULT 0,
  failed      INTEGER NOT NULL DEFAULT 0
);

-- files of an import that did not become a new report: failed (with the reason) or duplicate
CREATE TABLE import_outcomes (
  id        INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('failed', 'duplicate')),
  file      TEXT NOT NULL,
  code      TEXT NOT NULL,
  message   TEXT NOT NULL,
  report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL
);
CREATE INDEX import_outcomes_by_import ON import_outcomes(import_id);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`
  },
  {
    version: 2,
    name: 'review',
    sql: `
-- The reviewer's judgement per checklist item: stands beside the detected status, never replaces it.
CREATE TABLE item_verdicts (
  report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  item_id    TEXT    NOT NULL,
  verdict    TEXT    NOT NULL CHECK (verdict IN ('meets', 'partial', 'missing', 'not-applicable')),
  reason     TEXT    NOT NULL DEFAULT '',
  updated_at TEXT    NOT NULL,
  PRIMARY KEY (report_id, item_id)
);

-- The whole report: overall verdict and the review opinion (审核意见).
CREATE TABLE report_reviews (
  report_id  INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  overall    TEXT CHECK (overall IN ('pass', 'revise', 'fail')),
  opinion    TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

-- Passages the reviewer marked, anchored by offsets plus the quote and its context.
CREATE TABLE annotations (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  item_id    TEXT    NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  quote      TEXT    NOT NULL,
  prefix     TEXT    NOT NULL,
  suffix     TEXT    NOT NULL,
  comment    TEXT    NOT NULL DEFAULT '',
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
);
CREATE INDEX annotations_by_report ON annotations(report_id);

-- Every change of a verdict, annotation or opinion. Append-only: the triggers refuse edits and deletes.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL,
  at        TEXT    NOT NULL,
  reviewer  TEXT    NOT NULL,
  action    TEXT    NOT NULL,
  target    TEXT    NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX audit_by_report ON audit_log(report_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;

-- What re-analysis needs besides the text and blocks.
ALTER TABLE report_texts ADD COLUMN declared_title TEXT;
ALTER TABLE report_texts ADD COLUMN pages INTEGER;

-- Checklists edited in the app travel with the project.
CREATE TABLE checklists (
  id         TEXT PRIMARY KEY,
  json       TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`
  },
  {
    version: 3,
    name: 'sketch',
    sql: `
-- A fingerprint of each report's text (domain/sketch.ts), to recognise another version of the same report.
ALTER TABLE reports ADD COLUMN sketch BLOB;
`
  },
  {
    version: 4,
    name: 'undo-in-audit',
    sql: `
-- An audit entry made by undo or redo says so ('undo' / 'redo'); ordinary edits leave it null.
ALTER TABLE audit_log ADD COLUMN via TEXT CHECK (via IN ('undo', 'redo'));
-- A deleted annotation is kept as a tombstone, so undo restores exactly what was stored (by id).
ALTER TABLE annotations ADD COLUMN deleted_at TEXT;
`
  },
  {
    version: 5,
    name: 'roster',
    sql: `
-- The units expected to report (报送单位): kept across years.
CREATE TABLE units (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  level      TEXT    CHECK (level IN ('township', 'county', 'city', 'province', 'department')),
  parent_id  INTEGER REFERENCES units(id) ON DELETE SET NULL,
  contact    TEXT    NOT NULL DEFAULT '',
  -- the page on the unit's portal where its report is published, when the roster names one
  url        TEXT,
  position   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX units_by_name ON units(name);
-- Other names a unit goes by; a unit the reviewer picks for an unattached report keeps its issuer here.
CREATE TABLE unit_aliases (
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  alias   TEXT    NOT NULL,
  PRIMARY KEY (unit_id, alias)
);
-- One unit's report for one year; unit_id NULL while it waits for the reviewer to attach it (待归属).
CREATE TABLE submissions (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER REFERENCES units(id) ON DELETE SET NULL,
  year       INTEGER,
  created_at TEXT    NOT NULL
);
CREATE INDEX submissions_by_unit ON submissions(unit_id, year);
-- Each file belongs to one submission; files of the same text share a version number (1, 2, … by arrival).
ALTER TABLE reports ADD COLUMN submission_id INTEGER REFERENCES submissions(id);
ALTER TABLE reports ADD COLUMN version INTEGER;
CREATE INDEX reports_by_submission ON reports(submission_id, version);
-- The text fingerprints by hash, so other versions and other formats of a text are found without a scan.
CREATE TABLE sketch_hashes (
  hash      INTEGER NOT NULL,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE
);
CREATE INDEX sketch_hashes_by_hash ON sketch_hashes(hash);
CREATE INDEX sketch_hashes_by_report ON sketch_hashes(report_id);
-- How many reports hold each hash: a passage every report has (the standard formulas) tells nothing
-- about which reports are versions of one another, and is left out of the look-up.
CREATE TABLE sketch_df (
  hash INTEGER PRIMARY KEY,
  n    INTEGER NOT NULL
);
`
  },
  {
    version: 6,
    name: 'audit-chain',
    sql: `
-- Each audit entry chained to the one before it by a hash (store/audit-chain.ts), so an entry
-- rewritten or removed behind the app's back is found, and where. Entries already there are chained
-- in order (the append-only trigger is lifted for that and put back).
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
DROP TRIGGER audit_log_no_update;
`,
    after(db) {
      chainExisting(db)
      db.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;")
    }
  },
  {
    // 6 is taken by another change in flight; numbers need only increase.
    version: 7,
    name: 'similarity',
    sql: `
-- The batch comparison (text copied from the unit's report of the year before, text shared with other
-- units' reports of the same year), rewritten whole by each run. Every file of each submission's
-- latest version has a row; its shares and findings are read from here, so the workspace opens at once.
CREATE TABLE similarity_reports (
  report_id     INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  submission_id INTEGER REFERENCES submissions(id) ON DELETE SET NULL,
  year          INTEGER,
  -- normalised characters (no spaces, punctuation or numbering), and those that are not standard wording
  chars         INTEGER NOT NULL,
  own_chars     INTEGER NOT NULL,
  -- the unit's report of the year before and the share of this text found in it; NULL when there is none
  last_year_id  INTEGER REFERENCES reports(id) ON DELETE SET NULL,
  copied_share  REAL,
  -- standard wording in the extracted text: [[start, end], …]
  common_json   TEXT NOT NULL,
  computed_at   TEXT NOT NULL
);
-- Two reports sharing text: the share of report_id's text found in other_id (same-year pairs are stored
-- both ways round). Passages [[start, end, otherStart, otherEnd], …] are offsets into the two extracted texts.
CREATE TABLE similarity_pairs (
  report_id     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  other_id      INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  kind          TEXT    NOT NULL CHECK (kind IN ('last-year', 'same-year')),
  share         REAL    NOT NULL,
  other_share   REAL    NOT NULL,
  -- normalised characters of report_id's own text (standard wording not counted) found in other_id
  chars         INTEGER NOT NULL,
  passages_json TEXT    NOT NULL,
  -- last year's year left in this text inside copied passages: [[start, end], …]
  stale_json    TEXT    NOT NULL DEFAULT '[]',
  PRIMARY KEY (report_id, other_id)
);
CREATE INDEX similarity_pairs_by_other ON similarity_pairs(other_id);
-- Standard wording learnt from each year's reports at the last run.
CREATE TABLE common_learned (
  year       INTEGER,
  phrase     TEXT    NOT NULL,
  normalized TEXT    NOT NULL,
  reports    INTEGER NOT NULL
);
CREATE INDEX common_learned_by_year ON common_learned(year);
-- The reviewer's changes to the standard wording: phrases added, built-in or learnt ones taken off.
CREATE TABLE common_wording (
  normalized TEXT PRIMARY KEY,
  phrase     TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('add', 'remove')),
  at         TEXT NOT NULL
);
`
  },
  {
    version: 8,
    name: 'graded-review',
    sql: `
-- Scoring rubrics edited in the app travel with the project, like its checklists.
CREATE TABLE rubrics (
  id         TEXT PRIMARY KEY,
  json       TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- The reviewer's points on one aspect of a report's score, with the reason; the app's proposal is
-- computed, never stored. Every change is in the audit trail (action 'score').
CREATE TABLE aspect_scores (
  report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  aspect_id  TEXT    NOT NULL,
  points     REAL    NOT NULL,
  reason     TEXT    NOT NULL,
  updated_at TEXT    NOT NULL,
  PRIMARY KEY (report_id, aspect_id)
);
`
  },
  {
    version: 9,
    name: 'search-grams',
    sql: `
-- Each report's distinct characters and pairs of characters (domain/search-grams.ts), so that search
-- terms of one or two characters (法, 普法) are answered from an index as the trigram index answers
-- longer ones. Contentless: it holds the index alone; reports already in a project are indexed on open.
CREATE VIRTUAL TABLE report_grams USING fts5(grams, content='', contentless_delete=1, detail='none', tokenize='unicode61 remove_diacritics 0');
`
  },
  {
    version: 10,
    name: 'page-source',
    sql: `
-- A report fetched from its portal address (「从网址导入」): where it was public and when it was seen there.
-- source_url is the address asked for, final_url where redirects ended (NULL when the same),
-- fetched_at when it was read, last_modified the server's Last-Modified header (ISO), when it sent one.
ALTER TABLE reports ADD COLUMN source_url TEXT;
ALTER TABLE reports ADD COLUMN final_url TEXT;
ALTER TABLE reports ADD COLUMN fetched_at TEXT;
ALTER TABLE reports ADD COLUMN last_modified TEXT;
CREATE INDEX reports_by_url ON reports(source_url) WHERE source_url IS NOT NULL;
`
  },
  {
    version: 11,
    name: 'import-source',
    sql: `
-- What a batch was made of, so its summary counts in the right word (共 3 个网址, not 个文件):
-- 'files' (files and folders, the samples) or 'urls' (「从网址导入」, the roster's report pages).
ALTER TABLE imports ADD COLUMN source TEXT NOT NULL DEFAULT 'files' CHECK (source IN ('files', 'urls'));
`
  },
  {
    version: 12,
    name: 'library-index',
    sql: `
-- The library's columns in an index of their own, so a list of 10,000 reports is read from it alone: a
-- report's row is long (its analysis), and a column stored after the analysis (the submission, the
-- version, the page's address) is reached only by walking the analysis's overflow pages, row after row.
-- The count of figures the graded review needs moves into the summary for reports stored before it was kept there.
UPDATE reports SET summary_json = json_set(summary_json, '$.figures', json_extract(analysis_json, '$.figures'))
 WHERE json_type(summary_json, '$.figures') IS NULL AND json_type(analysis_json, '$.figures') IS NOT NULL;
CREATE INDEX reports_library ON reports(submission_id, id, version, year, format, file_name, imported_at, title, issuer, level, published,
  completeness, checklist_id, source_url, final_url, fetched_at, last_modified, summary_json);
`
  },
  {
    version: 13,
    name: 'library-changes',
    sql: libraryChangesSql()
  }
]

/**
 * Migration 13: which submissions' library rows are out of date. Every write that changes what a row
 * shows (the submission's files, its unit or year, the reviewer's verdicts, notes, opinion and points,
 * who gave the overall verdict) stamps the submission with the next revision, in the same transaction,
 * whichever connection made it (the import's writer thread too); a write that changes every row (units,
 * the comparison, the checklist, rubric and deadline settings) stamps submission 0, the whole library.
 * The library then makes again only the rows stamped since it last looked (library-service.ts).
 */
function libraryChangesSql(): string {
  const stamp = (submission: string) =>
    `INSERT INTO library_changes (submission_id, rev) SELECT ${submission}, coalesce((SELECT max(rev) FROM library_changes), 0) + 1 WHERE ${submission} IS NOT NULL ON CONFLICT (submission_id) DO UPDATE SET rev = excluded.rev;`
  const ofReport = (row: string) => `(SELECT submission_id FROM reports WHERE id = ${row}.report_id)`
  const triggers: string[] = []
  const on = (name: string, event: string, table: string, body: string, when = '') =>
    triggers.push(`CREATE TRIGGER library_${name} AFTER ${event} ON ${table}${when ? ` WHEN ${when}` : ''} BEGIN ${body} END;`)
  on('report_insert', 'INSERT', 'reports', stamp('NEW.submission_id'))
  on('report_update', 'UPDATE', 'reports', `${stamp('OLD.submission_id')} ${stamp('NEW.submission_id')}`)
  on('report_delete', 'DELETE', 'reports', stamp('OLD.submission_id'))
  on('submission_insert', 'INSERT', 'submissions', stamp('NEW.id'))
  on('submission_update', 'UPDATE', 'submissions', stamp('NEW.id'))
  on('submission_delete', 'DELETE', 'submissions', stamp('OLD.id'))
  for (const table of ['report_reviews', 'item_verdicts', 'annotations', 'aspect_scores']) {
    on(`${table}_insert`, 'INSERT', table, stamp(ofReport('NEW')))
    on(`${table}_update`, 'UPDATE', table, `${stamp(ofReport('OLD'))} ${stamp(ofReport('NEW'))}`)
    on(`${table}_delete`, 'DELETE', table, stamp(ofReport('OLD')))
  }
  on('audit_overall', 'INSERT', 'audit_log', stamp(ofReport('NEW')), "NEW.action = 'overall'")
  // every row: the units' names and levels, the batch comparison, the checklists and rubrics, and the
  // settings the rows are made under (the deadline, the active checklist and rubric)
  for (const table of ['units', 'similarity_reports', 'similarity_pairs', 'checklists', 'rubrics']) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) on(`all_${table}_${event.toLowerCase()}`, event, table, stamp('0'))
  }
  const keys = "('publishBy', 'checklistId', 'rubricId')"
  on('all_settings_insert', 'INSERT', 'settings', stamp('0'), `NEW.key IN ${keys}`)
  on('all_settings_update', 'UPDATE', 'settings', stamp('0'), `NEW.key IN ${keys} OR OLD.key IN ${keys}`)
  on('all_settings_delete', 'DELETE', 'settings', stamp('0'), `OLD.key IN ${keys}`)
  return `
-- Submission 0 stands for the whole library.
CREATE TABLE library_changes (
  submission_id INTEGER PRIMARY KEY,
  rev           INTEGER NOT NULL
);
CREATE INDEX library_changes_by_rev ON library_changes(rev);
${triggers.join('\n')}
`
}
