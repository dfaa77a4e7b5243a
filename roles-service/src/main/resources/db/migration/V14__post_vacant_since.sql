-- The day a vacant post became vacant, when the HR system sends it: how long a post has stood empty is the HR
-- system's fact, not the day the suite heard of it.
ALTER TABLE post ADD COLUMN vacant_since date;
ALTER TABLE post ADD CONSTRAINT post_vacant_since CHECK (vacant_since IS NULL OR status = 'VACANT');
