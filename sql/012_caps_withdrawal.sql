-- A cap or rate row entered by mistake may be withdrawn before the day it
-- applies from: it stays in the history, marked with who withdrew it,
-- when and why, and is no longer used. Rows already in force are never
-- changed (a new row corrects them). One row per category and day (one
-- rate per day) still holds, counting only rows not withdrawn, so the
-- right value can be entered for the same day.

ALTER TABLE category_cap
  ADD COLUMN IF NOT EXISTS withdrawn_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS withdrawn_by VARCHAR(32) NULL,
  ADD COLUMN IF NOT EXISTS withdrawn_reason VARCHAR(200) NULL,
  ADD COLUMN IF NOT EXISTS active_from DATE
    AS (IF(withdrawn_at IS NULL, effective_from, NULL)) PERSISTENT;

ALTER TABLE category_cap
  ADD UNIQUE KEY IF NOT EXISTS cap_once_per_active_day (category_code, active_from);

ALTER TABLE category_cap
  DROP INDEX IF EXISTS cap_once_per_day;

ALTER TABLE subsidy_rate
  ADD COLUMN IF NOT EXISTS withdrawn_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS withdrawn_by VARCHAR(32) NULL,
  ADD COLUMN IF NOT EXISTS withdrawn_reason VARCHAR(200) NULL,
  ADD COLUMN IF NOT EXISTS active_from DATE
    AS (IF(withdrawn_at IS NULL, effective_from, NULL)) PERSISTENT;

ALTER TABLE subsidy_rate
  ADD UNIQUE KEY IF NOT EXISTS rate_once_per_active_day (active_from);

ALTER TABLE subsidy_rate
  DROP INDEX IF EXISTS effective_from;
