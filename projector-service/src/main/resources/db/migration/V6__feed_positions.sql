-- Where each feed item's record sits in the log: the position a stream client resumes from (docs/api.md, the
-- stream's ids). One partition is folded in log order, one batch after another, so the items of a partition become
-- visible in position order: a position that one item reached is never passed by an item committed later. Items
-- written before this migration have none: every id a client can hold is newer, so none of them is ever resent.
ALTER TABLE feed_item
    ADD COLUMN log_partition INT,
    ADD COLUMN log_offset    BIGINT,
    ADD COLUMN log_index     INT;
COMMENT ON COLUMN feed_item.log_partition IS 'the partition of orgpulse-events whose record gave the item';
COMMENT ON COLUMN feed_item.log_offset IS 'that record''s offset';
COMMENT ON COLUMN feed_item.log_index IS 'the item''s place among the feed items of that record, from 0';
CREATE INDEX feed_item_log_position ON feed_item (log_partition, log_offset, log_index);
