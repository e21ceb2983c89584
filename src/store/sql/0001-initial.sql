-- Steward schema, version 1: locations, people, assets, the change
-- journal and the full-text index over assets.
--
-- Times are microseconds since 1970 UTC; dates are ISO 8601 text
-- (YYYY-MM-DD); costs are whole minor units (cents).
--
-- A date is checked with date (d, '+0 days') IS d: the modifier makes
-- SQLite compute the day, so 2024-02-30 becomes 2024-03-01 and is
-- refused, where date (d) alone would echo it back.

CREATE TABLE locations (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT    NOT NULL UNIQUE,
  name      TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  kind      TEXT    NOT NULL CHECK (kind IN ('site', 'building', 'room')),
  parent_id INTEGER REFERENCES locations (id),
  created   INTEGER NOT NULL,
  updated   INTEGER NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX locations_parent ON locations (parent_id, name COLLATE NOCASE);

CREATE TABLE people (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT    NOT NULL UNIQUE,
  name       TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  email      TEXT,
  department TEXT,
  created    INTEGER NOT NULL,
  updated    INTEGER NOT NULL
);
CREATE INDEX people_name ON people (name COLLATE NOCASE);

CREATE TABLE assets (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT    NOT NULL UNIQUE,
  name          TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  tag           TEXT    NOT NULL COLLATE NOCASE CHECK (length (trim (tag)) > 0),
  serial        TEXT,
  category      TEXT    NOT NULL CHECK (category IN ('laptop', 'desktop', 'server', 'network',
                                                     'monitor', 'phone', 'printer',
                                                     'peripheral', 'other')),
  manufacturer  TEXT,
  model         TEXT,
  status        TEXT    NOT NULL CHECK (status IN ('in-stock', 'deployed', 'in-repair',
                                                   'retired', 'lost')),
  location_id   INTEGER REFERENCES locations (id),
  person_id     INTEGER REFERENCES people (id),
  purchase_date TEXT    CHECK (purchase_date IS NULL OR date (purchase_date, '+0 days') IS purchase_date),
  purchase_cost INTEGER CHECK (purchase_cost IS NULL OR purchase_cost >= 0),
  currency      TEXT,
  warranty_end  TEXT    CHECK (warranty_end IS NULL OR date (warranty_end, '+0 days') IS warranty_end),
  supplier      TEXT,
  notes         TEXT,
  created       INTEGER NOT NULL,
  updated       INTEGER NOT NULL,
  CHECK (warranty_end IS NULL OR purchase_date IS NULL OR warranty_end >= purchase_date)
);
-- Tags are unique whatever their case: “lt-0042” and “LT-0042” are the
-- same label on the same laptop.
CREATE UNIQUE INDEX assets_tag ON assets (tag COLLATE NOCASE);
-- Every sortable column has an index ending in the id, so a sorted page
-- is an index walk, not a sort of the whole table.
CREATE INDEX assets_name ON assets (name COLLATE NOCASE, id);
CREATE INDEX assets_serial ON assets (serial COLLATE NOCASE, id);
CREATE INDEX assets_category ON assets (category, id);
CREATE INDEX assets_status ON assets (status, id);
CREATE INDEX assets_manufacturer ON assets (manufacturer COLLATE NOCASE, id);
CREATE INDEX assets_model ON assets (model COLLATE NOCASE, id);
CREATE INDEX assets_location ON assets (location_id, id);
CREATE INDEX assets_person ON assets (person_id, id);
CREATE INDEX assets_purchase_date ON assets (purchase_date, id);
CREATE INDEX assets_purchase_cost ON assets (purchase_cost, id);
CREATE INDEX assets_warranty_end ON assets (warranty_end, id);

-- The change journal. A batch is one step of work (an edit, a delete of
-- many, an import) and one step of undo. While a write runs, the writer
-- keeps the batch in journal_state; the triggers below copy it into
-- every journal row, so no change reaches a table without its journal
-- row in the same transaction. journal.batch is NOT NULL: a write
-- outside a batch fails instead of going unrecorded.
CREATE TABLE batches (
  id          INTEGER PRIMARY KEY,
  time        INTEGER NOT NULL,
  origin      TEXT    NOT NULL,
  author      TEXT,
  description TEXT,
  -- done: applied; undone: reverted by undo, may be redone;
  -- final: undone and no longer redoable (a new edit came after it).
  state       TEXT    NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'final')),
  undoes      INTEGER REFERENCES batches (id)
);

