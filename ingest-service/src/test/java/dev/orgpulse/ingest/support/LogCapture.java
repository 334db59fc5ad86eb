package dev.orgpulse.ingest.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what one logger of the service under test writes while it is open. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        logger.addHandler(handler);
    }

    public static LogCapture of(Class<?> loggingClass) {
        return new LogCapture(loggingClass.getName());
    }

    /** The messages logged at WARN (WARNING) level, as written (the log manager formats them before handlers). */
    public List<String> warnings() {
        return messages(Level.WARNING);
    }

    /** The messages logged at ERROR (SEVERE) level. */
    public List<String> errors() {
        return messages(Level.SEVERE);
    }

    private List<String> messages(Level level) {
        return records.stream()
                .filter(record -> record.getLevel().intValue() == level.intValue())
                .map(LogRecord::getMessage)
                .toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
