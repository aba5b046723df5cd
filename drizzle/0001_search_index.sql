-- Full-text search over every searchable record (see db/search.ts for how text is segmented).
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `record_type` UNINDEXED,
  `record_id` UNINDEXED,
  `body`,
  tokenize = 'unicode61 remove_diacritics 2'
);
