-- A number that moves with every change the public pages show, so that
-- the workers' page caches know when to forget: every insert, update and
-- delete on those tables adds one. Each connection counts in its own row
-- (of 1024), so that a long import does not hold up other writers on one
-- hot row; the number is the sum, which only grows.
--
-- Left out on purpose: complaints (the cached pages do not show them, and
-- a busy day must not empty the caches), and the rows that change only
-- with their parent's row in the same transaction (outlet_category and
-- outlet_status_history with outlet, notice_version with notice), since a
-- trigger costs tens of microseconds a row. For the same reason a bulk
-- import sets @site_change_deferred = 1 and counts once itself before it
-- commits (src/outlet_import.c).

CREATE TABLE IF NOT EXISTS site_change (
  shard SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  n     BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

DELIMITER //

CREATE TRIGGER IF NOT EXISTS notice_changed_ins AFTER INSERT ON notice
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS notice_changed_upd AFTER UPDATE ON notice
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS notice_changed_del AFTER DELETE ON notice
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS attachment_changed_ins AFTER INSERT ON attachment
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS attachment_changed_upd AFTER UPDATE ON attachment
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS attachment_changed_del AFTER DELETE ON attachment
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS outlet_changed_ins AFTER INSERT ON outlet
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS outlet_changed_upd AFTER UPDATE ON outlet
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS outlet_changed_del AFTER DELETE ON outlet
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS enterprise_changed_ins AFTER INSERT ON enterprise
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS enterprise_changed_upd AFTER UPDATE ON enterprise
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS enterprise_changed_del AFTER DELETE ON enterprise
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS product_changed_ins AFTER INSERT ON product
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS product_changed_upd AFTER UPDATE ON product
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS product_changed_del AFTER DELETE ON product
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS category_changed_ins AFTER INSERT ON category
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS category_changed_upd AFTER UPDATE ON category
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS category_changed_del AFTER DELETE ON category
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS category_cap_changed_ins AFTER INSERT ON category_cap
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS category_cap_changed_upd AFTER UPDATE ON category_cap
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS category_cap_changed_del AFTER DELETE ON category_cap
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS subsidy_rate_changed_ins AFTER INSERT ON subsidy_rate
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS subsidy_rate_changed_upd AFTER UPDATE ON subsidy_rate
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS subsidy_rate_changed_del AFTER DELETE ON subsidy_rate
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS region_changed_ins AFTER INSERT ON region
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS region_changed_upd AFTER UPDATE ON region
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS region_changed_del AFTER DELETE ON region
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS calendar_day_changed_ins AFTER INSERT ON calendar_day
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS calendar_day_changed_upd AFTER UPDATE ON calendar_day
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

CREATE TRIGGER IF NOT EXISTS calendar_day_changed_del AFTER DELETE ON calendar_day
FOR EACH ROW IF @site_change_deferred IS NULL THEN
  INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END IF//

DELIMITER ;
