-- Bulk outlet imports: one Mroonga write per outlet and per category row
-- makes 50,000 outlets take about a minute. A session that sets
-- @outlet_search_deferred = 1 skips these two triggers and writes the
-- search rows of a whole batch in one statement itself (build_search in
-- src/outlet_import.c, the same row as below). Every other session is
-- served by the triggers as before.

DROP TRIGGER IF EXISTS outlet_search_insert;
DROP TRIGGER IF EXISTS outlet_category_search_insert;

DELIMITER //

CREATE TRIGGER outlet_search_insert AFTER INSERT ON outlet
FOR EACH ROW IF @outlet_search_deferred IS NULL THEN
  REPLACE INTO outlet_search (outlet_id, body, region_code, status,
    enterprise_id, categories)
  SELECT NEW.id, CONCAT_WS(' ', NEW.name, NEW.address, e.name, NEW.reg_no,
    NEW.phone_digits), NEW.region_code, NEW.status, NEW.enterprise_id,
    CONCAT(',', COALESCE((SELECT GROUP_CONCAT(category_code ORDER BY category_code)
      FROM outlet_category WHERE outlet_id = NEW.id), ''), ',')
  FROM enterprise e WHERE e.id = NEW.enterprise_id;
END IF//

CREATE TRIGGER outlet_category_search_insert AFTER INSERT ON outlet_category
FOR EACH ROW IF @outlet_search_deferred IS NULL THEN
  UPDATE outlet_search SET categories = CONCAT(',', COALESCE(
    (SELECT GROUP_CONCAT(category_code ORDER BY category_code) FROM outlet_category
     WHERE outlet_id = NEW.outlet_id), ''), ',') WHERE outlet_id = NEW.outlet_id;
END IF//

DELIMITER ;
