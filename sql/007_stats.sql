-- Indexes for the complaint statistics and the weekly report.
--
-- complaint_stats covers every column the statistics read, led by the
-- outlet's region: a region's numbers are one range of this index, and
-- the whole country's a scan of it rather than of the table (whose rows
-- hold the complaint text). complaint_accepted and complaint_resolved
-- find one week's decisions without reading the rest.
ALTER TABLE complaint
  ADD KEY IF NOT EXISTS complaint_stats (outlet_region, submitted_at,
    category, status, is_demo, accepted_at, resolved_at, accept_due,
    resolve_due),
  ADD KEY IF NOT EXISTS complaint_accepted (accepted_at),
  ADD KEY IF NOT EXISTS complaint_resolved (resolved_at);
