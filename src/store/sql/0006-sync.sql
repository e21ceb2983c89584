-- Steward schema, version 6: accounts on servers, and what the sync engine
-- remembers about each record it shares with one.
--
-- An account is a server Steward syncs with (Request Tracker first). Its
-- secret (token or password) is never here: it lives in the Secret
-- Service, found by the account's uuid.
--
-- sync_links maps a local record to the remote one: the remote id, the
-- version the server gave it when last synced (RT's ETag), its
-- last-updated time on the server, and the base copy (the record's fields
-- as they were on the server when both sides last agreed, as JSON in the
-- server's terms), against which a three-way merge tells who changed what.
-- A link whose remote_id is NULL is a create that was sent but whose
-- answer never came: before sending it again the engine looks for the
-- record the server may already have made (create_sent is when it was
-- sent), so that no retry makes a duplicate.
--
-- sync_conflicts keeps both values of a field changed on both sides to
-- different values until the user chooses; sync_log is what each run
-- pulled, pushed, merged and refused. sync_state holds the cursors and
-- high-water marks of each account (what has been pulled, what pushed).
--
-- None of these tables is journaled: they describe the sync, not the
-- records, and undo must never reach them.

CREATE TABLE accounts (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT    NOT NULL UNIQUE,
  kind          TEXT    NOT NULL CHECK (kind IN ('rt', 'redmine')),
  name          TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  url           TEXT    NOT NULL CHECK (length (trim (url)) > 0),
  -- The login for a password; NULL when the secret is a token.
  user          TEXT,
  -- The SHA-256 fingerprint of a certificate the user chose to trust
  -- although no authority vouches for it (a self-signed one).
  pinned_cert   TEXT,
  -- Where assets created here go on the server (an RT catalog); NULL
  -- keeps local assets local.
  asset_catalog TEXT,
  enabled       INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  last_sync     INTEGER,
  last_error    TEXT,
  created       INTEGER NOT NULL,
  updated       INTEGER NOT NULL
);

CREATE TABLE sync_state (
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  key        TEXT    NOT NULL,
  value      TEXT,
  PRIMARY KEY (account_id, key)
) WITHOUT ROWID;

CREATE TABLE sync_links (
  id             INTEGER PRIMARY KEY,
  account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- 'ticket', 'asset', 'entry' (a ticket's comment, note or work log),
  -- 'queue'.
  entity         TEXT    NOT NULL,
  -- 0 for a remote record with no local twin (a queue).
  local_id       INTEGER NOT NULL,
  remote_id      TEXT,
  etag           TEXT,
  remote_updated TEXT,
  base           TEXT,
  create_sent    INTEGER,
  -- Set when the person chose their value in a conflict: the record is
  -- sent at the next run even if nothing was journaled.
  dirty          INTEGER NOT NULL DEFAULT 0,
  CHECK (remote_id IS NOT NULL OR create_sent IS NOT NULL)
);
CREATE UNIQUE INDEX sync_links_remote ON sync_links (account_id, entity, remote_id)
  WHERE remote_id IS NOT NULL;
CREATE UNIQUE INDEX sync_links_local ON sync_links (account_id, entity, local_id)
  WHERE local_id <> 0;
CREATE INDEX sync_links_entity ON sync_links (entity, local_id);

CREATE TABLE sync_conflicts (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  entity     TEXT    NOT NULL,
  local_id   INTEGER NOT NULL,
  -- The field in Steward's terms ('title', 'status', …), or '*' for a
  -- record deleted on one side and changed on the other.
  field      TEXT    NOT NULL,
  -- JSON values: the base, ours (the local value when the conflict was
  -- found) and theirs (the server's, in Steward's terms).
  base       TEXT,
  mine       TEXT,
  theirs     TEXT,
  created    INTEGER NOT NULL,
  UNIQUE (account_id, entity, local_id, field)
);
CREATE INDEX sync_conflicts_record ON sync_conflicts (entity, local_id);

CREATE TABLE sync_log (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
  run        INTEGER NOT NULL,
  time       INTEGER NOT NULL,
  -- 'start', 'pulled', 'pushed', 'created', 'merged', 'conflict',
  -- 'deleted', 'refused', 'error', 'done'.
  action     TEXT    NOT NULL,
  entity     TEXT,
  local_id   INTEGER,
  remote_id  TEXT,
  message    TEXT
);
CREATE INDEX sync_log_time ON sync_log (time, id);
