-- Transfer (转办) of a complaint to another county's bureau, and the
-- city's supervision (督办) of complaints past their deadline.
--
-- A transfer moves outlet_region, the handling region the queue, the
-- staff's authority and complaint_tally (sql/021, kept by its update
-- trigger) all read, and starts the accept clock over. Its step keeps
-- the region it left and the one it went to, so that the weekly report
-- counts it for the county that sent it on.
--
-- The sweep (src/domain/complaint_escalation.c) flags a complaint whose
-- deadline (due) has passed unhandled: escalated_at is when, and
-- escalated_due the deadline it had missed. It stays under 督办 while
-- that deadline is the one running (escalated = 1): accepting it, a
-- transfer, reopening or handling it sets another and ends the flag
-- without touching it; missing the next one flags it again. The index
-- gives a city its supervised complaints, and the sweep finds the
-- overdue ones not yet flagged through complaint_due (sql/021).

ALTER TABLE complaint
  ADD COLUMN IF NOT EXISTS escalated_at DATETIME NULL
    COMMENT '督办: when the sweep last flagged it',
  ADD COLUMN IF NOT EXISTS escalated_due DATE NULL
    COMMENT 'the deadline it had missed then',
  ADD COLUMN IF NOT EXISTS escalated TINYINT(1)
    AS (COALESCE(escalated_due = due, 0)) VIRTUAL
    COMMENT 'under 督办: the deadline flagged still runs',
  ADD KEY IF NOT EXISTS complaint_escalated
    (escalated, outlet_region, submitted_at);

ALTER TABLE complaint_event
  ADD COLUMN IF NOT EXISTS region VARCHAR(12) NULL
    COMMENT 'where it was handled when transferred or escalated',
  ADD COLUMN IF NOT EXISTS to_region VARCHAR(12) NULL
    COMMENT 'where a transfer sent it',
  ADD KEY IF NOT EXISTS event_kind (kind, at);
