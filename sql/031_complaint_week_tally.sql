-- The weekly report's counts, kept by week, township, category and
-- channel as complaints and their steps change (as complaint_tally,
-- sql/021, keeps the queue's), so that src/domain/stats_week.c reads a
-- week's few rows instead of scanning the complaints of every kind.
--
-- week is the Monday of the ISO week. received, accepted, rejected and
-- resolved count the complaints done in that week by their present
-- region, category, channel and status, as the report always has;
-- escalated and transferred the steps of that week where they were
-- handled then (complaint_event.region). overdue is kept as changes: +1
-- in the first week at whose end a complaint was past a deadline and not
-- done, -1 in the first week at whose end it no longer was, so a week's
-- overdue is the sum of every week up to it.
--
-- The triggers take a row's old contribution away and add the new one;
-- the backfill at the end counts everything again and can be run again.

CREATE TABLE IF NOT EXISTS complaint_week_tally (
  week      DATE NOT NULL COMMENT 'the Monday of the ISO week',
  kind      ENUM('received','accepted','rejected','resolved','overdue',
              'escalated','transferred') NOT NULL,
  region    VARCHAR(12) NOT NULL,
  category  VARCHAR(24) NOT NULL,
  channel   ENUM('web', 'open311', 'phone', 'letter', 'visit',
              'hotline_12345', 'hotline_12315') NOT NULL,
  n         INT NOT NULL,
  PRIMARY KEY (kind, week, region, category, channel),
  KEY week_tally_region (region, kind, week)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The Monday of a day's ISO week.
CREATE OR REPLACE FUNCTION week_monday(d DATETIME) RETURNS DATE DETERMINISTIC
  RETURN DATE(d) - INTERVAL WEEKDAY(d) DAY;

DELIMITER //

-- Adds n to one count; nothing for a week that never came (NULL).
CREATE OR REPLACE PROCEDURE week_tally_add(p_week DATE, p_kind VARCHAR(12),
    p_region VARCHAR(12), p_category VARCHAR(24), p_channel VARCHAR(16),
    p_n INT)
BEGIN
  IF p_week IS NOT NULL THEN
    INSERT INTO complaint_week_tally (week, kind, region, category, channel, n)
    VALUES (p_week, p_kind, p_region, p_category, p_channel, p_n)
    ON DUPLICATE KEY UPDATE n = n + p_n;
  END IF;
END//

-- Overdue from the week containing since (past due and submitted) up to,
-- not including, the week containing until (done); NULL: still overdue.
CREATE OR REPLACE PROCEDURE week_tally_overdue(p_since DATE, p_until DATETIME,
    p_region VARCHAR(12), p_category VARCHAR(24), p_channel VARCHAR(16),
    p_n INT)
BEGIN
  IF p_since IS NOT NULL AND (p_until IS NULL OR
      week_monday(p_until) > week_monday(p_since)) THEN
    CALL week_tally_add(week_monday(p_since), 'overdue', p_region,
      p_category, p_channel, p_n);
    CALL week_tally_add(week_monday(p_until), 'overdue', p_region,
      p_category, p_channel, -p_n);
  END IF;
END//

-- One complaint's counts, times n (1 to add, -1 to take away): the
-- conditions of the report's scanning statement, week by week.
CREATE OR REPLACE PROCEDURE complaint_week_count(p_region VARCHAR(12),
    p_category VARCHAR(24), p_channel VARCHAR(16), p_status VARCHAR(16),
    p_submitted DATETIME, p_accept_due DATE, p_accepted DATETIME,
    p_resolve_due DATE, p_resolved DATETIME, p_n INT)
BEGIN
  CALL week_tally_add(week_monday(p_submitted), 'received', p_region,
    p_category, p_channel, p_n);
  CALL week_tally_add(week_monday(p_accepted), 'accepted', p_region,
    p_category, p_channel, p_n);
  -- A rejection closes the complaint: its time is kept in resolved_at.
  IF p_status = 'rejected' THEN
    CALL week_tally_add(week_monday(p_resolved), 'rejected', p_region,
      p_category, p_channel, p_n);
  END IF;
  IF p_accepted IS NOT NULL THEN
    CALL week_tally_add(week_monday(p_resolved), 'resolved', p_region,
      p_category, p_channel, p_n);
  END IF;
  -- Not accepted in time: until accepted, else until closed.
  CALL week_tally_overdue(GREATEST(DATE(p_submitted), p_accept_due),
    COALESCE(p_accepted, p_resolved), p_region, p_category, p_channel, p_n);
  -- Not resolved in time once accepted: until closed.
  CALL week_tally_overdue(GREATEST(DATE(p_submitted), DATE(p_accepted),
    p_resolve_due), p_resolved, p_region, p_category, p_channel, p_n);
END//

-- A complaint's steps counted again under another category or channel.
CREATE OR REPLACE PROCEDURE complaint_week_steps(p_id INT UNSIGNED,
    p_category VARCHAR(24), p_channel VARCHAR(16), p_n INT)
BEGIN
  INSERT INTO complaint_week_tally (week, kind, region, category, channel, n)
  SELECT week_monday(e.at), e.kind, COALESCE(e.region, ''), p_category,
    p_channel, p_n * COUNT(*)
  FROM complaint_event e WHERE e.complaint_id = p_id
  AND e.kind IN ('escalated', 'transferred')
  GROUP BY week_monday(e.at), e.kind, COALESCE(e.region, '')
  ON DUPLICATE KEY UPDATE n = n + VALUES(n);
END//

CREATE OR REPLACE TRIGGER complaint_week_ins AFTER INSERT ON complaint
FOR EACH ROW
  CALL complaint_week_count(NEW.outlet_region, NEW.category, NEW.channel,
    NEW.status, NEW.submitted_at, NEW.accept_due, NEW.accepted_at,
    NEW.resolve_due, NEW.resolved_at, 1)//

CREATE OR REPLACE TRIGGER complaint_week_del AFTER DELETE ON complaint
FOR EACH ROW
  CALL complaint_week_count(OLD.outlet_region, OLD.category, OLD.channel,
    OLD.status, OLD.submitted_at, OLD.accept_due, OLD.accepted_at,
    OLD.resolve_due, OLD.resolved_at, -1)//

CREATE OR REPLACE TRIGGER complaint_week_upd AFTER UPDATE ON complaint
FOR EACH ROW BEGIN
  IF NOT (NEW.outlet_region <=> OLD.outlet_region AND
      NEW.category <=> OLD.category AND NEW.channel <=> OLD.channel AND
      NEW.status <=> OLD.status AND NEW.submitted_at <=> OLD.submitted_at AND
      NEW.accept_due <=> OLD.accept_due AND
      NEW.accepted_at <=> OLD.accepted_at AND
      NEW.resolve_due <=> OLD.resolve_due AND
      NEW.resolved_at <=> OLD.resolved_at) THEN
    CALL complaint_week_count(OLD.outlet_region, OLD.category, OLD.channel,
      OLD.status, OLD.submitted_at, OLD.accept_due, OLD.accepted_at,
      OLD.resolve_due, OLD.resolved_at, -1);
    CALL complaint_week_count(NEW.outlet_region, NEW.category, NEW.channel,
      NEW.status, NEW.submitted_at, NEW.accept_due, NEW.accepted_at,
      NEW.resolve_due, NEW.resolved_at, 1);
  END IF;
  IF NOT (NEW.category <=> OLD.category AND NEW.channel <=> OLD.channel) THEN
    CALL complaint_week_steps(OLD.id, OLD.category, OLD.channel, -1);
    CALL complaint_week_steps(NEW.id, NEW.category, NEW.channel, 1);
  END IF;
END//

CREATE OR REPLACE TRIGGER complaint_week_step_ins AFTER INSERT
ON complaint_event FOR EACH ROW
  IF NEW.kind IN ('escalated', 'transferred') THEN
    INSERT INTO complaint_week_tally (week, kind, region, category, channel, n)
    SELECT week_monday(NEW.at), NEW.kind, COALESCE(NEW.region, ''),
      c.category, c.channel, 1 FROM complaint c WHERE c.id = NEW.complaint_id
    ON DUPLICATE KEY UPDATE n = n + 1;
  END IF//

CREATE OR REPLACE TRIGGER complaint_week_step_del AFTER DELETE
ON complaint_event FOR EACH ROW
  IF OLD.kind IN ('escalated', 'transferred') THEN
    UPDATE complaint_week_tally t JOIN complaint c ON c.id = OLD.complaint_id
    SET t.n = t.n - 1 WHERE t.week = week_monday(OLD.at)
    AND t.kind = OLD.kind AND t.region = COALESCE(OLD.region, '')
    AND t.category = c.category AND t.channel = c.channel;
  END IF//

CREATE OR REPLACE TRIGGER complaint_week_step_upd AFTER UPDATE
ON complaint_event FOR EACH ROW
  IF NOT (NEW.kind <=> OLD.kind AND NEW.at <=> OLD.at AND
      NEW.region <=> OLD.region AND NEW.complaint_id <=> OLD.complaint_id) THEN
    IF OLD.kind IN ('escalated', 'transferred') THEN
      UPDATE complaint_week_tally t JOIN complaint c ON c.id = OLD.complaint_id
      SET t.n = t.n - 1 WHERE t.week = week_monday(OLD.at)
      AND t.kind = OLD.kind AND t.region = COALESCE(OLD.region, '')
      AND t.category = c.category AND t.channel = c.channel;
    END IF;
    IF NEW.kind IN ('escalated', 'transferred') THEN
      INSERT INTO complaint_week_tally (week, kind, region, category,
        channel, n)
      SELECT week_monday(NEW.at), NEW.kind, COALESCE(NEW.region, ''),
        c.category, c.channel, 1 FROM complaint c
      WHERE c.id = NEW.complaint_id
      ON DUPLICATE KEY UPDATE n = n + 1;
    END IF;
  END IF//

DELIMITER ;

-- Everything counted again from the complaints and their steps.
START TRANSACTION;
DELETE FROM complaint_week_tally;
INSERT INTO complaint_week_tally (week, kind, region, category, channel, n)
SELECT week, kind, region, category, channel, SUM(n) FROM (
  SELECT week_monday(submitted_at) AS week, 'received' AS kind,
    outlet_region AS region, category, channel, 1 AS n FROM complaint
  UNION ALL SELECT week_monday(accepted_at), 'accepted', outlet_region,
    category, channel, 1 FROM complaint WHERE accepted_at IS NOT NULL
  UNION ALL SELECT week_monday(resolved_at), 'rejected', outlet_region,
    category, channel, 1 FROM complaint
  WHERE status = 'rejected' AND resolved_at IS NOT NULL
  UNION ALL SELECT week_monday(resolved_at), 'resolved', outlet_region,
    category, channel, 1 FROM complaint
  WHERE accepted_at IS NOT NULL AND resolved_at IS NOT NULL
  UNION ALL SELECT week_monday(e.at), e.kind, COALESCE(e.region, ''),
    c.category, c.channel, 1 FROM complaint_event e
  JOIN complaint c ON c.id = e.complaint_id
  WHERE e.kind IN ('escalated', 'transferred')
  -- Overdue, as complaint_week_count and week_tally_overdue count it.
  UNION ALL SELECT week_monday(GREATEST(DATE(submitted_at), accept_due)),
    'overdue', outlet_region, category, channel, 1 FROM complaint
  WHERE accept_due IS NOT NULL AND (COALESCE(accepted_at, resolved_at) IS NULL
    OR week_monday(COALESCE(accepted_at, resolved_at))
       > week_monday(GREATEST(DATE(submitted_at), accept_due)))
  UNION ALL SELECT week_monday(COALESCE(accepted_at, resolved_at)),
    'overdue', outlet_region, category, channel, -1 FROM complaint
  WHERE accept_due IS NOT NULL
    AND week_monday(COALESCE(accepted_at, resolved_at))
      > week_monday(GREATEST(DATE(submitted_at), accept_due))
  UNION ALL SELECT week_monday(GREATEST(DATE(submitted_at), DATE(accepted_at),
    resolve_due)), 'overdue', outlet_region, category, channel, 1
  FROM complaint WHERE accepted_at IS NOT NULL AND resolve_due IS NOT NULL
  AND (resolved_at IS NULL OR week_monday(resolved_at) > week_monday(
    GREATEST(DATE(submitted_at), DATE(accepted_at), resolve_due)))
  UNION ALL SELECT week_monday(resolved_at), 'overdue', outlet_region,
    category, channel, -1 FROM complaint
  WHERE accepted_at IS NOT NULL AND resolve_due IS NOT NULL
  AND week_monday(resolved_at) > week_monday(
    GREATEST(DATE(submitted_at), DATE(accepted_at), resolve_due))
) d GROUP BY week, kind, region, category, channel;
COMMIT;
