-- Steward schema, version 5: service level times and preferences kept
-- with the data.
--
-- The SLA calendar and policy belong to the organisation, not to one
-- desktop session: they live in the database, with the tickets they
-- measure, in a small table of named preferences. So does who "I" am
-- (the person whose tickets are "mine").
--
-- Each ticket keeps the wall-clock times its open SLA clocks fall due
-- (sla_due) and turn "at risk" (sla_risk: a quarter of the working time
-- left), the earliest of its response and resolution clocks. They are
-- worked out from the calendar, the policy and the ticket's waits each
-- time the ticket, its history or the settings change (see
-- stw-ticket-repo.c), so that "breached or at risk" is one indexed
-- comparison with the current time, however many tickets there are. Both
-- are NULL when no clock runs (met, or waiting with time left).

CREATE TABLE preferences (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

ALTER TABLE tickets ADD COLUMN sla_due INTEGER;
ALTER TABLE tickets ADD COLUMN sla_risk INTEGER;

CREATE INDEX tickets_sla_risk ON tickets (sla_risk, id) WHERE sla_risk IS NOT NULL;

-- The open tickets, by last update and by priority, are what the ticket
-- list shows first: read from indexes of their own rather than by
-- skipping the done ones among all tickets. The condition is the one the
-- lists use (STW_TICKET_OPEN_SQL), so SQLite can choose them.
CREATE INDEX tickets_open_updated ON tickets (updated, id)
  WHERE status NOT IN ('resolved', 'closed', 'rejected', 'implemented', 'reviewed');
CREATE INDEX tickets_open_priority ON tickets (priority, id)
  WHERE status NOT IN ('resolved', 'closed', 'rejected', 'implemented', 'reviewed');
