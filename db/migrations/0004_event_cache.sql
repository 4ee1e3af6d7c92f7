-- 0004: the projector keeps the events of the keys it placed lately in memory (an event cache), and finds
-- the stored events a report may join through the events' own dates instead of graph.event_dates; a
-- catch-up from zero makes the relations and the secondary indexes at its end. The projector's code
-- version changes with it (3), so the read models rebuild themselves. See docs/read-models.md.

DROP TABLE graph.event_dates;

-- Where all of an event's dates fall: their longest common prefix (2024-11 for 2024-11-26 and 2024-11-27).
-- An event's dates always share their year, since a date joins an event only when compatible with one of
-- its dates. So a report dated d may join only events of its key from d's year (found through
-- events_latest_idx: the latest date is in that year too) whose span is d, finer than d, or coarser.
ALTER TABLE graph.events ADD COLUMN span text COLLATE "C";

-- A catch-up from an empty graph makes the relations (graph.relations, graph.edge_articles) once, at its
-- end, instead of moving them batch by batch. Until then the checkpoint says they are deferred.
ALTER TABLE graph.checkpoints ADD COLUMN deferred boolean NOT NULL DEFAULT false;

-- It also drops the secondary indexes its writes never read, and builds them again at its end (a sorted
-- build costs a fraction of one entry per inserted row). Their definitions wait here.
CREATE TABLE graph.deferred_indexes (
    name       text PRIMARY KEY,
    definition text NOT NULL             -- as pg_get_indexdef gave it
);

GRANT SELECT ON graph.deferred_indexes TO chronograph_reader, chronograph_writer;
