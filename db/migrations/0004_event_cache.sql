-- 0004: the projector keeps the events of the keys it placed lately in memory (an event cache), and
-- reads a key's events by its cluster key when they are not there; it no longer looks events up by date.
-- The rows stay as they are: nothing to rebuild. See docs/read-models.md.

DROP TABLE graph.event_dates;

-- A key's events, read all at once: the latest one no longer needs an index of its own. An update that
-- changes an event's dates now leaves the index alone (a HOT update).
DROP INDEX graph.events_latest_idx;
ALTER TABLE graph.events DROP COLUMN latest_date;
CREATE INDEX events_cluster_key_idx ON graph.events (cluster_key);

-- A catch-up from an empty graph makes the relations (graph.relations, graph.edge_articles) once, at its
-- end, instead of moving them batch by batch. Until then the checkpoint says they are deferred.
ALTER TABLE graph.checkpoints ADD COLUMN deferred boolean NOT NULL DEFAULT false;

-- A catch-up from an empty graph drops the secondary indexes its writes never read, and builds them again
-- at its end (a sorted build costs a fraction of one entry per inserted row). Their definitions wait here.
CREATE TABLE graph.deferred_indexes (
    name       text PRIMARY KEY,
    definition text NOT NULL             -- as pg_get_indexdef gave it
);
