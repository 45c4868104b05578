-- The channel each complaint came by: the web form ('web'), Open311
-- ('open311'), or taken by staff: a phone call, a letter, a visit, or
-- handed over by the 12345 or 12315 hotline. For those staff typed in,
-- the account that did (NULL for the public's own). The codes are those
-- of the table in src/domain/complaint_channel.c (its unit test reads
-- this list back).
--
-- Open311 filings made before this migration cannot be told from the
-- web form's: both went through the same filing with a random form token,
-- and neither the key nor anything else of Open311 was kept. So every
-- complaint filed so far is 'web'; Open311 files 'open311' from now on.
--
-- The statistics count by channel as they count by category and status,
-- from complaint_stats (sql/007_stats.sql): channel joins the end of that
-- index so that it still holds every column they read. The numbers kept
-- for every worker (stats_snapshot) have no channels yet: dropped, and
-- counted again when next asked for.

ALTER TABLE complaint
  ADD COLUMN IF NOT EXISTS channel ENUM('web', 'open311', 'phone', 'letter',
    'visit', 'hotline_12345', 'hotline_12315') NOT NULL DEFAULT 'web'
    COMMENT 'how it came: the web form, Open311, or taken by staff',
  ADD COLUMN IF NOT EXISTS entered_by INT UNSIGNED NULL
    COMMENT 'staff.id of who typed it in; NULL: filed by the public',
  DROP KEY IF EXISTS complaint_stats,
  ADD KEY complaint_stats (outlet_region, submitted_at, category, status,
    is_demo, accepted_at, resolved_at, accept_due, resolve_due, channel);

DELETE FROM stats_snapshot;
ALTER TABLE stats_snapshot MODIFY data MEDIUMTEXT NOT NULL
  COMMENT 'JSON: {total, demo, category, status, channel, county, month, accept, resolve}';
