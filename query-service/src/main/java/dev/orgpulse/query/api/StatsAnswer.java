package dev.orgpulse.query.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /api/stats} as the bytes written for it, and their entity tag. Encoded once for each totals the cache
 * holds: writing the same totals with Jackson for every request was a quarter of the endpoint's cost.
 *
 * @param stats the totals it was encoded from (the cached instance: it is compared by identity)
 */
public record StatsAnswer(Stats stats, byte[] json, String etag) {

    static StatsAnswer of(Stats stats, ObjectMapper mapper) {
        try {
            byte[] json = mapper.writeValueAsBytes(stats);
            return new StatsAnswer(stats, json, "\"" + HexFormat.of().formatHex(sha256(json), 0, 8) + "\"");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stats are not writable as JSON: " + stats, e);
        }
    }

    /** Whether an {@code If-None-Match} header names this answer (or any: {@code *}); weak tags match too. */
    boolean isNamedBy(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
