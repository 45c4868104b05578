-- Reference data from the programme's rules: four categories, their opening
-- caps and the 13% rate (80% central, 20% provincial), from 2008-12-01.
INSERT IGNORE INTO category (code, name, sort_order) VALUES
  ('tv', '彩电', 1), ('fridge', '冰箱(含冷柜)', 2), ('phone', '手机', 3), ('washer', '洗衣机', 4);

INSERT IGNORE INTO category_cap (category_code, cap_fen, effective_from, note) VALUES
  ('tv',     200000, '2008-12-01', '实施方案初始限价'),
  ('fridge', 250000, '2008-12-01', '实施方案初始限价'),
  ('phone',  100000, '2008-12-01', '实施方案初始限价'),
  ('washer', 200000, '2008-12-01', '实施方案初始限价');

INSERT IGNORE INTO subsidy_rate (rate_bp, central_share_bp, effective_from, note) VALUES
  (1300, 8000, '2008-12-01', '按销售价格13%补贴，中央财政80%，省级财政20%');
