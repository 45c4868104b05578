-- A card's two dates as the card shows them (YYYY-MM-DD), not as DATEs: the
-- directory's first pages read them as they are, where formatting forty
-- dates a page took 12 us of the server's 115 for a county's page. The
-- triggers and the importer still write the outlet's DATEs; MariaDB
-- writes a DATE into a CHAR column as YYYY-MM-DD.

ALTER TABLE outlet_card
  MODIFY status_since CHAR(10) CHARACTER SET ascii NOT NULL
    COMMENT 'outlet.status_since, YYYY-MM-DD',
  MODIFY registered_on CHAR(10) CHARACTER SET ascii NOT NULL
    COMMENT 'outlet.registered_on, YYYY-MM-DD';
