// The Projections step of the flow in DESIGN.md; built by its own issue.
