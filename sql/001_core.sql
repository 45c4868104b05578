-- Core schema: regions, categories with dated caps and rates, enterprises,
-- outlets, products, notices, staff. Money is kept in fen (1/100 yuan).

CREATE TABLE IF NOT EXISTS region (
  code        VARCHAR(12)  NOT NULL PRIMARY KEY,
  parent_code VARCHAR(12)  NULL,
  level       TINYINT      NOT NULL COMMENT '1 province, 2 city, 3 county, 4 township',
  name        VARCHAR(64)  NOT NULL,
  KEY region_parent (parent_code, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS category (
  code       VARCHAR(16) NOT NULL PRIMARY KEY,
  name       VARCHAR(32) NOT NULL,
  sort_order INT         NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Caps change by adding a row with a later effective date, never in place.
CREATE TABLE IF NOT EXISTS category_cap (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_code  VARCHAR(16)  NOT NULL,
  cap_fen        BIGINT       NOT NULL,
  effective_from DATE         NOT NULL,
  note           VARCHAR(200) NOT NULL DEFAULT '',
  UNIQUE KEY cap_once_per_day (category_code, effective_from),
  CONSTRAINT cap_category FOREIGN KEY (category_code) REFERENCES category (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Rate in basis points (1300 = 13%), with the central/provincial split.
CREATE TABLE IF NOT EXISTS subsidy_rate (
  id                INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rate_bp           INT          NOT NULL,
  central_share_bp  INT          NOT NULL,
  effective_from    DATE         NOT NULL UNIQUE,
  note              VARCHAR(200) NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS enterprise (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name       VARCHAR(100) NOT NULL UNIQUE,
  bid_batch  VARCHAR(32)  NOT NULL DEFAULT '',
  phone      VARCHAR(32)  NOT NULL DEFAULT '',
  is_demo    TINYINT(1)   NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS outlet (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reg_no        VARCHAR(32)  NOT NULL UNIQUE COMMENT '备案编号',
  name          VARCHAR(100) NOT NULL,
  enterprise_id INT UNSIGNED NOT NULL,
  mode          ENUM('direct','franchise','authorised') NOT NULL,
  region_code   VARCHAR(12)  NOT NULL COMMENT 'township',
  address       VARCHAR(200) NOT NULL,
  phone         VARCHAR(32)  NOT NULL DEFAULT '',
  services      SET('delivery','install','teach','repair') NOT NULL DEFAULT '',
  status        ENUM('active','suspended','cancelled') NOT NULL DEFAULT 'active',
  status_since  DATE         NOT NULL,
  status_reason VARCHAR(200) NOT NULL DEFAULT '',
  registered_on DATE         NOT NULL,
  is_demo       TINYINT(1)   NOT NULL DEFAULT 0,
  updated_at    TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY outlet_region (region_code, status, id),
  KEY outlet_phone (phone),
  CONSTRAINT outlet_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT outlet_region FOREIGN KEY (region_code) REFERENCES region (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS outlet_category (
  outlet_id     INT UNSIGNED NOT NULL,
  category_code VARCHAR(16)  NOT NULL,
  PRIMARY KEY (outlet_id, category_code),
  CONSTRAINT oc_outlet FOREIGN KEY (outlet_id) REFERENCES outlet (id) ON DELETE CASCADE,
  CONSTRAINT oc_category FOREIGN KEY (category_code) REFERENCES category (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS product (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_code VARCHAR(16)  NOT NULL,
  brand         VARCHAR(50)  NOT NULL,
  manufacturer  VARCHAR(100) NOT NULL,
  model         VARCHAR(64)  NOT NULL,
  spec          VARCHAR(200) NOT NULL DEFAULT '',
  bid_price_fen BIGINT       NOT NULL,
  bid_batch     VARCHAR(32)  NOT NULL DEFAULT '',
  status        ENUM('active','withdrawn') NOT NULL DEFAULT 'active',
  is_demo       TINYINT(1)   NOT NULL DEFAULT 0,
  UNIQUE KEY product_model (category_code, brand, model),
  KEY product_model_no (model),
  CONSTRAINT product_category FOREIGN KEY (category_code) REFERENCES category (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS notice (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind         ENUM('notice','policy','guide') NOT NULL DEFAULT 'notice',
  title        VARCHAR(200) NOT NULL,
  issuer       VARCHAR(100) NOT NULL DEFAULT '' COMMENT '发文机关',
  doc_no       VARCHAR(64)  NOT NULL DEFAULT '' COMMENT '文号',
  body_md      MEDIUMTEXT   NOT NULL,
  status       ENUM('draft','published','withdrawn') NOT NULL DEFAULT 'draft',
  published_at DATETIME     NULL,
  is_demo      TINYINT(1)   NOT NULL DEFAULT 0,
  KEY notice_published (status, published_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS staff (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(32)  NOT NULL UNIQUE,
  password_hash VARCHAR(255) NOT NULL,
  role          ENUM('admin','editor','handler','records') NOT NULL,
  region_code   VARCHAR(12)  NULL,
  disabled      TINYINT(1)   NOT NULL DEFAULT 0,
  created_at    TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
