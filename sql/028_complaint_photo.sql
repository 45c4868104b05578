-- Photos a complainant sends with a complaint (up to 3): never the file
-- as sent, only the JPEG made from it (src/base/image.c), with no EXIF,
-- GPS, XMP, ICC or comments left, turned upright and at most 1600 px on
-- the longer side. Kept in the database like the notices' attachments,
-- so that they replicate with the complaint they belong to; written in
-- the transaction that files it, and gone with it.

CREATE TABLE IF NOT EXISTS complaint_photo (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id  INT UNSIGNED NOT NULL,
  seq           TINYINT UNSIGNED NOT NULL COMMENT '1..3, the order sent',
  data          MEDIUMBLOB   NOT NULL COMMENT 'JPEG, metadata stripped',
  size          INT UNSIGNED NOT NULL COMMENT 'bytes of data',
  width         SMALLINT UNSIGNED NOT NULL,
  height        SMALLINT UNSIGNED NOT NULL,
  created_at    DATETIME     NOT NULL,
  UNIQUE KEY complaint_photo_seq (complaint_id, seq),
  CONSTRAINT complaint_photo_complaint FOREIGN KEY (complaint_id)
    REFERENCES complaint (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
