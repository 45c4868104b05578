-- The kept statistics hold their numbers as a JSON document (counts by
-- category, status, county and month, the waits' counts and medians),
-- not the page data they used to be kept as: the charts are laid out when
-- the page is drawn. Rows of the old form are dropped; the workers count
-- them again when they are next asked for.

DELETE FROM stats_snapshot;
ALTER TABLE stats_snapshot MODIFY data MEDIUMTEXT NOT NULL
  COMMENT 'JSON: {total, demo, category, status, county, month, accept, resolve}';
