package dev.orgpulse.projector.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.orgpulse.eventlog.ChangeNotice;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import io.agroal.api.AgroalDataSource;

/**
 * What the projector's integration tests share: records produced onto the real log, SQL on the real database,
 * waiting until the fold has passed a record (its partition's checkpoint is beyond the record's offset), and
 * reading the change notices the projector published.
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

    /**
     * The first change notice on {@code orgpulse-changes} that {@code wanted} matches, read from the beginning with
     * a plain consumer; waits for it, since a notice is published after its batch was committed.
     */
    protected ConsumerRecord<String, byte[]> awaitChangeNotice(Predicate<ChangeNotice> wanted) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition changes = new TopicPartition(Topics.CHANGES, 0);
            consumer.assign(List.of(changes));
            consumer.seekToBeginning(List.of(changes));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            Predicate<ConsumerRecord<String, byte[]>> matches =
                    record -> wanted.test(ChangeNotice.fromJson(record.value()));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(matches);
            });
            return seen.stream().filter(matches).findFirst().orElseThrow();
        }
    }

    /**
     * Whether a notice tells that the fold passed {@code record}. The first such notice is the one of the batch that
     * folded it, provided nothing else was appended to its partition meanwhile: earlier batches stopped before it.
     */
    protected static Predicate<ChangeNotice> reaching(RecordMetadata record) {
        return notice -> notice.positions().getOrDefault(record.partition(), 0L) > record.offset();
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
