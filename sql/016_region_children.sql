-- A region's children read from the index alone: every directory page
-- lists the next level down (52 townships in a large county).
ALTER TABLE region ADD KEY IF NOT EXISTS region_children
  (parent_code, code, level, name);
ALTER TABLE region DROP KEY IF EXISTS region_parent;