CREATE TABLE journal (
  id          INTEGER PRIMARY KEY,
  batch       INTEGER NOT NULL REFERENCES batches (id),
  entity      TEXT    NOT NULL,
  entity_id   INTEGER NOT NULL,
  entity_uuid TEXT    NOT NULL,
  op          TEXT    NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  field       TEXT,
  -- No type: values keep the type they had in their table.
  old,
  new,
  time        INTEGER NOT NULL,
  origin      TEXT    NOT NULL
);
CREATE INDEX journal_entity ON journal (entity, entity_id, id);
CREATE INDEX journal_batch ON journal (batch, id);

CREATE TABLE journal_state (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  batch  INTEGER,
  time   INTEGER,
  origin TEXT
);
INSERT INTO journal_state (id) VALUES (1);

-- Journal triggers -----------------------------------------------------

CREATE TRIGGER assets_journal_insert AFTER INSERT ON assets BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, new, time, origin)
  SELECT s.batch, 'asset', new.id, new.uuid, 'insert',
         json_object ('id', new.id, 'uuid', new.uuid, 'name', new.name, 'tag', new.tag,
                      'serial', new.serial, 'category', new.category,
                      'manufacturer', new.manufacturer, 'model', new.model,
                      'status', new.status, 'location_id', new.location_id,
                      'person_id', new.person_id, 'purchase_date', new.purchase_date,
                      'purchase_cost', new.purchase_cost, 'currency', new.currency,
                      'warranty_end', new.warranty_end, 'supplier', new.supplier,
                      'notes', new.notes, 'created', new.created, 'updated', new.updated),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER assets_journal_delete AFTER DELETE ON assets BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, old, time, origin)
  SELECT s.batch, 'asset', old.id, old.uuid, 'delete',
         json_object ('id', old.id, 'uuid', old.uuid, 'name', old.name, 'tag', old.tag,
                      'serial', old.serial, 'category', old.category,
                      'manufacturer', old.manufacturer, 'model', old.model,
                      'status', old.status, 'location_id', old.location_id,
                      'person_id', old.person_id, 'purchase_date', old.purchase_date,
                      'purchase_cost', old.purchase_cost, 'currency', old.currency,
                      'warranty_end', old.warranty_end, 'supplier', old.supplier,
                      'notes', old.notes, 'created', old.created, 'updated', old.updated),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER assets_journal_update AFTER UPDATE ON assets BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, field, old, new, time, origin)
  SELECT s.batch, 'asset', new.id, new.uuid, 'update', c.field, c.old, c.new, s.time, s.origin
  FROM journal_state s,
       (SELECT 'name' AS field, old.name AS old, new.name AS new WHERE old.name IS NOT new.name
        UNION ALL SELECT 'tag', old.tag, new.tag WHERE old.tag IS NOT new.tag
        UNION ALL SELECT 'serial', old.serial, new.serial WHERE old.serial IS NOT new.serial
        UNION ALL SELECT 'category', old.category, new.category
                  WHERE old.category IS NOT new.category
        UNION ALL SELECT 'manufacturer', old.manufacturer, new.manufacturer
                  WHERE old.manufacturer IS NOT new.manufacturer
        UNION ALL SELECT 'model', old.model, new.model WHERE old.model IS NOT new.model
        UNION ALL SELECT 'status', old.status, new.status WHERE old.status IS NOT new.status
        UNION ALL SELECT 'location_id', old.location_id, new.location_id
                  WHERE old.location_id IS NOT new.location_id
        UNION ALL SELECT 'person_id', old.person_id, new.person_id
                  WHERE old.person_id IS NOT new.person_id
        UNION ALL SELECT 'purchase_date', old.purchase_date, new.purchase_date
                  WHERE old.purchase_date IS NOT new.purchase_date
        UNION ALL SELECT 'purchase_cost', old.purchase_cost, new.purchase_cost
                  WHERE old.purchase_cost IS NOT new.purchase_cost
        UNION ALL SELECT 'currency', old.currency, new.currency
                  WHERE old.currency IS NOT new.currency
        UNION ALL SELECT 'warranty_end', old.warranty_end, new.warranty_end
                  WHERE old.warranty_end IS NOT new.warranty_end
        UNION ALL SELECT 'supplier', old.supplier, new.supplier
                  WHERE old.supplier IS NOT new.supplier
        UNION ALL SELECT 'notes', old.notes, new.notes WHERE old.notes IS NOT new.notes) c
  WHERE s.id = 1;
