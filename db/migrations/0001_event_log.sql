-- 0001: the append-only event log.
--
-- Every fact Chronograph knows is an event in this table, in a stream, at a stream version.
-- Rows are only ever inserted: triggers refuse UPDATE, DELETE and TRUNCATE for everyone,
-- superusers included, and the writer and reader roles are granted nothing more than they need.
--
-- Gap-safe reading: `xid` holds the id of the inserting transaction. A reader takes only rows whose
-- xid is below the oldest transaction still running (pg_snapshot_xmin(pg_current_snapshot())), and
-- orders and checkpoints by (xid, position). Rows of a transaction that commits late have an xid
-- at or above that horizon, so they are read later, never skipped. See docs/event-log.md.

CREATE TABLE events (
    position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream      text NOT NULL CHECK (stream <> ''),
    category    text NOT NULL GENERATED ALWAYS AS (split_part(stream, '-', 1)) STORED,
    version     bigint NOT NULL CHECK (version >= 0),
    id          uuid NOT NULL,
    type        text NOT NULL CHECK (type <> ''),
    data        jsonb NOT NULL,
    metadata    jsonb,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_id_key UNIQUE (id),
    CONSTRAINT events_stream_version_key UNIQUE (stream, version)
);

COMMENT ON TABLE events IS 'Chronograph''s append-only event log. Never updated or deleted.';
COMMENT ON COLUMN events.xid IS 'Inserting transaction (pg_current_xact_id()); readers order by (xid, position).';

CREATE INDEX events_xid_position_idx ON events (xid, position);
CREATE INDEX events_category_xid_position_idx ON events (category, xid, position);
CREATE INDEX events_type_xid_position_idx ON events (type, xid, position);

-- The first step of every append, in one round trip: lock the streams (the caller passes them in one
-- sorted order, so concurrent batches never deadlock), then, in statements that take their snapshots
-- after the locks, report whether the transaction already had an xid, each stream's last version and
-- xid, and which of the new event ids the log already holds.
CREATE FUNCTION chronograph_lock_streams(p_streams text[], p_ids uuid[])
RETURNS TABLE (kind text, stream text, version bigint, xid xid8, id uuid)
LANGUAGE plpgsql AS $$
DECLARE
    s text;
    before xid8 := pg_current_xact_id_if_assigned();
BEGIN
    FOREACH s IN ARRAY p_streams LOOP
        PERFORM pg_advisory_xact_lock(hashtextextended(s, 0));
    END LOOP;
    RETURN QUERY SELECT 'transaction'::text, NULL::text, NULL::bigint, before, NULL::uuid;
    RETURN QUERY
        SELECT 'stream'::text, u.name, last.version, last.xid, NULL::uuid
        FROM unnest(p_streams) AS u(name)
        LEFT JOIN LATERAL (
            SELECT e.version, e.xid FROM events e WHERE e.stream = u.name ORDER BY e.version DESC LIMIT 1
        ) last ON true;
    RETURN QUERY
        SELECT 'id'::text, e.stream, e.version, e.xid, e.id FROM events e WHERE e.id = ANY(p_ids);
END
$$;

-- History cannot be rewritten: not by a bug, not by a stray psql session.
CREATE FUNCTION events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % on events is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Record a correction as a new event instead.';
END
$$;

CREATE TRIGGER events_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();

-- Roles: chronograph_writer appends and reads, chronograph_reader only reads. They are group roles
-- (NOLOGIN): grant them to the login roles your services use. Roles are cluster-wide, so another
-- database of the same cluster may have created them already.
DO $$
BEGIN
    CREATE ROLE chronograph_reader NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

DO $$
BEGIN
    CREATE ROLE chronograph_writer NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

REVOKE ALL ON events FROM PUBLIC;
GRANT SELECT ON events TO chronograph_reader;
GRANT SELECT, INSERT ON events TO chronograph_writer;
REVOKE ALL ON FUNCTION chronograph_lock_streams(text[], uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chronograph_lock_streams(text[], uuid[]) TO chronograph_writer;

-- A writer that leaves a transaction open holds every reader back (see docs/event-log.md):
-- end such sessions after a minute. Needs ownership of the database; skipped with a notice otherwise.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '60s');
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'could not set idle_in_transaction_session_timeout on the database: set it yourself';
END
$$;
