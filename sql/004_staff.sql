-- The staff back office: sessions, login throttling, the audit log,
-- notices with categories, versions, attachments and Chinese search.

ALTER TABLE staff
  ADD COLUMN IF NOT EXISTS display_name VARCHAR(50) NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS password_changed_at TIMESTAMP NULL;

-- Only a hash of each session token is kept: a copy of this table opens
-- no session.
CREATE TABLE IF NOT EXISTS staff_session (
  token_hash   CHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  staff_id     INT UNSIGNED NOT NULL,
  created_at   DATETIME     NOT NULL,
  last_seen_at DATETIME     NOT NULL,
  expires_at   DATETIME     NOT NULL,
  address      VARCHAR(45)  NOT NULL DEFAULT '',
  KEY session_staff (staff_id),
  CONSTRAINT session_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed sign-ins per account and per client address.
CREATE TABLE IF NOT EXISTS login_throttle (
  scope         ENUM('account','address') NOT NULL,
  subject       VARCHAR(64)  NOT NULL,
  failures      INT UNSIGNED NOT NULL DEFAULT 0,
  last_failure  DATETIME     NOT NULL,
  locked_until  DATETIME     NULL,
  PRIMARY KEY (scope, subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS audit_log (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at          DATETIME     NOT NULL,
  staff_id    INT UNSIGNED NULL,
  username    VARCHAR(32)  NOT NULL,
  address     VARCHAR(45)  NOT NULL DEFAULT '',
  action      VARCHAR(40)  NOT NULL,
  object_type VARCHAR(20)  NOT NULL DEFAULT '',
  object_id   BIGINT UNSIGNED NULL,
  before_json MEDIUMTEXT   NULL,
  after_json  MEDIUMTEXT   NULL,
  KEY audit_at (at),
  KEY audit_staff (staff_id, at),
  KEY audit_object (object_type, object_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE notice
  MODIFY kind ENUM('notice','policy','guide','exposure') NOT NULL DEFAULT 'notice',
  ADD COLUMN IF NOT EXISTS issued_on DATE NULL AFTER doc_no,
  ADD COLUMN IF NOT EXISTS region_code VARCHAR(12) NULL,
  ADD COLUMN IF NOT EXISTS version INT UNSIGNED NOT NULL DEFAULT 1,
  ADD COLUMN IF NOT EXISTS created_by INT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS updated_at TIMESTAMP NOT NULL
    DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  ADD KEY IF NOT EXISTS notice_kind (status, kind, published_at);

UPDATE notice SET issued_on = DATE(published_at)
  WHERE issued_on IS NULL AND published_at IS NOT NULL;

-- The text of each published version before it was changed.
CREATE TABLE IF NOT EXISTS notice_version (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  notice_id   INT UNSIGNED NOT NULL,
  version     INT UNSIGNED NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  title       VARCHAR(200) NOT NULL,
  issuer      VARCHAR(100) NOT NULL,
  doc_no      VARCHAR(64)  NOT NULL,
  issued_on   DATE         NULL,
  body_md     MEDIUMTEXT   NOT NULL,
  change_note VARCHAR(200) NOT NULL,
  edited_by   INT UNSIGNED NULL,
  edited_at   DATETIME     NOT NULL,
  UNIQUE KEY notice_version_once (notice_id, version),
  CONSTRAINT version_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Files kept in the database so every app host can serve them.
CREATE TABLE IF NOT EXISTS attachment (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  notice_id    INT UNSIGNED NOT NULL,
  filename     VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size         INT UNSIGNED NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  data         LONGBLOB     NOT NULL,
  created_at   DATETIME     NOT NULL,
  created_by   INT UNSIGNED NULL,
  KEY attachment_notice (notice_id),
  CONSTRAINT attachment_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS notice_search (
  notice_id INT UNSIGNED NOT NULL PRIMARY KEY,
  body      MEDIUMTEXT NOT NULL,
  FULLTEXT INDEX notice_search_body (body)
    COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit", normalizer "NormalizerAuto"'
) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4;

CREATE TRIGGER IF NOT EXISTS notice_search_insert AFTER INSERT ON notice
FOR EACH ROW REPLACE INTO notice_search (notice_id, body)
  VALUES (NEW.id, CONCAT_WS(' ', NEW.title, NEW.issuer, NEW.doc_no, NEW.body_md));

CREATE TRIGGER IF NOT EXISTS notice_search_update AFTER UPDATE ON notice
FOR EACH ROW REPLACE INTO notice_search (notice_id, body)
  VALUES (NEW.id, CONCAT_WS(' ', NEW.title, NEW.issuer, NEW.doc_no, NEW.body_md));

REPLACE INTO notice_search (notice_id, body)
  SELECT id, CONCAT_WS(' ', title, issuer, doc_no, body_md) FROM notice;
