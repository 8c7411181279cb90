/**
 * The team database's schema, one migration per version, each in its own transaction, the
 * version in `clipfile_schema`. A database written by a newer server is refused untouched.
 */
import { UserError } from '../../shared/result'
import type { Pool, Tx } from './pool'

interface TeamMigration {
  version: number
  name: string
  sql: string
}

const M1 = `
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- English stemming like the local archive's porter tokenizer, diacritics folded like its remove_diacritics.
CREATE TEXT SEARCH CONFIGURATION clipfile (COPY = english);
ALTER TEXT SEARCH CONFIGURATION clipfile ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE SEQUENCE change_seq;

CREATE TABLE users (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Tokens are stored as SHA-256 hashes: they are 32 random bytes, so a slow hash adds nothing.
CREATE TABLE tokens (
  id serial PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id),
  hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_used_at timestamptz
);

CREATE TABLE articles (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  seq bigint NOT NULL,
  content_seq bigint NOT NULL,
  added_by int NOT NULL REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  saved_at text NOT NULL,
  deleted_at timestamptz,
  deleted_by int REFERENCES users(id),
  current_version uuid,
  url text NOT NULL,
  canonical_url text,
  rhost text NOT NULL DEFAULT '',
  title text NOT NULL,
  byline text,
  site text,
  published_at text,
  modified_at text,
  language text,
  excerpt text,
  word_count int NOT NULL DEFAULT 0,
  -- Words in title, byline, outlet, text and tags as the local index counts them: the length bm25 normalises by.
  tokens int NOT NULL DEFAULT 0,
  content_hash text,
  tags text[] NOT NULL DEFAULT '{}',
  tags_lc text[] NOT NULL DEFAULT '{}',
  search tsvector NOT NULL DEFAULT ''::tsvector,
  byline_tsv tsvector NOT NULL DEFAULT ''::tsvector
);
-- Ranking reads term rarity from the planner's statistics of this column (src/team/rank.ts): keep many.
ALTER TABLE articles ALTER COLUMN search SET STATISTICS 1000;
CREATE INDEX articles_seq ON articles(seq);
CREATE UNIQUE INDEX articles_canonical ON articles(canonical_url) WHERE canonical_url IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX articles_hash ON articles(content_hash) WHERE deleted_at IS NULL;
CREATE INDEX articles_search ON articles USING gin(search);
CREATE INDEX articles_byline ON articles USING gin(byline_tsv);
CREATE INDEX articles_tags ON articles USING gin(tags_lc);
CREATE INDEX articles_published ON articles(published_at);
CREATE INDEX articles_rhost ON articles(rhost text_pattern_ops);
CREATE INDEX articles_site ON articles USING gin(site gin_trgm_ops);
CREATE INDEX articles_language ON articles(lower(language));

CREATE TABLE article_aliases (
  alias uuid PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles(id)
);

-- Immutable: a version is never updated, only added.
CREATE TABLE article_versions (
  uuid uuid PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles(id),
  seq bigint NOT NULL,
  created_by int NOT NULL REFERENCES users(id),
  created_at text NOT NULL,
  pushed_at timestamptz NOT NULL DEFAULT now(),
  content_hash text NOT NULL,
  meta jsonb NOT NULL,
  text text NOT NULL,
  doc bytea NOT NULL,
  raw bytea,
  raw_type text,
  quotes jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX article_versions_article ON article_versions(article_id, seq);

CREATE TABLE assets (
  sha256 text PRIMARY KEY,
  mime text NOT NULL,
  source_url text,
  bytes bytea NOT NULL
);
CREATE TABLE version_assets (
  version_uuid uuid NOT NULL REFERENCES article_versions(uuid),
  sha256 text NOT NULL REFERENCES assets(sha256),
  PRIMARY KEY (version_uuid, sha256)
);

-- Who is quoted in each article's current version (detected quotes, not scare quotes): speaker: filters.
CREATE TABLE article_speakers (
  article_id bigint NOT NULL REFERENCES articles(id),
  speaker_key text NOT NULL,
  PRIMARY KEY (article_id, speaker_key)
);
CREATE INDEX article_speakers_key ON article_speakers(speaker_key text_pattern_ops);

CREATE TABLE highlights (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  article_id bigint NOT NULL REFERENCES articles(id),
  seq bigint NOT NULL,
  created_by int NOT NULL REFERENCES users(id),
  created_at text NOT NULL,
  deleted_at timestamptz,
  deleted_by int REFERENCES users(id),
  rev uuid NOT NULL,
  color text NOT NULL,
  note text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  tags_lc text[] NOT NULL DEFAULT '{}',
  start_pos int NOT NULL,
  end_pos int NOT NULL,
  exact text NOT NULL,
  prefix text NOT NULL,
  suffix text NOT NULL,
  version_uuid uuid,
  -- Words of quote, note and tags as the local index counts them (bm25's length).
  tokens int NOT NULL DEFAULT 0,
  search tsvector NOT NULL DEFAULT ''::tsvector
);
ALTER TABLE highlights ALTER COLUMN search SET STATISTICS 1000;
CREATE INDEX highlights_seq ON highlights(seq);
CREATE INDEX highlights_article ON highlights(article_id);
CREATE INDEX highlights_search ON highlights USING gin(search);
CREATE INDEX highlights_tags ON highlights USING gin(tags_lc);

-- Append-only: every edit of a highlight, losers of concurrent edits included.
CREATE TABLE highlight_revisions (
  rev uuid PRIMARY KEY,
  highlight_id bigint NOT NULL REFERENCES highlights(id),
  seq bigint NOT NULL,
  base_rev uuid,
  author int NOT NULL REFERENCES users(id),
  client uuid NOT NULL,
  made_at text NOT NULL,
  color text,
  note text,
  tags text[],
  deleted boolean NOT NULL DEFAULT false,
  conflicts text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX highlight_revisions_highlight ON highlight_revisions(highlight_id, seq);

-- Every push operation applied, by the id its client gave it: a retried push is applied once.
CREATE TABLE applied_ops (
  op_id uuid PRIMARY KEY,
  result jsonb NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE saved_searches (
  id serial PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id),
  name text NOT NULL,
  query text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, name)
);
`

