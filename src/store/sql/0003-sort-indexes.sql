-- Steward schema, version 3: every sort of the asset list is an index walk.
--
-- The list reads a sorted column in two parts, the values through the
-- column's index and then the empty ones by id, so no sort is needed;
-- supplier was the one sortable column without an index. A sort by
-- location walks the locations by name.

CREATE INDEX assets_supplier ON assets (supplier COLLATE NOCASE, id);
CREATE INDEX locations_name ON locations (name COLLATE NOCASE, id);
