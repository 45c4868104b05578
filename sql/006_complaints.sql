-- Complaints from the public: filed with a tracking number and a query
-- code (only its keyed hash is kept), handled by staff through dated
-- steps with working-day deadlines, every step kept as an event.

CREATE TABLE IF NOT EXISTS complaint_category (
  code       VARCHAR(24) NOT NULL PRIMARY KEY,
  name       VARCHAR(40) NOT NULL,
  description VARCHAR(200) NOT NULL,
  sort_order INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO complaint_category (code, name, description, sort_order) VALUES
  ('false_promotion', '虚假宣传', '夸大补贴、虚标价格或功能、误导购买', 1),
  ('overcharge', '超限价或乱收费', '售价超过最高限价，或加收送货、安装等费用', 2),
  ('subsidy_refusal', '拒绝或刁难补贴申报', '不开或乱开发票、不给标识卡、不协助申领补贴', 3),
  ('no_service', '不送货/不安装/不维修', '不按规定送货上门、安装调试、上门维修', 4),
  ('fake_goods', '假冒伪劣/以次充好', '销售假冒、不合格或非中标产品', 5),
  ('impersonation', '冒用指定店名义', '不是指定网点却挂牌或自称家电下乡指定店', 6),
  ('return_dispute', '退换货纠纷', '不按规定退货、换货，或退货时不协助处理补贴', 7),
  ('other', '其他', '其他与家电下乡有关的问题', 8);

-- Public holidays and the working weekends that replace them.
CREATE TABLE IF NOT EXISTS calendar_day (
  day        DATE NOT NULL PRIMARY KEY,
  is_workday TINYINT(1) NOT NULL,
  name       VARCHAR(40) NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS complaint (
  id               INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tracking_no      CHAR(9)      NOT NULL UNIQUE COMMENT '受理编号 XXXX-XXXX',
  code_hash        CHAR(64)     CHARACTER SET ascii NOT NULL,
  form_token       CHAR(43)     CHARACTER SET ascii NULL UNIQUE,
  status           ENUM('submitted','accepted','rejected','investigating',
                        'resolved','reopened') NOT NULL DEFAULT 'submitted',
  category         VARCHAR(24)  NOT NULL,
  name             VARCHAR(50)  NOT NULL,
  phone            VARCHAR(32)  NOT NULL,
  region_code      VARCHAR(12)  NOT NULL COMMENT 'the complainant''s township',
  outlet_id        INT UNSIGNED NULL,
  outlet_name      VARCHAR(100) NOT NULL DEFAULT '',
  outlet_address   VARCHAR(200) NOT NULL DEFAULT '',
  outlet_region    VARCHAR(12)  NOT NULL COMMENT 'where the outlet is, for handlers',
  purchase_date    DATE         NULL,
  product_category VARCHAR(16)  NULL,
  product_model    VARCHAR(64)  NOT NULL DEFAULT '',
  invoice_no       VARCHAR(40)  NOT NULL DEFAULT '',
  description      TEXT         NOT NULL,
  submitted_at     DATETIME     NOT NULL,
  accept_due       DATE         NOT NULL,
  accepted_at      DATETIME     NULL,
  resolve_due      DATE         NULL,
  resolved_at      DATETIME     NULL,
  assignee_id      INT UNSIGNED NULL,
  satisfaction     ENUM('satisfied','unsatisfied') NULL,
  reopened         TINYINT(1)   NOT NULL DEFAULT 0,
  submit_address   VARCHAR(45)  NOT NULL DEFAULT '',
  is_demo          TINYINT(1)   NOT NULL DEFAULT 0,
  KEY complaint_status (status, outlet_region),
  KEY complaint_region (outlet_region, submitted_at),
  KEY complaint_outlet (outlet_id, submitted_at),
  KEY complaint_submitted (submitted_at),
  KEY complaint_address (submit_address, submitted_at),
  CONSTRAINT complaint_category_fk FOREIGN KEY (category)
    REFERENCES complaint_category (code),
  CONSTRAINT complaint_outlet_fk FOREIGN KEY (outlet_id) REFERENCES outlet (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS complaint_event (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id  INT UNSIGNED NOT NULL,
  at            DATETIME     NOT NULL,
  kind          VARCHAR(20)  NOT NULL,
  from_status   VARCHAR(20)  NOT NULL DEFAULT '',
  to_status     VARCHAR(20)  NOT NULL DEFAULT '',
  public_reply  TEXT         NULL,
  internal_note TEXT         NULL,
  staff_id      INT UNSIGNED NULL,
  KEY event_complaint (complaint_id, at),
  CONSTRAINT event_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE login_throttle
  MODIFY scope ENUM('account','address','track','complaint') NOT NULL;

-- Keys for Open311 clients filing complaints; only their hashes are kept.
CREATE TABLE IF NOT EXISTS api_key (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  key_hash    CHAR(64) CHARACTER SET ascii NOT NULL UNIQUE,
  name        VARCHAR(100) NOT NULL,
  created_by  INT UNSIGNED NULL,
  created_at  DATETIME NOT NULL,
  revoked_at  DATETIME NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Holidays of the programme's years and the working weekends around them.
INSERT IGNORE INTO calendar_day (day, is_workday, name) VALUES
  ('2009-01-01', 0, '元旦'), ('2009-01-02', 0, '元旦'), ('2009-01-04', 1, '元旦调休'),
  ('2009-01-24', 1, '春节调休'), ('2009-01-25', 0, '春节'), ('2009-01-26', 0, '春节'),
  ('2009-01-27', 0, '春节'), ('2009-01-28', 0, '春节'), ('2009-01-29', 0, '春节'),
  ('2009-01-30', 0, '春节'), ('2009-01-31', 0, '春节'), ('2009-02-01', 1, '春节调休'),
  ('2009-04-04', 0, '清明节'), ('2009-04-05', 0, '清明节'), ('2009-04-06', 0, '清明节'),
  ('2009-05-01', 0, '劳动节'), ('2009-05-02', 0, '劳动节'), ('2009-05-03', 0, '劳动节'),
  ('2009-05-28', 0, '端午节'), ('2009-05-29', 0, '端午节'), ('2009-05-30', 0, '端午节'),
  ('2009-05-31', 1, '端午节调休'),
  ('2009-09-27', 1, '国庆调休'), ('2009-10-01', 0, '国庆节'), ('2009-10-02', 0, '国庆节'),
  ('2009-10-03', 0, '国庆节'), ('2009-10-04', 0, '国庆节'), ('2009-10-05', 0, '国庆节'),
  ('2009-10-06', 0, '国庆节'), ('2009-10-07', 0, '国庆节'), ('2009-10-08', 0, '国庆节'),
  ('2009-10-10', 1, '国庆调休');
