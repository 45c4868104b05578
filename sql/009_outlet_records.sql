-- Outlet records kept by staff: every status change kept with its reason
-- and effective date, shown on the public outlet page.

CREATE TABLE IF NOT EXISTS outlet_status_history (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  outlet_id    INT UNSIGNED NOT NULL,
  status       ENUM('active','suspended','cancelled') NOT NULL,
  effective_on DATE         NOT NULL,
  reason       VARCHAR(200) NOT NULL DEFAULT '',
  staff_id     INT UNSIGNED NULL,
  recorded_at  DATETIME     NOT NULL,
  KEY history_outlet (outlet_id, effective_on, id),
  CONSTRAINT history_outlet FOREIGN KEY (outlet_id) REFERENCES outlet (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the records said before this table: registration, then the
-- current status when it is not the first.
INSERT INTO outlet_status_history (outlet_id, status, effective_on, reason, recorded_at)
  SELECT o.id, 'active', o.registered_on, '登记备案', NOW() FROM outlet o
  WHERE NOT EXISTS (SELECT 1 FROM outlet_status_history h WHERE h.outlet_id = o.id);
INSERT INTO outlet_status_history (outlet_id, status, effective_on, reason, recorded_at)
  SELECT o.id, o.status, o.status_since, o.status_reason, NOW() FROM outlet o
  WHERE o.status <> 'active'
  AND NOT EXISTS (SELECT 1 FROM outlet_status_history h WHERE h.outlet_id = o.id
    AND h.status = o.status);

-- New outlets start their history by themselves.
CREATE TRIGGER IF NOT EXISTS outlet_history_insert AFTER INSERT ON outlet
FOR EACH ROW INSERT INTO outlet_status_history (outlet_id, status, effective_on,
  reason, recorded_at)
  VALUES (NEW.id, NEW.status, NEW.status_since,
    IF(NEW.status = 'active', '登记备案', NEW.status_reason), NOW());
