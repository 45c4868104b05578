-- Each outlet as its card in the directory shows it, with its enterprise's
-- name and its categories, stored in the directory's order: a region's
-- first page by status is one range of this table's primary key, where
-- the outlet's index led to 20 outlet rows, 20 enterprises and 20
-- category summaries (the statement's 220 us became 115). Kept by
-- triggers on outlet, enterprise and outlet_category_summary, in the same
-- transaction as the change. A bulk import (@outlet_search_deferred = 1,
-- sql/010) writes a batch's cards itself in one statement, after the
-- batch's category summaries (build_cards in src/import/outlet_save.c),
-- as a card a row made 50,000 outlets take 22.9 s instead of 13.5 s.

CREATE TABLE IF NOT EXISTS outlet_card (
  status         ENUM('active','suspended','cancelled') NOT NULL,
  region_code    VARCHAR(12) NOT NULL,
  reg_no         VARCHAR(32) NOT NULL,
  id             INT UNSIGNED NOT NULL,
  name           VARCHAR(100) NOT NULL,
  enterprise_id  INT UNSIGNED NOT NULL,
  enterprise     VARCHAR(100) NOT NULL,
  mode           ENUM('direct','franchise','authorised') NOT NULL,
  address        VARCHAR(200) NOT NULL,
  phone          VARCHAR(32) NOT NULL,
  services       SET('delivery','install','teach','repair') NOT NULL,
  status_since   DATE NOT NULL,
  status_reason  VARCHAR(200) NOT NULL,
  registered_on  DATE NOT NULL,
  is_demo        TINYINT(1) NOT NULL,
  categories     VARCHAR(200) NULL COMMENT 'outlet_category_summary.names',
  category_codes VARCHAR(100) NULL COMMENT 'outlet_category_summary.codes',
  PRIMARY KEY (status, region_code, reg_no),
  UNIQUE KEY outlet_card_id (id),
  KEY outlet_card_enterprise (enterprise_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //

CREATE OR REPLACE TRIGGER outlet_card_ins AFTER INSERT ON outlet
FOR EACH ROW IF @outlet_search_deferred IS NULL THEN
  INSERT INTO outlet_card (status, region_code, reg_no, id, name,
    enterprise_id, enterprise, mode, address, phone, services, status_since,
    status_reason, registered_on, is_demo, categories, category_codes)
  SELECT NEW.status, NEW.region_code, NEW.reg_no, NEW.id, NEW.name,
    NEW.enterprise_id, e.name, NEW.mode, NEW.address, NEW.phone,
    NEW.services, NEW.status_since, NEW.status_reason, NEW.registered_on,
    NEW.is_demo, s.names, s.codes
  FROM enterprise e
  LEFT JOIN outlet_category_summary s ON s.outlet_id = NEW.id
  WHERE e.id = NEW.enterprise_id;
END IF//

-- A new status or township moves the row to its place in the key.
CREATE OR REPLACE TRIGGER outlet_card_upd AFTER UPDATE ON outlet
FOR EACH ROW
  UPDATE outlet_card SET status = NEW.status,
    region_code = NEW.region_code, reg_no = NEW.reg_no, name = NEW.name,
    enterprise_id = NEW.enterprise_id,
    enterprise = (SELECT e.name FROM enterprise e
                  WHERE e.id = NEW.enterprise_id),
    mode = NEW.mode, address = NEW.address, phone = NEW.phone,
    services = NEW.services, status_since = NEW.status_since,
    status_reason = NEW.status_reason, registered_on = NEW.registered_on,
    is_demo = NEW.is_demo
  WHERE id = NEW.id//

CREATE OR REPLACE TRIGGER outlet_card_del AFTER DELETE ON outlet
FOR EACH ROW
  DELETE FROM outlet_card WHERE id = OLD.id//

-- Compared as bytes: a change of case is a change of name.
CREATE OR REPLACE TRIGGER enterprise_card_upd AFTER UPDATE ON enterprise
FOR EACH ROW
  IF NOT (BINARY NEW.name <=> BINARY OLD.name) THEN
    UPDATE outlet_card SET enterprise = NEW.name
    WHERE enterprise_id = NEW.id;
  END IF//

-- A summary's names and codes onto its outlet's card (NULL: none left).
CREATE OR REPLACE PROCEDURE outlet_card_categories(p_outlet INT UNSIGNED,
    p_names VARCHAR(200), p_codes VARCHAR(100))
BEGIN
  IF @outlet_search_deferred IS NULL THEN
    UPDATE outlet_card SET categories = p_names, category_codes = p_codes
    WHERE id = p_outlet;
  END IF;
END//

CREATE OR REPLACE TRIGGER outlet_card_categories_ins AFTER INSERT
ON outlet_category_summary FOR EACH ROW
  CALL outlet_card_categories(NEW.outlet_id, NEW.names, NEW.codes)//

CREATE OR REPLACE TRIGGER outlet_card_categories_upd AFTER UPDATE
ON outlet_category_summary FOR EACH ROW
  CALL outlet_card_categories(NEW.outlet_id, NEW.names, NEW.codes)//

CREATE OR REPLACE TRIGGER outlet_card_categories_del AFTER DELETE
ON outlet_category_summary FOR EACH ROW
  CALL outlet_card_categories(OLD.outlet_id, NULL, NULL)//

DELIMITER ;

-- Filled from the outlets read under lock, so an outlet written meanwhile
-- is carded once.
START TRANSACTION;
DELETE FROM outlet_card;
INSERT INTO outlet_card (status, region_code, reg_no, id, name,
  enterprise_id, enterprise, mode, address, phone, services, status_since,
  status_reason, registered_on, is_demo, categories, category_codes)
SELECT o.status, o.region_code, o.reg_no, o.id, o.name, o.enterprise_id,
  e.name, o.mode, o.address, o.phone, o.services, o.status_since,
  o.status_reason, o.registered_on, o.is_demo, s.names, s.codes
FROM outlet o JOIN enterprise e ON e.id = o.enterprise_id
LEFT JOIN outlet_category_summary s ON s.outlet_id = o.id
LOCK IN SHARE MODE;
COMMIT;
