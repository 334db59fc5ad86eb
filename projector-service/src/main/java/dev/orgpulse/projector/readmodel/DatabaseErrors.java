package dev.orgpulse.projector.readmodel;

import java.sql.SQLException;

import io.vertx.sqlclient.DatabaseException;

/** Telling a write PostgreSQL refused for its data apart from an unreachable or struggling database. */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /**
     * Whether PostgreSQL rejected the rows themselves (SQLSTATE class 22, data exception, or 23, integrity
     * constraint violation): writing the same rows again cannot succeed, unlike after a lost connection.
     */
    public static boolean rejectedData(Throwable failure) {
        String state = sqlState(failure);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** PostgreSQL's own words for a refusal (without the statement around it), for a dead letter's reason. */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseException database) {
                return database.getMessage();
            }
        }
        return String.valueOf(failure);
    }

    /** A dead letter's reason for a record whose writes PostgreSQL refused. */
    public static String refusalReason(Throwable refused) {
        return "PostgreSQL refused its writes: " + describe(refused);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseException database && database.getSqlState() != null) {
                return database.getSqlState();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
