-- Each outlet's categories as the directory shows them, kept beside the
-- outlet: two correlated GROUP_CONCATs for each listed outlet cost more
-- than the rest of a directory page's query (1.6 ms of its 2.4 ms at
-- 200,000 outlets). Triggers on outlet_category keep it. A bulk import
-- sets @outlet_search_deferred = 1 and writes its outlets' rows itself
-- (src/outlet_import.c). Rows of deleted outlets go with them.

CREATE TABLE IF NOT EXISTS outlet_category_summary (
  outlet_id INT UNSIGNED NOT NULL PRIMARY KEY,
  codes     VARCHAR(100) NOT NULL COMMENT 'fridge,phone,tv: by code',
  names     VARCHAR(200) NOT NULL COMMENT '彩电、手机: by sort_order',
  CONSTRAINT ocs_outlet FOREIGN KEY (outlet_id) REFERENCES outlet (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //

CREATE PROCEDURE IF NOT EXISTS outlet_category_summary_refresh(
  IN for_outlet INT UNSIGNED)
BEGIN
  DELETE FROM outlet_category_summary WHERE outlet_id = for_outlet;
  INSERT INTO outlet_category_summary (outlet_id, codes, names)
  SELECT oc.outlet_id,
    GROUP_CONCAT(oc.category_code ORDER BY oc.category_code),
    GROUP_CONCAT(c.name ORDER BY c.sort_order, c.code SEPARATOR '、')
  FROM outlet_category oc JOIN category c ON c.code = oc.category_code
  WHERE oc.outlet_id = for_outlet GROUP BY oc.outlet_id;
END//

CREATE TRIGGER IF NOT EXISTS outlet_category_summary_insert
AFTER INSERT ON outlet_category
FOR EACH ROW IF @outlet_search_deferred IS NULL THEN
  CALL outlet_category_summary_refresh(NEW.outlet_id);
END IF//

CREATE TRIGGER IF NOT EXISTS outlet_category_summary_delete
AFTER DELETE ON outlet_category
FOR EACH ROW CALL outlet_category_summary_refresh(OLD.outlet_id)//

DELIMITER ;

REPLACE INTO outlet_category_summary (outlet_id, codes, names)
SELECT oc.outlet_id,
  GROUP_CONCAT(oc.category_code ORDER BY oc.category_code),
  GROUP_CONCAT(c.name ORDER BY c.sort_order, c.code SEPARATOR '、')
FROM outlet_category oc JOIN category c ON c.code = oc.category_code
GROUP BY oc.outlet_id;
