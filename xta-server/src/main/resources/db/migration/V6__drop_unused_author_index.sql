-- No query looks messages up by author (the author's operations go by message id), so this index
-- only cost every accepted message one of its four secondary-index writes (and on Galera a bigger
-- write set).
ALTER TABLE message DROP INDEX message_author;
