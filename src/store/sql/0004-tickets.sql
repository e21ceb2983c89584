-- Steward schema, version 4: tickets.
--
-- A ticket is an incident, a service request, a problem or a change. Its
-- status follows its type's lifecycle (checked by the store before it
-- writes; see stw-ticket-rules.c), its priority comes from impact and
-- urgency unless overridden with a reason. Tickets link to assets (many
-- to many), a problem to its incidents, a parent to its children; a
-- ticket has comments (public or internal) and work log entries.
--
-- Times are microseconds since 1970 UTC, as elsewhere.

CREATE TABLE tickets (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT    NOT NULL UNIQUE,
  title           TEXT    NOT NULL CHECK (length (trim (title)) > 0),
  description     TEXT,
  type            TEXT    NOT NULL CHECK (type IN ('incident', 'request', 'problem', 'change')),
  status          TEXT    NOT NULL CHECK (status IN ('new', 'assigned', 'in-progress', 'pending',
                                                     'known-error', 'resolved', 'requested',
                                                     'assessed', 'approved', 'scheduled',
                                                     'implemented', 'reviewed', 'rejected',
                                                     'closed')),
  impact          TEXT    NOT NULL CHECK (impact IN ('low', 'medium', 'high')),
  urgency         TEXT    NOT NULL CHECK (urgency IN ('low', 'medium', 'high')),
  priority        INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
  -- Set when the priority is not the one impact and urgency give.
  priority_reason TEXT,
  category        TEXT,
  requester_id    INTEGER REFERENCES people (id),
  assignee_id     INTEGER REFERENCES people (id),
  queue           TEXT,
  parent_id       INTEGER REFERENCES tickets (id),
  problem_id      INTEGER REFERENCES tickets (id),
  tags            TEXT,
  -- The order of the ticket in its board column.
  rank            REAL    NOT NULL DEFAULT 0,
  created         INTEGER NOT NULL,
  updated         INTEGER NOT NULL,
  first_response  INTEGER,
  resolved        INTEGER,
  closed          INTEGER,
  due             INTEGER,
  CHECK (due IS NULL OR due >= created),
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (problem_id IS NULL OR problem_id <> id)
);
CREATE INDEX tickets_status ON tickets (type, status, rank, id);
CREATE INDEX tickets_updated ON tickets (updated, id);
CREATE INDEX tickets_created ON tickets (created, id);
CREATE INDEX tickets_priority ON tickets (priority, id);
CREATE INDEX tickets_title ON tickets (title COLLATE NOCASE, id);
CREATE INDEX tickets_requester ON tickets (requester_id, id);
CREATE INDEX tickets_assignee ON tickets (assignee_id, id);
CREATE INDEX tickets_queue ON tickets (queue COLLATE NOCASE, id);
CREATE INDEX tickets_parent ON tickets (parent_id, id);
CREATE INDEX tickets_problem ON tickets (problem_id, id);

CREATE TABLE ticket_assets (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT    NOT NULL UNIQUE,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  asset_id  INTEGER NOT NULL REFERENCES assets (id),
  created   INTEGER NOT NULL,
  UNIQUE (ticket_id, asset_id)
);
CREATE INDEX ticket_assets_asset ON ticket_assets (asset_id, ticket_id);

CREATE TABLE ticket_entries (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT    NOT NULL UNIQUE,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  kind      TEXT    NOT NULL CHECK (kind IN ('comment', 'internal', 'work')),
  author_id INTEGER REFERENCES people (id),
  body      TEXT    NOT NULL CHECK (length (trim (body)) > 0),
  -- Work log entries: the time spent, in minutes.
  minutes   INTEGER CHECK (minutes IS NULL OR minutes > 0),
  created   INTEGER NOT NULL,
  updated   INTEGER NOT NULL,
  CHECK (kind = 'work' OR minutes IS NULL),
  CHECK (kind <> 'work' OR minutes IS NOT NULL)
);
CREATE INDEX ticket_entries_ticket ON ticket_entries (ticket_id, created, id);
CREATE INDEX ticket_entries_author ON ticket_entries (author_id);

-- Journal triggers -----------------------------------------------------
--
-- As for assets (see 0001-initial.sql): every change has its journal rows
-- in the same transaction. The update triggers leave out the time the
-- row was last updated, which every update changes.

