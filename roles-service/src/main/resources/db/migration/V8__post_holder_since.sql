-- The day the holder started in the post, as the HR system records it: services that give a new starter time (to be
-- set up with supervision, say) count from it rather than from when the suite first heard of them.
ALTER TABLE post ADD COLUMN holder_since date;
ALTER TABLE post ADD CONSTRAINT post_holder_since CHECK (holder_since IS NULL OR status = 'FILLED');
