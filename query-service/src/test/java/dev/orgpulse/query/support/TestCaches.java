package dev.orgpulse.query.support;

import io.quarkus.cache.CacheManager;

/** Starts a test from cold caches, whatever the previous test left in them. */
public final class TestCaches {

    private TestCaches() {
    }

    public static void emptyAll(CacheManager caches) {
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await().indefinitely());
    }
}