/**
 * The search vectors move out of `articles` into a narrow table of their own, holding live
 * articles only. Finding matches through the GIN index still visits each matching row, and an
 * `articles` row is ~800 bytes (ten to a page): counting a word found in every article read
 * the whole table. Here a row is an id, a length and a pointer to the (toasted) vector — 130
 * to a page — and needs no `deleted_at` check.
 */
const M2 = `
CREATE TABLE article_search (
  article_id bigint PRIMARY KEY REFERENCES articles(id),
  -- Words in title, byline, outlet, text and tags as the local index counts them: the length bm25 normalises by.
  tokens int NOT NULL,
  search tsvector NOT NULL
);
INSERT INTO article_search(article_id, tokens, search) SELECT id, tokens, search FROM articles WHERE deleted_at IS NULL ORDER BY id;
-- Ranking reads term rarity from the planner's statistics of this column (src/team/rank.ts): keep many.
ALTER TABLE article_search ALTER COLUMN search SET STATISTICS 1000;
CREATE INDEX article_search_search ON article_search USING gin(search);
DROP INDEX articles_search;
ALTER TABLE articles DROP COLUMN search, DROP COLUMN tokens;
ANALYZE article_search;
`

/**
 * Each article carries the tags of its live highlights (`htags_lc`, kept by a trigger), so that
 * `tag:` — an article's tag or one of its highlights' — is two GIN conditions on the article:
 * PostgreSQL ORs two bitmaps, and checking a row is two array tests instead of a search through
 * every highlight carrying the tag (143 ms of CPU for `ceasefire tag:Syria after:2018` at
 * 100,000 articles).
 */
