-- Web imports run as jobs: the answer to the upload is a redirect to the
-- job's page, and the worker goes on importing after it (FCGX_Finish_r).
-- The rows still go in one transaction; import_job_progress is Aria, not
-- InnoDB, so the count written from inside that transaction is seen by
-- other requests at once and is not rolled back. The final state is
-- written inside the transaction, so "done" commits with the rows.
-- Mroonga search rows are not rolled back: id_floor (the highest outlet
-- or product id when the job started) bounds the ones a failed job
-- leaves without their record.

CREATE TABLE IF NOT EXISTS import_job (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind        ENUM('outlets','products') NOT NULL,
  staff_id    INT UNSIGNED NOT NULL,
  username    VARCHAR(32)  NOT NULL,
  region_code VARCHAR(12)  NOT NULL DEFAULT '',
  filename    VARCHAR(255) NOT NULL,
  encoding    VARCHAR(16)  NOT NULL DEFAULT '',
  total_rows  INT UNSIGNED NOT NULL,
  imported    INT UNSIGNED NOT NULL DEFAULT 0,
  state       ENUM('running','done','failed') NOT NULL DEFAULT 'running',
  error       VARCHAR(500) NULL,
  worker_pid  INT UNSIGNED NULL,
  id_floor    INT UNSIGNED NOT NULL DEFAULT 0,
  started_at  DATETIME(3)  NOT NULL,
  finished_at DATETIME(3)  NULL,
  KEY import_job_running (kind, state),
  CONSTRAINT import_job_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS import_job_progress (
  job_id     INT UNSIGNED NOT NULL PRIMARY KEY,
  rows_done  INT UNSIGNED NOT NULL DEFAULT 0,
  updated_at DATETIME(3)  NOT NULL
) ENGINE=Aria DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
