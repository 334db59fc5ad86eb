package tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.Topics;

/**
 * How fast a fresh projector folds a whole log, and the two ceilings on the same data. Prints, never asserts.
 * <ol>
 * <li>The log: {@link LogGenerator} writes it, or keeps the topic when it already holds {@code --count} records.</li>
 * <li>Read ceiling: one plain Kafka consumer reads every record from offset 0 and parses its headers and body, as
 * the projector's fold does before deciding anything.</li>
 * <li>Fold: the packaged projector ({@code --projector}) started on a fresh database with a new consumer group folds
 * the topic from offset 0 until its checkpoints reach the end of every partition. The rate counts from its first
 * committed batch (so JVM start and schema migration are left out; the total is printed too).</li>
 * <li>Write ceiling: the rows the fold wrote (every table, the processed deliveries included) are written again by
 * {@code COPY} into empty copies of their tables (same keys and indexes), in one transaction.</li>
 * </ol>
 * PostgreSQL is reached through {@code psql} as {@code --pg-user} on 127.0.0.1:5432 (trust authentication, as on a
 * development machine); the databases it makes are dropped at the end unless {@code --keep-database true}.
 */
final class FoldBenchmark {

    static final String USAGE = """
            usage: deploy/local/tools/run FoldBenchmark [--count 1000000] [--repos 200] [--people 500] [--seed 8]
                       [--bootstrap 127.0.0.1:9092] [--topic orgpulse-events-bench]
                       [--projector projector-service/target/quarkus-app/quarkus-run.jar]
                       [--max-poll-records 2000] [--fetch-bytes 8388608] [--projector-jvm "-Xmx1g"]
                       [--pg-user postgres]
                       [--keep-database false]""";

    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(60);
    private static final List<String> NOT_READ_MODELS = List.of("flyway_schema_history", "checkpoint",
            "read_model_status");

    /** @param fetchBytes how much the consumers fetch per partition at a time ({@code max.partition.fetch.bytes}) */
    record Options(LogGenerator.Options log, Path projector, int maxPollRecords, int fetchBytes, String projectorJvm,
            String pgUser, boolean keepDatabase) {

        static Options from(CommandLine line) {
            return new Options(LogGenerator.Options.from(line),
                    Path.of(line.text("projector", "projector-service/target/quarkus-app/quarkus-run.jar")),
                    // the projector's own defaults (application.properties)
                    line.number("max-poll-records", 2000, 1, 100_000),
                    line.number("fetch-bytes", 8 * 1024 * 1024, 1024, Integer.MAX_VALUE),
                    line.text("projector-jvm", "-Xmx1g"),
                    line.text("pg-user", "postgres"), Boolean.parseBoolean(line.text("keep-database", "false")));
        }
    }

    private final Options options;
    private final String run = HexFormat.of().toHexDigits(new Random().nextInt()).substring(2);
    private final String database = "orgpulse_fold_bench_" + run;

