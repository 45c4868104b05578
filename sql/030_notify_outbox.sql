-- Notices about complaints by SMS and email, through an outbox: a row
-- is written in the transaction of the step it announces, so a step
-- committed is announced and a step rolled back is not; the sender
-- (jdxx-notify) delivers the rows later and never holds up a request.
--
-- The complainant chooses SMS, email or nothing when filing; staff get
-- an email on an assignment and when a complaint of their region runs
-- past its deadline (staff.email, when set).
--
-- idem_key names the event a row announces (complaint, step, recipient):
-- unique, so the same event never queues twice; SMS gateways get it too,
-- and emails carry it in their Message-ID, so a delivery repeated after
-- a crash can be recognised. A claim marks rows 'sending' with a lease
-- of its own; only the holder of the lease marks them sent, or back to
-- 'pending' with a later next_at, or 'dead' after the last try.

ALTER TABLE complaint
  ADD COLUMN IF NOT EXISTS notify_by ENUM('none', 'sms', 'email') NOT NULL
    DEFAULT 'none' COMMENT 'how the complainant wants to hear of steps',
  ADD COLUMN IF NOT EXISTS notify_email VARCHAR(254) NULL
    COMMENT 'for notify_by email';

ALTER TABLE staff
  ADD COLUMN IF NOT EXISTS email VARCHAR(254) NULL
    COMMENT 'assignments and overdue complaints are sent here';

CREATE TABLE IF NOT EXISTS notify_outbox (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  idem_key     VARCHAR(120) CHARACTER SET ascii NOT NULL,
  channel      ENUM('sms', 'email') NOT NULL,
  recipient    VARCHAR(254) NOT NULL COMMENT 'a mobile number or an address',
  template     VARCHAR(40)  CHARACTER SET ascii NOT NULL
    COMMENT 'templates/notify/<channel>_<template>.cs',
  complaint_id INT UNSIGNED NULL,
  params       TEXT         NOT NULL COMMENT 'JSON object for the template',
  state        ENUM('pending', 'sending', 'sent', 'dead') NOT NULL
    DEFAULT 'pending',
  attempts     INT UNSIGNED NOT NULL DEFAULT 0,
  next_at      DATETIME     NOT NULL,
  lease_id     CHAR(32)     CHARACTER SET ascii NULL,
  lease_until  DATETIME     NULL,
  last_error   VARCHAR(255) NOT NULL DEFAULT '',
  created_at   DATETIME     NOT NULL,
  sent_at      DATETIME     NULL,
  UNIQUE KEY notify_idem (idem_key),
  KEY notify_due (state, next_at),
  KEY notify_lease (lease_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The overdue complaints already announced, one row per deadline: the
-- sweep reads only overdue complaints without one.
CREATE TABLE IF NOT EXISTS notify_overdue (
  complaint_id INT UNSIGNED NOT NULL,
  due          DATE         NOT NULL,
  queued_at    DATETIME     NOT NULL,
  PRIMARY KEY (complaint_id, due)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
