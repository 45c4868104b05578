-- The brand list of the whole catalogue read brand by brand from an index
-- (src/product.c all_brands) rather than from every active product.
ALTER TABLE product ADD KEY IF NOT EXISTS product_brand (status, brand);