    private FoldBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLine.parse(args, Options::from, "FoldBenchmark", USAGE);
        if (!Files.isRegularFile(options.projector())) {
            System.err.println("FoldBenchmark: no " + options.projector()
                    + ": build it with mvn -B -pl projector-service -am package -DskipTests");
            System.exit(2);
        }
        new FoldBenchmark(options).measure();
    }

    private void measure() throws Exception {
        LogGenerator.Log log = LogGenerator.ensure(options.log());
        System.out.println(LogGenerator.describe(options.log(), log));
        long records = log.records();

        double readRate = records / LogGenerator.seconds(readEverything(records));
        System.out.printf(Locale.ROOT, "read ceiling: %,.0f records/s (one plain consumer, headers and body parsed)%n",
                readRate);

        psql("postgres", "CREATE DATABASE " + database);
        try {
            Fold fold = fold(records);
            System.out.printf(Locale.ROOT, "fold: %,.0f records/s (%,d records in %.1f s from the first committed "
                    + "batch; %.1f s from the projector's start; max.poll.records %d, max.partition.fetch.bytes %d)%n",
                    fold.rate(), fold.measuredRecords(), LogGenerator.seconds(fold.measured()),
                    LogGenerator.seconds(fold.total()), options.maxPollRecords(), options.fetchBytes());
            System.out.printf(Locale.ROOT, "fold CPU: projector %.1f s, PostgreSQL %.1f s over the measured stretch: "
                    + "%,.0f records/s were CPU the only limit (%.2f ms of projector CPU per record)%n",
                    LogGenerator.seconds(fold.projectorCpu()), LogGenerator.seconds(fold.databaseCpu()),
                    fold.cpuBoundRate(), fold.projectorCpu().toNanos() / 1e6 / fold.measuredRecords());
            Map<String, Long> rows = rowCounts();
            long allRows = rows.values().stream().mapToLong(Long::longValue).sum();
            System.out.println("rows written: " + rows);
            double writeRate = records / LogGenerator.seconds(copyAgain(rows.keySet()));
            System.out.printf(Locale.ROOT, "write ceiling: %,.0f records/s (COPY of the fold's %,d rows into empty "
                    + "copies of their %d tables, one transaction)%n", writeRate, allRows, rows.size());
            System.out.printf(Locale.ROOT, "fold / read ceiling: %.2f   fold / write ceiling: %.2f%n",
                    fold.rate() / readRate, fold.rate() / writeRate);
        } finally {
            if (options.keepDatabase()) {
                System.out.println("kept database " + database);
            } else {
                psql("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    /** Every partition's fetch in one response (Kafka's default of 50 MB, or more). */
    private long fetchMaxBytes() {
        return Math.max(50L * 1024 * 1024, (long) options.fetchBytes() * Topics.EVENTS_PARTITIONS);
    }

    /** Reads the topic from offset 0 to its end, parsing every record's headers and body. */
    private Duration readEverything(long records) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.log().bootstrap());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(options.maxPollRecords()));
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(options.fetchBytes()));
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(fetchMaxBytes()));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // as the projector reads the log (the ingest writes it in transactions)
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long started = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(options.log().topic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long fields = 0;
            while (read < records) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    DeliveryMetadata delivery = DeliveryMetadata.fromHeaders(record.headers());
                    fields += GitHubPayloads.parse(record.value(), delivery.contentType()).size();
                    read++;
                }
            }
            if (fields == 0) {
                throw new IllegalStateException("the log's bodies are empty");
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * @param projectorCpu the CPU time the projector's JVM used over the measured stretch
     * @param databaseCpu  the CPU time its PostgreSQL backends used over the measured stretch
     */
    private record Fold(long measuredRecords, Duration measured, Duration total, Duration projectorCpu,
            Duration databaseCpu) {

        double rate() {
            return measuredRecords / LogGenerator.seconds(measured);
        }

        /** The rate were the projector's and the database's CPU time the only limit (one core each). */
        double cpuBoundRate() {
            return measuredRecords / Math.max(LogGenerator.seconds(projectorCpu), LogGenerator.seconds(databaseCpu));
        }
    }

    /** Starts the projector on the fresh database and waits until its checkpoints hold every record. */
    private Fold fold(long records) throws IOException, InterruptedException {
        String group = "fold-bench-" + run;
        String changes = options.log().topic() + "-changes";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.log().bootstrap()))) {
            if (LogGenerator.records(admin, changes) < 0) {
                admin.createTopics(List.of(new NewTopic(changes, Topics.CHANGES_PARTITIONS, (short) 1)
                        .configs(Topics.CHANGES_CONFIG))).all().get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not create " + changes + ": " + e.getCause(), e);
        }
        Path log = Files.createTempFile("fold-bench-projector-", ".log");
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(options.projectorJvm().trim().split("\\s+")));
        command.addAll(List.of("-jar", options.projector().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", "0");
        // another projector on this machine (a developer's, a test's) holds the default 9082
        env.put("QUARKUS_MANAGEMENT_PORT", "0");
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", options.pgUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", options.pgUser());
        env.put("KAFKA_BOOTSTRAP_SERVERS", options.log().bootstrap());
        env.put("ORGPULSE_PROJECTOR_CONSUMER_GROUP", group);
        env.put("ORGPULSE_PROJECTOR_TRIM_EVERY", "off");
        env.put("MP_MESSAGING_INCOMING_EVENTS_TOPIC", options.log().topic());
        env.put("ORGPULSE_PROJECTOR_CHANGES_TOPIC", changes);
        env.put("MP_MESSAGING_INCOMING_EVENTS_MAX_POLL_RECORDS", String.valueOf(options.maxPollRecords()));
        env.put("MP_MESSAGING_INCOMING_EVENTS_MAX_PARTITION_FETCH_BYTES", String.valueOf(options.fetchBytes()));
        env.put("MP_MESSAGING_INCOMING_EVENTS_FETCH_MAX_BYTES", String.valueOf(fetchMaxBytes()));
        long started = System.nanoTime();
        Process projector = builder.start();
        try {
            long firstAt = 0;
            long firstRecords = 0;
            long folded = 0;
            Duration projectorCpuAtFirst = Duration.ZERO;
            Duration databaseCpuAtFirst = Duration.ZERO;
            while (folded < records) {
                if (!projector.isAlive()) {
                    throw new IllegalStateException("the projector exited (" + projector.exitValue() + "); see " + log);
                }
                if (System.nanoTime() - started > CATCH_UP_LIMIT.toNanos()) {
                    throw new IllegalStateException("not caught up after " + CATCH_UP_LIMIT + "; see " + log);
                }
                folded = checkpointed(group);
                if (firstAt == 0 && folded > 0) {
                    firstAt = System.nanoTime();
                    firstRecords = folded;
                    projectorCpuAtFirst = cpu(projector.pid());
                    databaseCpuAtFirst = databaseCpu();
                    System.out.printf(Locale.ROOT, "fold: first batch committed after %.1f s%n",
                            (firstAt - started) / 1e9);
                }
                Thread.sleep(250);
            }
            long caughtUp = System.nanoTime();
            Duration projectorCpu = cpu(projector.pid()).minus(projectorCpuAtFirst);
            Duration databaseCpu = databaseCpu().minus(databaseCpuAtFirst);
            System.out.println("fold: the projector's log is " + log);
            return new Fold(records - firstRecords, Duration.ofNanos(caughtUp - firstAt),
                    Duration.ofNanos(caughtUp - started), projectorCpu, databaseCpu);
        } finally {
            projector.destroy();
            if (!projector.waitFor(30, TimeUnit.SECONDS)) {
                projector.destroyForcibly();
            }
        }
    }

    /** The CPU time (user and system) a process of this machine has used so far, from /proc (Linux). */
    private static Duration cpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Duration.ofMillis(ticks * 10);
        } catch (IOException | RuntimeException gone) {
            return Duration.ZERO;
        }
    }

    /** The CPU time of the backends serving the benchmark's database (the projector's connections). */
    private Duration databaseCpu() throws IOException, InterruptedException {
        Duration total = Duration.ZERO;
        String pids = psql(database, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid()");
        for (String pid : pids.strip().split("\n")) {
            if (!pid.isBlank()) {
                total = total.plus(cpu(Long.parseLong(pid.trim())));
            }
        }
        return total;
    }

    /** The records folded by the group: the sum of its checkpoints (0 before the schema exists). */
    private long checkpointed(String group) throws IOException, InterruptedException {
        try {
            String sum = psql(database, "SELECT coalesce(sum(next_offset), 0) FROM " + readModels()
                    + ".checkpoint WHERE consumer_group = '" + group + "'");
            return Long.parseLong(sum.trim());
        } catch (IllegalStateException notYet) {
            return 0;
        }
    }

    /** The schema of the current read-model version, which the projector folds into (see projector's version). */
    private String readModels() throws IOException, InterruptedException {
        return "orgpulse_" + psql(database, "SELECT current FROM orgpulse.read_model_pointer WHERE id = 1").trim();
    }

    /** The rows of every read-model table that has any (and of processed_delivery), by table. */
    private Map<String, Long> rowCounts() throws IOException, InterruptedException {
        Map<String, Long> rows = new LinkedHashMap<>();
        String schema = readModels();
        String tables = psql(database, "SELECT tablename FROM pg_tables WHERE schemaname = '" + schema
                + "' ORDER BY 1");
        for (String table : tables.strip().split("\n")) {
            if (!NOT_READ_MODELS.contains(table)) {
                long count = Long.parseLong(psql(database, "SELECT count(*) FROM " + schema + "." + table).trim());
                if (count > 0) {
                    rows.put(table, count);
                }
            }
        }
        return rows;
    }

    /** Exports the tables' rows (not timed), then times their COPY into empty copies of the tables. */
    private Duration copyAgain(Set<String> tables) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("fold-bench-copy-");
        StringBuilder export = new StringBuilder("CREATE SCHEMA copy_ceiling;\n");
        StringBuilder load = new StringBuilder("BEGIN;\n");
        String schema = readModels();
        for (String table : tables) {
            Path file = dir.resolve(table + ".copy");
            export.append("CREATE TABLE copy_ceiling.").append(table).append(" (LIKE ").append(schema).append('.')
                    .append(table).append(" INCLUDING ALL);\n");
            export.append("\\copy ").append(schema).append('.').append(table).append(" TO '").append(file)
                    .append("'\n");
            load.append("\\copy copy_ceiling.").append(table).append(" FROM '").append(file).append("'\n");
        }
        load.append("COMMIT;\n");
        psqlScript(export.toString());
        long started = System.nanoTime();
        psqlScript(load.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        for (String table : tables) {
            Files.delete(dir.resolve(table + ".copy"));
        }
        Files.delete(dir);
        return took;
    }

    private void psqlScript(String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile("fold-bench-", ".sql");
        try {
            Files.writeString(file, script);
            run(List.of("psql", "-h", "127.0.0.1", "-U", options.pgUser(), "-d", database, "-v", "ON_ERROR_STOP=1",
                    "-q", "-f", file.toString()));
        } finally {
            Files.delete(file);
        }
    }

    private String psql(String db, String sql) throws IOException, InterruptedException {
        return run(List.of("psql", "-h", "127.0.0.1", "-U", options.pgUser(), "-d", db, "-v", "ON_ERROR_STOP=1",
                "-tAq", "-c", sql));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed: " + output.strip());
        }
        return output;
    }
}