CREATE TRIGGER tickets_journal_insert AFTER INSERT ON tickets BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, new, time, origin)
  SELECT s.batch, 'ticket', new.id, new.uuid, 'insert',
         json_object ('id', new.id, 'uuid', new.uuid, 'title', new.title, 'description', new.description, 'type', new.type, 'status', new.status, 'impact', new.impact, 'urgency', new.urgency, 'priority', new.priority, 'priority_reason', new.priority_reason, 'category', new.category, 'requester_id', new.requester_id, 'assignee_id', new.assignee_id, 'queue', new.queue, 'parent_id', new.parent_id, 'problem_id', new.problem_id, 'tags', new.tags, 'rank', new.rank, 'created', new.created, 'updated', new.updated, 'first_response', new.first_response, 'resolved', new.resolved, 'closed', new.closed, 'due', new.due),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER tickets_journal_delete AFTER DELETE ON tickets BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, old, time, origin)
  SELECT s.batch, 'ticket', old.id, old.uuid, 'delete',
         json_object ('id', old.id, 'uuid', old.uuid, 'title', old.title, 'description', old.description, 'type', old.type, 'status', old.status, 'impact', old.impact, 'urgency', old.urgency, 'priority', old.priority, 'priority_reason', old.priority_reason, 'category', old.category, 'requester_id', old.requester_id, 'assignee_id', old.assignee_id, 'queue', old.queue, 'parent_id', old.parent_id, 'problem_id', old.problem_id, 'tags', old.tags, 'rank', old.rank, 'created', old.created, 'updated', old.updated, 'first_response', old.first_response, 'resolved', old.resolved, 'closed', old.closed, 'due', old.due),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER tickets_journal_update AFTER UPDATE ON tickets BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, field, old, new, time, origin)
  SELECT s.batch, 'ticket', new.id, new.uuid, 'update', c.field, c.old, c.new, s.time, s.origin
  FROM journal_state s,
       (SELECT 'title' AS field, old.title AS old, new.title AS new WHERE old.title IS NOT new.title
        UNION ALL SELECT 'description', old.description, new.description WHERE old.description IS NOT new.description
        UNION ALL SELECT 'type', old.type, new.type WHERE old.type IS NOT new.type
        UNION ALL SELECT 'status', old.status, new.status WHERE old.status IS NOT new.status
        UNION ALL SELECT 'impact', old.impact, new.impact WHERE old.impact IS NOT new.impact
        UNION ALL SELECT 'urgency', old.urgency, new.urgency WHERE old.urgency IS NOT new.urgency
        UNION ALL SELECT 'priority', old.priority, new.priority WHERE old.priority IS NOT new.priority
        UNION ALL SELECT 'priority_reason', old.priority_reason, new.priority_reason WHERE old.priority_reason IS NOT new.priority_reason
        UNION ALL SELECT 'category', old.category, new.category WHERE old.category IS NOT new.category
        UNION ALL SELECT 'requester_id', old.requester_id, new.requester_id WHERE old.requester_id IS NOT new.requester_id
        UNION ALL SELECT 'assignee_id', old.assignee_id, new.assignee_id WHERE old.assignee_id IS NOT new.assignee_id
        UNION ALL SELECT 'queue', old.queue, new.queue WHERE old.queue IS NOT new.queue
        UNION ALL SELECT 'parent_id', old.parent_id, new.parent_id WHERE old.parent_id IS NOT new.parent_id
        UNION ALL SELECT 'problem_id', old.problem_id, new.problem_id WHERE old.problem_id IS NOT new.problem_id
        UNION ALL SELECT 'tags', old.tags, new.tags WHERE old.tags IS NOT new.tags
        UNION ALL SELECT 'rank', old.rank, new.rank WHERE old.rank IS NOT new.rank
        UNION ALL SELECT 'first_response', old.first_response, new.first_response WHERE old.first_response IS NOT new.first_response
        UNION ALL SELECT 'resolved', old.resolved, new.resolved WHERE old.resolved IS NOT new.resolved
        UNION ALL SELECT 'closed', old.closed, new.closed WHERE old.closed IS NOT new.closed
        UNION ALL SELECT 'due', old.due, new.due WHERE old.due IS NOT new.due) c
  WHERE s.id = 1;
