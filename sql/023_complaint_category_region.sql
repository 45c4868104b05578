-- The handlers' queue filtered by complaint category counts its
-- complaints by category, region, status and deadline, which the
-- township tallies (sql/021) do not divide by category. At 1,082,715
-- complaints a national account's count read every complaint of the
-- category for its region: 1.8 s of 2.5 s for the page. This index
-- answers it alone (0.2 s for the largest category in the whole
-- country, 0.01 s within a city), and serves the category's foreign
-- key in place of the index on category alone.

ALTER TABLE complaint
  ADD KEY IF NOT EXISTS complaint_category_region
    (category, outlet_region, status, due),
  DROP KEY IF EXISTS complaint_category_fk;
