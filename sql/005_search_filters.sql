-- Keyword search filtered and ordered inside Mroonga: the outlet search
-- table carries the fields the directory filters on, so a frequent word
-- never makes MariaDB join every matching outlet. Registration and phone
-- numbers join the searched text.

DROP TRIGGER IF EXISTS outlet_search_insert;
DROP TRIGGER IF EXISTS outlet_search_update;
DROP TRIGGER IF EXISTS enterprise_search_update;
DROP TABLE IF EXISTS outlet_search;

CREATE TABLE outlet_search (
  outlet_id     INT UNSIGNED NOT NULL PRIMARY KEY,
  body          TEXT NOT NULL,
  region_code   VARCHAR(12) NOT NULL,
  status        VARCHAR(12) NOT NULL,
  enterprise_id INT UNSIGNED NOT NULL,
  categories    VARCHAR(200) NOT NULL DEFAULT ',' COMMENT ',tv,phone,',
  FULLTEXT INDEX outlet_search_body (body)
    COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit", normalizer "NormalizerAuto"',
  KEY outlet_search_region (region_code),
  KEY outlet_search_status (status),
  KEY outlet_search_enterprise (enterprise_id)
) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4;

CREATE TRIGGER outlet_search_insert AFTER INSERT ON outlet
FOR EACH ROW REPLACE INTO outlet_search (outlet_id, body, region_code, status,
  enterprise_id, categories)
  SELECT NEW.id, CONCAT_WS(' ', NEW.name, NEW.address, e.name, NEW.reg_no,
    NEW.phone_digits), NEW.region_code, NEW.status, NEW.enterprise_id,
    CONCAT(',', COALESCE((SELECT GROUP_CONCAT(category_code ORDER BY category_code)
      FROM outlet_category WHERE outlet_id = NEW.id), ''), ',')
  FROM enterprise e WHERE e.id = NEW.enterprise_id;

CREATE TRIGGER outlet_search_update AFTER UPDATE ON outlet
FOR EACH ROW REPLACE INTO outlet_search (outlet_id, body, region_code, status,
  enterprise_id, categories)
  SELECT NEW.id, CONCAT_WS(' ', NEW.name, NEW.address, e.name, NEW.reg_no,
    NEW.phone_digits), NEW.region_code, NEW.status, NEW.enterprise_id,
    CONCAT(',', COALESCE((SELECT GROUP_CONCAT(category_code ORDER BY category_code)
      FROM outlet_category WHERE outlet_id = NEW.id), ''), ',')
  FROM enterprise e WHERE e.id = NEW.enterprise_id;

CREATE TRIGGER enterprise_search_update AFTER UPDATE ON enterprise
FOR EACH ROW UPDATE outlet_search s JOIN outlet o ON o.id = s.outlet_id
  SET s.body = CONCAT_WS(' ', o.name, o.address, NEW.name, o.reg_no, o.phone_digits)
  WHERE o.enterprise_id = NEW.id;

CREATE TRIGGER IF NOT EXISTS outlet_category_search_insert AFTER INSERT ON outlet_category
FOR EACH ROW UPDATE outlet_search SET categories = CONCAT(',', COALESCE(
  (SELECT GROUP_CONCAT(category_code ORDER BY category_code) FROM outlet_category
   WHERE outlet_id = NEW.outlet_id), ''), ',') WHERE outlet_id = NEW.outlet_id;

CREATE TRIGGER IF NOT EXISTS outlet_category_search_delete AFTER DELETE ON outlet_category
FOR EACH ROW UPDATE outlet_search SET categories = CONCAT(',', COALESCE(
  (SELECT GROUP_CONCAT(category_code ORDER BY category_code) FROM outlet_category
   WHERE outlet_id = OLD.outlet_id), ''), ',') WHERE outlet_id = OLD.outlet_id;

INSERT INTO outlet_search (outlet_id, body, region_code, status, enterprise_id,
  categories)
  SELECT o.id, CONCAT_WS(' ', o.name, o.address, e.name, o.reg_no, o.phone_digits),
    o.region_code, o.status, o.enterprise_id,
    CONCAT(',', COALESCE((SELECT GROUP_CONCAT(category_code ORDER BY category_code)
      FROM outlet_category WHERE outlet_id = o.id), ''), ',')
  FROM outlet o JOIN enterprise e ON e.id = o.enterprise_id;
