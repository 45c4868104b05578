-- How many outlets each county has in each status, kept from the
-- townships' tallies (sql/017) by their own triggers: the county page's
-- count is one row read by its key, where summing its townships' rows
-- took about 70 us of the statement's 250. By county and no higher: an
-- outlet import holds its counties' rows until it commits, and a
-- province's or the country's row would hold every other change there.

CREATE TABLE IF NOT EXISTS outlet_county_tally (
  county_code VARCHAR(6) NOT NULL,
  status      ENUM('active','suspended','cancelled') NOT NULL,
  n           INT NOT NULL,
  PRIMARY KEY (county_code, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //

-- Adds n to the count of the county of a township's code.
CREATE OR REPLACE PROCEDURE outlet_county_add(p_region VARCHAR(12),
    p_status VARCHAR(16), p_n INT)
BEGIN
  IF p_n <> 0 THEN
    INSERT INTO outlet_county_tally (county_code, status, n)
    VALUES (LEFT(p_region, 6), p_status, p_n)
    ON DUPLICATE KEY UPDATE n = n + p_n;
  END IF;
END//

-- An upsert's insert fires the insert trigger, its update the update one.
CREATE OR REPLACE TRIGGER outlet_county_ins AFTER INSERT
ON outlet_tally FOR EACH ROW
  CALL outlet_county_add(NEW.region_code, NEW.status, NEW.n)//

CREATE OR REPLACE TRIGGER outlet_county_del AFTER DELETE
ON outlet_tally FOR EACH ROW
  CALL outlet_county_add(OLD.region_code, OLD.status, -OLD.n)//

CREATE OR REPLACE TRIGGER outlet_county_upd AFTER UPDATE
ON outlet_tally FOR EACH ROW BEGIN
  IF LEFT(NEW.region_code, 6) <=> LEFT(OLD.region_code, 6) AND
      NEW.status <=> OLD.status THEN
    CALL outlet_county_add(NEW.region_code, NEW.status, NEW.n - OLD.n);
  ELSE
    CALL outlet_county_add(OLD.region_code, OLD.status, -OLD.n);
    CALL outlet_county_add(NEW.region_code, NEW.status, NEW.n);
  END IF;
END//

DELIMITER ;

-- Summed again from the townships' counts, read under lock, so an outlet
-- written meanwhile is counted once.
START TRANSACTION;
DELETE FROM outlet_county_tally;
INSERT INTO outlet_county_tally (county_code, status, n)
SELECT LEFT(region_code, 6), status, SUM(n)
FROM outlet_tally GROUP BY LEFT(region_code, 6), status;
COMMIT;
