-- The public statistics of the whole country or a year take seconds to
-- count at a million complaints: they are counted by one worker at a time
-- and kept here for every worker, as HDF text (hdf_write_string), each
-- filter in its own row. A worker that finds its filter's numbers older
-- than five minutes shows them and counts them again after answering.

CREATE TABLE IF NOT EXISTS stats_snapshot (
  region      VARCHAR(6) NOT NULL COMMENT 'region code prefix; empty: all',
  year        SMALLINT UNSIGNED NOT NULL COMMENT '0: every year',
  computed_at DATETIME NOT NULL,
  data        MEDIUMTEXT NOT NULL,
  PRIMARY KEY (region, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
