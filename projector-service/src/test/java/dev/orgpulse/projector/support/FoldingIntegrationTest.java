package dev.orgpulse.projector.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import io.agroal.api.AgroalDataSource;

/**
 * What the projector's integration tests share: records produced onto the real log, SQL on the real database,
 * and waiting until the fold has passed a record (its partition's checkpoint is beyond the record's offset).
 */
public abstract class FoldingIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    @InjectKafkaBroker
    protected KafkaBrokerResource broker;

    @Inject
    protected AgroalDataSource dataSource;

    protected LogProducer log;
    protected Sql sql;

    @BeforeEach
    void connect() {
        log = new LogProducer(broker.bootstrapServers());
        sql = new Sql(dataSource);
    }

    @AfterEach
    void disconnect() {
        log.close();
    }

    protected RecordMetadata awaitFolded(RecordMetadata record) {
        await().atMost(PATIENCE).until(() -> checkpoint(record.partition()).orElse(0L) > record.offset());
        return record;
    }

    protected void awaitFolded(List<RecordMetadata> records) {
        records.forEach(this::awaitFolded);
    }

    /** The stored next offset of a partition of the log, if the fold has reached it. */
    protected Optional<Long> checkpoint(int partition) {
        return sql.rows("SELECT next_offset FROM checkpoint WHERE topic = ? AND partition_id = ?", Topics.EVENTS, partition)
                .stream().map(row -> (Long) row.get("next_offset")).findFirst();
    }

    protected static String uuid() {
        return UUID.randomUUID().toString();
    }
}
