-- A product's category is part of what a search matches: 冰箱 or 洗衣机
-- typed in the catalogue's search found nothing, since the search rows
-- held only brand, manufacturer, model and specification.

DROP TRIGGER IF EXISTS product_search_insert;
DROP TRIGGER IF EXISTS product_search_update;

CREATE TRIGGER product_search_insert AFTER INSERT ON product
FOR EACH ROW REPLACE INTO product_search (product_id, body)
  SELECT NEW.id, CONCAT_WS(' ', NEW.brand, NEW.manufacturer, NEW.model,
    NEW.spec, c.name)
  FROM category c WHERE c.code = NEW.category_code;

CREATE TRIGGER product_search_update AFTER UPDATE ON product
FOR EACH ROW REPLACE INTO product_search (product_id, body)
  SELECT NEW.id, CONCAT_WS(' ', NEW.brand, NEW.manufacturer, NEW.model,
    NEW.spec, c.name)
  FROM category c WHERE c.code = NEW.category_code;

REPLACE INTO product_search (product_id, body)
  SELECT p.id, CONCAT_WS(' ', p.brand, p.manufacturer, p.model, p.spec,
    c.name)
  FROM product p JOIN category c ON c.code = p.category_code;
