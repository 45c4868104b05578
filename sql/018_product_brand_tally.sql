-- How many products each brand has in each category and status, kept by
-- triggers: the catalogue's brand lists read these few hundred rows by
-- their primary key. Read from product's own indexes, the lists needed an
-- index-only plan, which MariaDB 10.11 stops choosing for a prepared
-- statement once the same connection has read other columns of product
-- (every catalogue page does): 15 ms at 20,000 products instead of 0.2.

CREATE TABLE IF NOT EXISTS product_brand_tally (
  status        ENUM('active','withdrawn') NOT NULL,
  category_code VARCHAR(16) NOT NULL,
  brand         VARCHAR(50) NOT NULL,
  n             INT NOT NULL,
  PRIMARY KEY (status, category_code, brand)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //

CREATE TRIGGER IF NOT EXISTS product_brand_ins AFTER INSERT ON product
FOR EACH ROW
  INSERT INTO product_brand_tally (status, category_code, brand, n)
  VALUES (NEW.status, NEW.category_code, NEW.brand, 1)
  ON DUPLICATE KEY UPDATE n = n + 1//

CREATE TRIGGER IF NOT EXISTS product_brand_del AFTER DELETE ON product
FOR EACH ROW
  UPDATE product_brand_tally SET n = n - 1
  WHERE status = OLD.status AND category_code = OLD.category_code
  AND brand = OLD.brand//

CREATE TRIGGER IF NOT EXISTS product_brand_upd AFTER UPDATE ON product
FOR EACH ROW IF NEW.status <> OLD.status OR
    NEW.category_code <> OLD.category_code OR NEW.brand <> OLD.brand THEN
  UPDATE product_brand_tally SET n = n - 1
  WHERE status = OLD.status AND category_code = OLD.category_code
  AND brand = OLD.brand;
  INSERT INTO product_brand_tally (status, category_code, brand, n)
  VALUES (NEW.status, NEW.category_code, NEW.brand, 1)
  ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

DELIMITER ;

REPLACE INTO product_brand_tally (status, category_code, brand, n)
SELECT status, category_code, brand, COUNT(*) FROM product
GROUP BY status, category_code, brand;
