package dev.orgpulse.eventlog;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A Kafka consumer driven by a daemon thread of its own, for the service's background readers: the body polls while
 * it is told to keep running, and {@link #stop} wakes a poll up and waits for the body to end. A failure ends the
 * thread and is logged with what it means for the service.
 */
public final class ConsumerThread {

    /** What the thread does with its consumer; returns when {@code running} turns false. */
    @FunctionalInterface
    public interface Body {
        void run(KafkaConsumer<String, byte[]> consumer, BooleanSupplier running);
    }

    private static final Logger LOG = Logger.getLogger(ConsumerThread.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    private ConsumerThread(String name, KafkaConsumer<String, byte[]> consumer, Body body, String whenItFails) {
        this.consumer = consumer;
        this.thread = new Thread(() -> {
            try (consumer) {
                body.run(consumer, () -> running);
            } catch (WakeupException e) {
                // stop() ends a waiting poll this way
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s stopped: %s", name, whenItFails);
            }
        }, name);
        thread.setDaemon(true);
    }

    /** @param whenItFails what a failure means, for the log: what stops working until the service restarts */
    public static ConsumerThread start(String name, KafkaConsumer<String, byte[]> consumer, Body body,
            String whenItFails) {
        ConsumerThread started = new ConsumerThread(name, consumer, body, whenItFails);
        started.thread.start();
        return started;
    }

    public void stop(Duration grace) {
        running = false;
        consumer.wakeup();
        try {
            thread.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
