-- Caps and rates are changed by adding rows; each new row records when it
-- was entered, so a change entered after the day it applies from stands
-- out in the history. The rows of 002 predate this and keep NULL.
-- Checks guard the values the forms already refuse.

ALTER TABLE category_cap
  ADD COLUMN IF NOT EXISTS created_at DATETIME NULL;

ALTER TABLE subsidy_rate
  ADD COLUMN IF NOT EXISTS created_at DATETIME NULL;

ALTER TABLE category_cap
  ADD CONSTRAINT IF NOT EXISTS cap_positive CHECK (cap_fen > 0);

ALTER TABLE subsidy_rate
  ADD CONSTRAINT IF NOT EXISTS rate_in_range
    CHECK (rate_bp BETWEEN 1 AND 10000 AND central_share_bp BETWEEN 0 AND 10000);

ALTER TABLE product
  ADD CONSTRAINT IF NOT EXISTS product_price_positive CHECK (bid_price_fen > 0);
