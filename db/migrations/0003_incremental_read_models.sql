-- 0003: the read models laid out for an incremental projector.
--
-- Each event keeps the state its grouping needs (its distinct dates and how often each was reported, and
-- whether its place is a city), so a new report is placed without reading the event's other reports
-- again. Each edge keeps one row per article it rests on (graph.edge_articles), so a relation's counts
-- move by deltas. Everything here is derived: the rows are emptied and the projector (code version 2)
-- rebuilds them from the log. See docs/read-models.md.

TRUNCATE graph.event_entities, graph.events, graph.sources, graph.relation_reports, graph.relations, graph.edge_sources,
         graph.aliases, graph.retractions, graph.articles, graph.entities, graph.checkpoints;

-- Replaced by graph.edge_articles, one row per (edge, article) instead of per (fact, article).
DROP TABLE graph.edge_sources;
-- Cluster keys are computed by the projector, in one place.
DROP FUNCTION graph.cluster_key(text, text, text, text[], text);

-- The whole payload stays in the log (events.position = log_position); a source keeps what queries show.
-- Corrections find a key's sources through its events.
ALTER TABLE graph.sources DROP COLUMN report;
DROP INDEX graph.sources_cluster_key_idx;

ALTER TABLE graph.events
    ADD COLUMN place_precise boolean NOT NULL,     -- the place is more than a country (a city)
    ADD COLUMN dates         text[] NOT NULL,      -- the distinct dates reported, first reported first
    ADD COLUMN date_counts   integer[] NOT NULL,   -- how many reports gave each of them
    ADD COLUMN latest_date   text COLLATE "C",     -- the greatest of them (NULL: no date yet)
    ADD COLUMN first_xid     xid8 NOT NULL,        -- with first_position: where the first report is in the log
    ADD COLUMN part_entities text[] NOT NULL,      -- who takes part (graph.event_entities), first reported first,
    ADD COLUMN part_roles    text[] NOT NULL;      -- and in what role
-- A key's latest event (an undated report joins it), found without reading the key's other events.
DROP INDEX graph.events_cluster_key_idx;
CREATE INDEX events_latest_idx ON graph.events (cluster_key, latest_date DESC NULLS LAST, first_xid, first_position);

-- The dates each event covers, so that a report reads only the events of its key whose dates are
-- compatible with its own: one row per (key, date or coarser date of it, event); exact when the event
-- has that very date. A report dated d finds the events covering d, and those with an exact coarser date.
CREATE TABLE graph.event_dates (
    cluster_key text NOT NULL,
    covers      text NOT NULL,
    event_id    text NOT NULL,
    exact       boolean NOT NULL,
    PRIMARY KEY (cluster_key, covers, event_id)
);

-- Edge rows: the edge (subject_id, predicate, entity_id) an entity's part in an event draws, if any.
ALTER TABLE graph.event_entities
    ADD COLUMN subject_id text NOT NULL,           -- the event's actor
    ADD COLUMN predicate  text;                    -- NULL when this part draws no edge
CREATE INDEX event_entities_edge_idx ON graph.event_entities (subject_id, predicate, entity_id) WHERE predicate IS NOT NULL;

-- The edge a relation report draws, between the surviving entities (after merges).
ALTER TABLE graph.relation_reports
    ADD COLUMN edge_subject_id text NOT NULL,
    ADD COLUMN edge_object_id  text NOT NULL;
CREATE INDEX relation_reports_edge_idx ON graph.relation_reports (edge_subject_id, predicate, edge_object_id, role);

-- The articles an edge rests on: facts = how many of the edge's (event, source) pairs and relation
-- reports come from that article. graph.relations.source_count counts these rows.
CREATE TABLE graph.edge_articles (
    subject_id text NOT NULL,
    predicate  text NOT NULL,
    object_id  text NOT NULL,
    role       text NOT NULL DEFAULT '',
    article_id text NOT NULL,
    facts      integer NOT NULL CHECK (facts > 0),
    PRIMARY KEY (subject_id, predicate, object_id, role, article_id)
);

-- The projector is the only writer, and the foreign keys between read models cost a trigger for every
-- row it inserts. The rows stay consistent by construction (events' parts go with them, explicitly).
ALTER TABLE graph.entities DROP CONSTRAINT entities_merged_into_fkey;
ALTER TABLE graph.aliases DROP CONSTRAINT aliases_entity_id_fkey;
ALTER TABLE graph.sources DROP CONSTRAINT sources_article_id_fkey;
ALTER TABLE graph.event_entities DROP CONSTRAINT event_entities_event_id_fkey;
ALTER TABLE graph.relation_reports DROP CONSTRAINT relation_reports_article_id_fkey;

-- Rows updated in place batch after batch: room on their page lets PostgreSQL update them without
-- touching their indexes.
ALTER TABLE graph.events SET (fillfactor = 70);
ALTER TABLE graph.relations SET (fillfactor = 70);
ALTER TABLE graph.edge_articles SET (fillfactor = 70);
ALTER TABLE graph.aliases SET (fillfactor = 70);

CREATE INDEX entities_merged_idx ON graph.entities (merged_into) WHERE merged_into IS NOT NULL;

GRANT SELECT ON graph.edge_articles, graph.event_dates TO chronograph_reader, chronograph_writer;
