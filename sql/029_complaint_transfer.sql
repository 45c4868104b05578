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
-- without touching it; missing the next one flags it again.
--
-- complaint_escalated lists and counts a city's supervised complaints
-- newest first from the flagged ones alone (at 300,000 complaints 0.39 s
-- by the index of submission times when a city had none, 0.01 s with
-- it); complaint_unflagged gives the sweep just the newly overdue: by
-- the deadline alone it read all 43,000 overdue, flagged or not, and
-- the optimizer chose to read, and lock, the whole table instead.

ALTER TABLE complaint
  ADD COLUMN IF NOT EXISTS escalated_at DATETIME NULL
    COMMENT '督办: when the sweep last flagged it',
  ADD COLUMN IF NOT EXISTS escalated_due DATE NULL
    COMMENT 'the deadline it had missed then',
  ADD COLUMN IF NOT EXISTS escalated TINYINT(1)
    AS (COALESCE(escalated_due = due, 0)) VIRTUAL
    COMMENT 'under 督办: the deadline flagged still runs',
  ADD KEY IF NOT EXISTS complaint_escalated
    (escalated, submitted_at, id, outlet_region),
  ADD KEY IF NOT EXISTS complaint_unflagged (escalated, due);

ALTER TABLE complaint_event
  ADD COLUMN IF NOT EXISTS region VARCHAR(12) NULL
    COMMENT 'where it was handled when transferred or escalated',
  ADD COLUMN IF NOT EXISTS to_region VARCHAR(12) NULL
    COMMENT 'where a transfer sent it',
  ADD KEY IF NOT EXISTS event_kind (kind, at);
