-- The weekly report's counts summed by province, kept from
-- complaint_week_tally (sql/031) by its own triggers, so that the whole
-- country's report reads a few thousand rows instead of every township's.
-- By province rather than one national row: complaints filed at once in
-- different provinces do not wait on each other's counts.
--
-- province is the first two digits of the township's code; '' for steps
-- kept without a region.

CREATE TABLE IF NOT EXISTS complaint_week_province (
  week      DATE NOT NULL COMMENT 'the Monday of the ISO week',
  kind      ENUM('received','accepted','rejected','resolved','overdue',
              'escalated','transferred') NOT NULL,
  province  VARCHAR(2) NOT NULL,
  category  VARCHAR(24) NOT NULL,
  channel   ENUM('web', 'open311', 'phone', 'letter', 'visit',
              'hotline_12345', 'hotline_12315') NOT NULL,
  n         INT NOT NULL,
  PRIMARY KEY (kind, week, province, category, channel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //

-- Adds n to one province's count.
CREATE OR REPLACE PROCEDURE week_province_add(p_week DATE,
    p_kind VARCHAR(12), p_region VARCHAR(12), p_category VARCHAR(24),
    p_channel VARCHAR(16), p_n INT)
BEGIN
  IF p_n <> 0 THEN
    INSERT INTO complaint_week_province (week, kind, province, category,
      channel, n)
    VALUES (p_week, p_kind, LEFT(p_region, 2), p_category, p_channel, p_n)
    ON DUPLICATE KEY UPDATE n = n + p_n;
  END IF;
END//

-- An upsert's insert fires the insert trigger, its update the update one.
CREATE OR REPLACE TRIGGER week_province_ins AFTER INSERT
ON complaint_week_tally FOR EACH ROW
  CALL week_province_add(NEW.week, NEW.kind, NEW.region, NEW.category,
    NEW.channel, NEW.n)//

CREATE OR REPLACE TRIGGER week_province_del AFTER DELETE
ON complaint_week_tally FOR EACH ROW
  CALL week_province_add(OLD.week, OLD.kind, OLD.region, OLD.category,
    OLD.channel, -OLD.n)//

CREATE OR REPLACE TRIGGER week_province_upd AFTER UPDATE
ON complaint_week_tally FOR EACH ROW BEGIN
  IF NEW.week <=> OLD.week AND NEW.kind <=> OLD.kind AND
      LEFT(NEW.region, 2) <=> LEFT(OLD.region, 2) AND
      NEW.category <=> OLD.category AND NEW.channel <=> OLD.channel THEN
    CALL week_province_add(NEW.week, NEW.kind, NEW.region, NEW.category,
      NEW.channel, NEW.n - OLD.n);
  ELSE
    CALL week_province_add(OLD.week, OLD.kind, OLD.region, OLD.category,
      OLD.channel, -OLD.n);
    CALL week_province_add(NEW.week, NEW.kind, NEW.region, NEW.category,
      NEW.channel, NEW.n);
  END IF;
END//

DELIMITER ;

-- Summed again from the townships' counts; the tally's rows are read
-- under lock, so a complaint filed meanwhile is counted once.
START TRANSACTION;
DELETE FROM complaint_week_province;
INSERT INTO complaint_week_province (week, kind, province, category,
  channel, n)
SELECT week, kind, LEFT(region, 2), category, channel, SUM(n)
FROM complaint_week_tally GROUP BY week, kind, LEFT(region, 2), category,
  channel;
COMMIT;