END;

CREATE TRIGGER locations_journal_insert AFTER INSERT ON locations BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, new, time, origin)
  SELECT s.batch, 'location', new.id, new.uuid, 'insert',
         json_object ('id', new.id, 'uuid', new.uuid, 'name', new.name, 'kind', new.kind,
                      'parent_id', new.parent_id, 'created', new.created,
                      'updated', new.updated),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER locations_journal_delete AFTER DELETE ON locations BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, old, time, origin)
  SELECT s.batch, 'location', old.id, old.uuid, 'delete',
         json_object ('id', old.id, 'uuid', old.uuid, 'name', old.name, 'kind', old.kind,
                      'parent_id', old.parent_id, 'created', old.created,
                      'updated', old.updated),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER locations_journal_update AFTER UPDATE ON locations BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, field, old, new, time, origin)
  SELECT s.batch, 'location', new.id, new.uuid, 'update', c.field, c.old, c.new, s.time, s.origin
  FROM journal_state s,
       (SELECT 'name' AS field, old.name AS old, new.name AS new WHERE old.name IS NOT new.name
        UNION ALL SELECT 'kind', old.kind, new.kind WHERE old.kind IS NOT new.kind
        UNION ALL SELECT 'parent_id', old.parent_id, new.parent_id
                  WHERE old.parent_id IS NOT new.parent_id) c
  WHERE s.id = 1;
END;

CREATE TRIGGER people_journal_insert AFTER INSERT ON people BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, new, time, origin)
  SELECT s.batch, 'person', new.id, new.uuid, 'insert',
         json_object ('id', new.id, 'uuid', new.uuid, 'name', new.name, 'email', new.email,
                      'department', new.department, 'created', new.created,
                      'updated', new.updated),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER people_journal_delete AFTER DELETE ON people BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, old, time, origin)
  SELECT s.batch, 'person', old.id, old.uuid, 'delete',
         json_object ('id', old.id, 'uuid', old.uuid, 'name', old.name, 'email', old.email,
                      'department', old.department, 'created', old.created,
                      'updated', old.updated),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER people_journal_update AFTER UPDATE ON people BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, field, old, new, time, origin)
  SELECT s.batch, 'person', new.id, new.uuid, 'update', c.field, c.old, c.new, s.time, s.origin
  FROM journal_state s,
       (SELECT 'name' AS field, old.name AS old, new.name AS new WHERE old.name IS NOT new.name
        UNION ALL SELECT 'email', old.email, new.email WHERE old.email IS NOT new.email
        UNION ALL SELECT 'department', old.department, new.department
                  WHERE old.department IS NOT new.department) c
  WHERE s.id = 1;
END;

-- Full-text search -----------------------------------------------------
--
-- The index holds the asset's own text and the names of its person and
-- location, so “anna” finds the laptops Anna has. Prefix indexes make
-- search-as-you-type cheap from the second character on.

CREATE VIRTUAL TABLE assets_fts USING fts5 (
  name, tag, serial, model, manufacturer, notes, person, location,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets BEGIN
  INSERT INTO assets_fts (rowid, name, tag, serial, model, manufacturer, notes, person, location)
  VALUES (new.id, new.name, new.tag, new.serial, new.model, new.manufacturer, new.notes,
          (SELECT name FROM people WHERE id = new.person_id),
          (SELECT name FROM locations WHERE id = new.location_id));
END;

CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN
  DELETE FROM assets_fts WHERE rowid = old.id;
END;

CREATE TRIGGER assets_fts_update AFTER UPDATE ON assets BEGIN
  UPDATE assets_fts
     SET name = new.name, tag = new.tag, serial = new.serial, model = new.model,
         manufacturer = new.manufacturer, notes = new.notes,
         person = (SELECT name FROM people WHERE id = new.person_id),
         location = (SELECT name FROM locations WHERE id = new.location_id)
   WHERE rowid = old.id;
END;

CREATE TRIGGER people_fts_rename AFTER UPDATE OF name ON people BEGIN
  UPDATE assets_fts SET person = new.name
   WHERE rowid IN (SELECT id FROM assets WHERE person_id = new.id);
END;

CREATE TRIGGER locations_fts_rename AFTER UPDATE OF name ON locations BEGIN
  UPDATE assets_fts SET location = new.name
   WHERE rowid IN (SELECT id FROM assets WHERE location_id = new.id);
END;
