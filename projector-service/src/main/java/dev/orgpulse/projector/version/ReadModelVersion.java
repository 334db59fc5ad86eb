package dev.orgpulse.projector.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of the read models: {@code v<number>}, living in the PostgreSQL schema {@code orgpulse_v<number>}.
 * Numbers are never reused, so a version named in a change notice or an SSE id means one set of tables for ever.
 */
public record ReadModelVersion(int number) {

    /** Where the version pointer, the list of versions and the rebuilds are kept, whatever version is current. */
    public static final String CONTROL_SCHEMA = "orgpulse";
    /**
     * Views onto the current version's tables, replaced in the transaction that moves the pointer: what readers (the
     * query service, psql, the admin status) see through {@code search_path}.
     */
    public static final String READER_SCHEMA = "orgpulse_read";

    private static final Pattern NAME = Pattern.compile("v([1-9][0-9]{0,8})");

    public ReadModelVersion {
        if (number < 1) {
            throw new IllegalArgumentException("read-model versions start at v1, not v" + number);
        }
    }

    /** @throws IllegalArgumentException when {@code name} is not of the form {@code v<number>} */
    public static ReadModelVersion named(String name) {
        Matcher matcher = NAME.matcher(name == null ? "" : name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a read-model version: " + name + " (expected v1, v2, ...)");
        }
        return new ReadModelVersion(Integer.parseInt(matcher.group(1)));
    }

    public String name() {
        return "v" + number;
    }

    /** Only digits follow the fixed prefix: safe to write into SQL unquoted. */
    public String schema() {
        return "orgpulse_v" + number;
    }

    @Override
    public String toString() {
        return name();
    }
}