END;

CREATE TRIGGER ticket_assets_journal_insert AFTER INSERT ON ticket_assets BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, new, time, origin)
  SELECT s.batch, 'ticket-asset', new.id, new.uuid, 'insert',
         json_object ('id', new.id, 'uuid', new.uuid, 'ticket_id', new.ticket_id, 'asset_id', new.asset_id, 'created', new.created),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER ticket_assets_journal_delete AFTER DELETE ON ticket_assets BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, old, time, origin)
  SELECT s.batch, 'ticket-asset', old.id, old.uuid, 'delete',
         json_object ('id', old.id, 'uuid', old.uuid, 'ticket_id', old.ticket_id, 'asset_id', old.asset_id, 'created', old.created),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER ticket_entries_journal_insert AFTER INSERT ON ticket_entries BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, new, time, origin)
  SELECT s.batch, 'ticket-entry', new.id, new.uuid, 'insert',
         json_object ('id', new.id, 'uuid', new.uuid, 'ticket_id', new.ticket_id, 'kind', new.kind, 'author_id', new.author_id, 'body', new.body, 'minutes', new.minutes, 'created', new.created, 'updated', new.updated),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER ticket_entries_journal_delete AFTER DELETE ON ticket_entries BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, old, time, origin)
  SELECT s.batch, 'ticket-entry', old.id, old.uuid, 'delete',
         json_object ('id', old.id, 'uuid', old.uuid, 'ticket_id', old.ticket_id, 'kind', old.kind, 'author_id', old.author_id, 'body', old.body, 'minutes', old.minutes, 'created', old.created, 'updated', old.updated),
         s.time, s.origin
  FROM journal_state s WHERE s.id = 1;
END;

CREATE TRIGGER ticket_entries_journal_update AFTER UPDATE ON ticket_entries BEGIN
  INSERT INTO journal (batch, entity, entity_id, entity_uuid, op, field, old, new, time, origin)
  SELECT s.batch, 'ticket-entry', new.id, new.uuid, 'update', c.field, c.old, c.new, s.time, s.origin
  FROM journal_state s,
       (SELECT 'kind' AS field, old.kind AS old, new.kind AS new WHERE old.kind IS NOT new.kind
        UNION ALL SELECT 'author_id', old.author_id, new.author_id WHERE old.author_id IS NOT new.author_id
        UNION ALL SELECT 'body', old.body, new.body WHERE old.body IS NOT new.body
        UNION ALL SELECT 'minutes', old.minutes, new.minutes WHERE old.minutes IS NOT new.minutes) c
  WHERE s.id = 1;
END;

-- Full-text search -----------------------------------------------------
--
-- A ticket is found by its own text and by the text of its comments and
-- work log: two indexes, the second keyed by entry, whose ticket the
-- search looks up.

CREATE VIRTUAL TABLE tickets_fts USING fts5 (
  title, description, tags, category, queue,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
  INSERT INTO tickets_fts (rowid, title, description, tags, category, queue)
  VALUES (new.id, new.title, new.description, new.tags, new.category, new.queue);
END;

CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
  DELETE FROM tickets_fts WHERE rowid = old.id;
END;

CREATE TRIGGER tickets_fts_update AFTER UPDATE OF title, description, tags, category, queue
ON tickets BEGIN
  UPDATE tickets_fts
     SET title = new.title, description = new.description, tags = new.tags,
         category = new.category, queue = new.queue
   WHERE rowid = old.id;
END;

CREATE VIRTUAL TABLE ticket_entries_fts USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER ticket_entries_fts_insert AFTER INSERT ON ticket_entries BEGIN
  INSERT INTO ticket_entries_fts (rowid, body) VALUES (new.id, new.body);
END;

CREATE TRIGGER ticket_entries_fts_delete AFTER DELETE ON ticket_entries BEGIN
  DELETE FROM ticket_entries_fts WHERE rowid = old.id;
END;

CREATE TRIGGER ticket_entries_fts_update AFTER UPDATE OF body ON ticket_entries BEGIN
  UPDATE ticket_entries_fts SET body = new.body WHERE rowid = old.id;
END;
