-- Steward schema, version 2: bulk writes index their rows at the end.
--
-- Keeping the full-text index from a trigger costs, per row, a statement
-- savepoint that makes FTS5 flush its pending terms: an import of many
-- rows spent most of its time there. A bulk writer (an import) now sets
-- journal_state.fts_deferred, notes the rows it touches, and indexes
-- them with one statement before its transaction commits.

ALTER TABLE journal_state ADD COLUMN fts_deferred INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER assets_fts_insert;
DROP TRIGGER assets_fts_update;

CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets
WHEN (SELECT fts_deferred FROM journal_state WHERE id = 1) = 0
BEGIN
  INSERT INTO assets_fts (rowid, name, tag, serial, model, manufacturer, notes, person, location)
  VALUES (new.id, new.name, new.tag, new.serial, new.model, new.manufacturer, new.notes,
          (SELECT name FROM people WHERE id = new.person_id),
          (SELECT name FROM locations WHERE id = new.location_id));
END;

CREATE TRIGGER assets_fts_update AFTER UPDATE ON assets
WHEN (SELECT fts_deferred FROM journal_state WHERE id = 1) = 0
BEGIN
  UPDATE assets_fts
     SET name = new.name, tag = new.tag, serial = new.serial, model = new.model,
         manufacturer = new.manufacturer, notes = new.notes,
         person = (SELECT name FROM people WHERE id = new.person_id),
         location = (SELECT name FROM locations WHERE id = new.location_id)
   WHERE rowid = old.id;
END;
