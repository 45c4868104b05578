-- The outlet directory and product catalogue at national scale: indexes for
-- region, status and enterprise filters, normalised model numbers and phone
-- numbers for exact checks, and Mroonga bigram indexes for Chinese keyword
-- search, kept in step with the records by triggers.

ALTER TABLE outlet
  ADD COLUMN IF NOT EXISTS phone_digits VARCHAR(32)
    AS (REPLACE(REPLACE(REPLACE(phone, '-', ''), ' ', ''), '+86', '')) PERSISTENT,
  DROP KEY IF EXISTS outlet_region,
  ADD KEY IF NOT EXISTS outlet_region_regno (region_code, reg_no),
  ADD KEY IF NOT EXISTS outlet_status_region (status, region_code, reg_no),
  ADD KEY IF NOT EXISTS outlet_enterprise_region (enterprise_id, region_code),
  ADD KEY IF NOT EXISTS outlet_phone_digits (phone_digits);

ALTER TABLE product
  ADD COLUMN IF NOT EXISTS model_key VARCHAR(64)
    AS (UPPER(REPLACE(REPLACE(REPLACE(model, ' ', ''), '-', ''), '/', ''))) PERSISTENT,
  ADD KEY IF NOT EXISTS product_model_key (model_key),
  ADD KEY IF NOT EXISTS product_list (status, category_code, brand, model);

-- Search text per outlet: its name, address and sales enterprise.
CREATE TABLE IF NOT EXISTS outlet_search (
  outlet_id INT UNSIGNED NOT NULL PRIMARY KEY,
  body      TEXT NOT NULL,
  FULLTEXT INDEX outlet_search_body (body)
    COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit", normalizer "NormalizerAuto"'
) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4;

-- Search text per product: brand, manufacturer, model and specification.
CREATE TABLE IF NOT EXISTS product_search (
  product_id INT UNSIGNED NOT NULL PRIMARY KEY,
  body       TEXT NOT NULL,
  FULLTEXT INDEX product_search_body (body)
    COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit", normalizer "NormalizerAuto"'
) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4;

CREATE TRIGGER IF NOT EXISTS outlet_search_insert AFTER INSERT ON outlet
FOR EACH ROW REPLACE INTO outlet_search (outlet_id, body)
  SELECT NEW.id, CONCAT_WS(' ', NEW.name, NEW.address, e.name)
  FROM enterprise e WHERE e.id = NEW.enterprise_id;

CREATE TRIGGER IF NOT EXISTS outlet_search_update AFTER UPDATE ON outlet
FOR EACH ROW REPLACE INTO outlet_search (outlet_id, body)
  SELECT NEW.id, CONCAT_WS(' ', NEW.name, NEW.address, e.name)
  FROM enterprise e WHERE e.id = NEW.enterprise_id;

CREATE TRIGGER IF NOT EXISTS outlet_search_delete AFTER DELETE ON outlet
FOR EACH ROW DELETE FROM outlet_search WHERE outlet_id = OLD.id;

CREATE TRIGGER IF NOT EXISTS enterprise_search_update AFTER UPDATE ON enterprise
FOR EACH ROW REPLACE INTO outlet_search (outlet_id, body)
  SELECT o.id, CONCAT_WS(' ', o.name, o.address, NEW.name)
  FROM outlet o WHERE o.enterprise_id = NEW.id;

CREATE TRIGGER IF NOT EXISTS product_search_insert AFTER INSERT ON product
FOR EACH ROW REPLACE INTO product_search (product_id, body)
  VALUES (NEW.id, CONCAT_WS(' ', NEW.brand, NEW.manufacturer, NEW.model, NEW.spec));

CREATE TRIGGER IF NOT EXISTS product_search_update AFTER UPDATE ON product
FOR EACH ROW REPLACE INTO product_search (product_id, body)
  VALUES (NEW.id, CONCAT_WS(' ', NEW.brand, NEW.manufacturer, NEW.model, NEW.spec));

CREATE TRIGGER IF NOT EXISTS product_search_delete AFTER DELETE ON product
FOR EACH ROW DELETE FROM product_search WHERE product_id = OLD.id;

-- Rows that existed before the triggers.
REPLACE INTO outlet_search (outlet_id, body)
  SELECT o.id, CONCAT_WS(' ', o.name, o.address, e.name)
  FROM outlet o JOIN enterprise e ON e.id = o.enterprise_id;
REPLACE INTO product_search (product_id, body)
  SELECT id, CONCAT_WS(' ', brand, manufacturer, model, spec) FROM product;
