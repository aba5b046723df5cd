-- Full-text search over every searchable record: PostgreSQL's twin of SQLite's FTS5 table
-- (drizzle/0001_search_index.sql), written with the same bodies (db/search.ts segments each Han,
-- Hangul and Kana character into its own token). The vector is made as FTS5's unicode61 tokenizer
-- with remove_diacritics makes its tokens: diacritics dropped, lower case, every run of characters
-- that are neither letters nor digits a separator (so "x@example.com" gives x, example, com).
-- ICU's classes and case rules make that the same whatever the database's locale; the 'simple'
-- configuration then adds no stemming and no stop words. db/search-pg.ts builds the queries.
CREATE TABLE "search_index" (
	"record_type" text NOT NULL,
	"record_id" integer NOT NULL,
	"body" text NOT NULL,
	"tsv" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, lower(regexp_replace(
		normalize(regexp_replace(normalize("body", NFD), '[\u0300-\u036f]+', '', 'g'), NFC) COLLATE "und-x-icu",
		'[^[:alnum:]]+', ' ', 'g')))) STORED,
	CONSTRAINT "search_index_pkey" PRIMARY KEY ("record_type", "record_id")
);
--> statement-breakpoint
CREATE INDEX "search_index_tsv_idx" ON "search_index" USING gin ("tsv");