const M3 = `
ALTER TABLE articles ADD COLUMN htags_lc text[] NOT NULL DEFAULT '{}';
UPDATE articles a SET htags_lc = t.tags
  FROM (SELECT h.article_id, array_agg(DISTINCT x ORDER BY x) AS tags FROM highlights h, unnest(h.tags_lc) x WHERE h.deleted_at IS NULL GROUP BY h.article_id) t
  WHERE a.id = t.article_id;
CREATE INDEX articles_htags ON articles USING gin(htags_lc);
CREATE FUNCTION clipfile_article_htags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- OLD is NULL on INSERT and NEW on DELETE: both articles of a moved highlight are recomputed.
  UPDATE articles a SET htags_lc = coalesce(
      (SELECT array_agg(DISTINCT x ORDER BY x) FROM highlights h, unnest(h.tags_lc) x WHERE h.article_id = a.id AND h.deleted_at IS NULL), '{}')
    WHERE a.id IN (OLD.article_id, NEW.article_id);
  RETURN NULL;
END
$$;
CREATE TRIGGER highlights_article_htags AFTER INSERT OR DELETE OR UPDATE OF tags_lc, deleted_at, article_id ON highlights
  FOR EACH ROW EXECUTE FUNCTION clipfile_article_htags();
`

/**
 * Versions get their place in the article's history (`number`, 1 = oldest), kept by the
 * server when versions arrive out of order (an archive pushing the ones it had before it
 * shared, an older copy arriving after a newer one): the current version is the last, so an
 * older one never becomes current. Also how each was obtained, and a highlight's words on the
 * version it was made on. Existing versions keep the order they arrived in.
 */
const M4 = `
ALTER TABLE article_versions ADD COLUMN number int, ADD COLUMN how text;
UPDATE article_versions v SET number = o.n
  FROM (SELECT uuid, row_number() OVER (PARTITION BY article_id ORDER BY seq, pushed_at) AS n FROM article_versions) o
  WHERE v.uuid = o.uuid;
ALTER TABLE article_versions ALTER COLUMN number SET NOT NULL;
CREATE INDEX article_versions_number ON article_versions(article_id, number);
ALTER TABLE highlights ADD COLUMN original_exact text;
`

export const teamMigrations: TeamMigration[] = [
  { version: 1, name: 'initial', sql: M1 },
  { version: 2, name: 'search-table', sql: M2 },
  { version: 3, name: 'highlight-tags', sql: M3 },
  { version: 4, name: 'version-order', sql: M4 }
]
export const TEAM_SCHEMA_VERSION = teamMigrations[teamMigrations.length - 1].version

async function readVersion(c: Tx): Promise<number> {
  const exists = await c.query("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'clipfile_schema'")
  if (exists.rowCount === 0) return 0
  return (await c.query<{ version: number }>('SELECT version FROM clipfile_schema')).rows[0]?.version ?? 0
}

/** The schema version of the team database (0: empty). */
export async function teamSchemaVersion(pool: Pool): Promise<number> {
  const c = await pool.connect()
  try {
    return await readVersion(c)
  } finally {
    c.release()
  }
}

/**
 * Brings the database to this server's schema. Two servers starting at once are serialised
 * by an advisory lock; a newer schema is refused before anything is written.
 */
export async function migrateTeam(pool: Pool, list: TeamMigration[] = teamMigrations): Promise<{ from: number; to: number }> {
  const c = await pool.connect()
  try {
    await c.query('SELECT pg_advisory_lock(1920)')
    const from = await readVersion(c)
    const latest = list[list.length - 1].version
    if (from > latest) {
      throw new UserError(
        'unsupported',
        `The team database was written by a newer Clipfile server (schema ${from}; this one knows up to ${latest}). It has not been changed. Update the server.`
      )
    }
    for (const m of list) {
      if (m.version <= from) continue
      await c.query('BEGIN')
      try {
        await c.query(m.sql)
        await c.query('CREATE TABLE IF NOT EXISTS clipfile_schema (version int NOT NULL)')
        await c.query('DELETE FROM clipfile_schema')
        await c.query('INSERT INTO clipfile_schema(version) VALUES ($1)', [m.version])
        await c.query('COMMIT')
      } catch (e) {
        await c.query('ROLLBACK')
        throw new UserError('internal', `Migrating the team database to schema ${m.version} (${m.name}) failed: ${(e as Error).message}`)
      }
    }
    return { from, to: Math.max(from, latest) }
  } finally {
    await c.query('SELECT pg_advisory_unlock(1920)').catch(() => {})
    c.release()
  }
}
