-- Staff authority by region, and a second factor for staff.

-- API keys belong to the region of the account that made them; NULL is
-- the whole country.
ALTER TABLE api_key
  ADD COLUMN IF NOT EXISTS region_code VARCHAR(12) NULL AFTER name;

-- The audit entry's region: the acting account's ("" for none, seen
-- only by unlimited admins), so a county admin reads its county's log.
ALTER TABLE audit_log
  ADD COLUMN IF NOT EXISTS region_code VARCHAR(12) NOT NULL DEFAULT '' AFTER username,
  ADD KEY IF NOT EXISTS audit_region (region_code, id);

-- TOTP (RFC 6238): the secret, when it was confirmed, and the last time
-- step accepted, so no code is taken twice.
ALTER TABLE staff
  ADD COLUMN IF NOT EXISTS totp_secret VARBINARY(64) NULL,
  ADD COLUMN IF NOT EXISTS totp_enabled_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS totp_last_step BIGINT NOT NULL DEFAULT 0;

-- One-time recovery codes, stored as SHA-256 of the code.
CREATE TABLE IF NOT EXISTS staff_recovery_code (
  staff_id   INT UNSIGNED NOT NULL,
  code_hash  CHAR(64) CHARACTER SET ascii NOT NULL,
  used_at    DATETIME NULL,
  PRIMARY KEY (staff_id, code_hash),
  CONSTRAINT recovery_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A session passes through stages: the password alone ('otp': the code
-- is still due; 'enrol': a second factor must first be set up), then
-- 'full'. Only a full session reaches staff work.
ALTER TABLE staff_session
  ADD COLUMN IF NOT EXISTS stage ENUM('otp','enrol','full') NOT NULL DEFAULT 'full',
  ADD COLUMN IF NOT EXISTS otp_failures INT UNSIGNED NOT NULL DEFAULT 0;

-- Throttles gain the second factor and the password change.
ALTER TABLE login_throttle
  MODIFY scope ENUM('account','address','track','complaint','otp','password',
    'device') NOT NULL;
