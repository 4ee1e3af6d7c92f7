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

-- A single-stream append in one call, so that a one-event write costs one round trip and its commit
-- (run it outside an explicit transaction). The same rules as the client's batch path: lock the stream
-- before writing (so before this transaction has an xid), refuse an id twice in the request or already
-- on another stream, skip ids already in this stream (all of them: nothing to do), check the expected
-- version, insert, notify. p_expected: NULL any, -1 no stream, N the stream's last version.
CREATE FUNCTION chronograph_append(
    p_stream text, p_expected bigint, p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[]
)
RETURNS TABLE (outcome text, first_version bigint, last_version bigint, skipped integer, actual bigint,
               other_stream text, other_id uuid)
LANGUAGE plpgsql AS $$
DECLARE
    before xid8 := pg_current_xact_id_if_assigned();
    last bigint;
    last_xid xid8;
    n integer := coalesce(array_length(p_ids, 1), 0);
    fresh integer[] := '{}';
    known integer := 0;
    holder text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
    SELECT e.version, e.xid INTO last, last_xid FROM events e WHERE e.stream = p_stream ORDER BY e.version DESC LIMIT 1;
    IF (SELECT count(DISTINCT x) FROM unnest(p_ids) AS x) < n THEN
        RETURN QUERY SELECT 'duplicate_in_request'::text, NULL::bigint, NULL::bigint, 0, last, NULL::text, NULL::uuid;
        RETURN;
    END IF;
    FOR i IN 1..n LOOP
        holder := NULL;
        SELECT e.stream INTO holder FROM events e WHERE e.id = p_ids[i];
        IF holder IS NULL THEN
            fresh := fresh || i;
        ELSIF holder = p_stream THEN
            known := known + 1;
        ELSE
            RETURN QUERY SELECT 'duplicate_id'::text, NULL::bigint, NULL::bigint, 0, last, holder, p_ids[i];
            RETURN;
        END IF;
    END LOOP;
    IF n > 0 AND cardinality(fresh) = 0 THEN
        RETURN QUERY SELECT 'already_appended'::text, NULL::bigint, coalesce(last, -1), known, last, NULL::text, NULL::uuid;
        RETURN;
    END IF;
    IF (p_expected = -1 AND last IS NOT NULL) OR (p_expected >= 0 AND last IS DISTINCT FROM p_expected) THEN
        RETURN QUERY SELECT 'wrong_expected_version'::text, NULL::bigint, NULL::bigint, 0, last, NULL::text, NULL::uuid;
        RETURN;
    END IF;
    IF cardinality(fresh) > 0 THEN
        IF before IS NOT NULL AND last_xid IS NOT NULL AND last_xid > before THEN
            RAISE EXCEPTION 'stream % was written by a newer transaction than this one; retry the transaction', p_stream
                USING ERRCODE = 'serialization_failure';
        END IF;
        INSERT INTO events (stream, version, id, type, data, metadata)
        SELECT p_stream, coalesce(last, -1) + o.k, p_ids[o.i], p_types[o.i], p_data[o.i], p_metadata[o.i]
        FROM unnest(fresh) WITH ORDINALITY AS o(i, k);
        PERFORM pg_notify('chronograph_events', '');
    END IF;
    RETURN QUERY SELECT 'appended'::text, coalesce(last, -1) + 1, coalesce(last, -1) + cardinality(fresh), known, last,
                        NULL::text, NULL::uuid;
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
REVOKE ALL ON FUNCTION chronograph_append(text, bigint, uuid[], text[], jsonb[], jsonb[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chronograph_append(text, bigint, uuid[], text[], jsonb[], jsonb[]) TO chronograph_writer;

-- A writer that leaves a transaction open holds every reader back (see docs/event-log.md):
-- end such sessions after a minute. Needs ownership of the database; skipped with a notice otherwise.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '60s');
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'could not set idle_in_transaction_session_timeout on the database: set it yourself';
END
$$;
