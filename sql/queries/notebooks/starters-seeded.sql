-- Whether the demo's starter notebooks were seeded into this store (once; deleting them is final).
SELECT value FROM meta WHERE key = 'notebooks.starters_seeded';
