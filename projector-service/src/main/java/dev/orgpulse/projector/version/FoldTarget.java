package dev.orgpulse.projector.version;

import io.vertx.mutiny.sqlclient.Pool;

/**
 * Where a batch is written: a version and a pool whose connections have its schema as {@code search_path}.
 *
 * @param live whether this is the version readers are served from, as this projector last knew it; a live batch
 *             checks the pointer first and is refused ({@link ReadModelVersionMoved}) if it moved
 */
public record FoldTarget(ReadModelVersion version, Pool pool, boolean live) {
}
