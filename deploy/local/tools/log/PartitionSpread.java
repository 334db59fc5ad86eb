package tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;

import org.apache.kafka.common.utils.Utils;

import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.Topics;
import tools.OrgStory.Delivery;

/**
 * How an organisation's records spread over the log's partitions. Records are keyed by repository
 * ({@link GitHubPayloads#recordKey}) and the producer's default partitioner puts a key on partition
 * {@code murmur2(key) mod partitions}, so the spread depends on which repositories are busy. Prints, for several
 * partition counts, each partition's share of the records and the busiest partition against the mean (the
 * fold's parallelism is bounded by it: a projector holding the busiest partition does that share of the work):
 * <ul>
 * <li>the simulator's story ({@link OrgStory}, the mix {@link LogGenerator} writes), whose repositories are about
 * equally busy;</li>
 * <li>the same repositories with skewed activity, as in a real organisation: the repository of rank r gets a share
 * proportional to 1/r (Zipf, s = 1), ranks drawn at random with the seed.</li>
 * </ul>
 * <pre>
 * deploy/local/tools/run PartitionSpread [--records 200000] [--repos 200] [--people 500] [--seed 8]
 * </pre>
 */
final class PartitionSpread {

    static final String USAGE = "usage: deploy/local/tools/run PartitionSpread [--records 200000] [--repos 200]"
            + " [--people 500] [--seed 8]";
    private static final int[] PARTITION_COUNTS = { 3, Topics.EVENTS_PARTITIONS, 12, 24 };

    record Options(int records, int repos, int people, long seed) {

        static Options from(CommandLine line) {
            return new Options(line.number("records", 200_000, 1, Integer.MAX_VALUE),
                    line.number("repos", 200, 1, 100_000), line.number("people", 500, 2, 100_000),
                    line.number("seed", 8));
        }
    }

    private PartitionSpread() {
    }

    public static void main(String[] args) {
        Options options = CommandLine.parse(args, Options::from, "PartitionSpread", USAGE);
        GitHubOrg org = GitHubOrg.of("acme-labs", options.repos(), options.people());

        Map<String, Long> storyRecordsByKey = new HashMap<>();
        OrgStory story = new OrgStory(org, new Random(options.seed()));
        for (int i = 0; i < options.records(); i++) {
            Delivery delivery = story.next();
            storyRecordsByKey.merge(GitHubPayloads.recordKey(GitHubPayloads.parse(delivery.body(), null)), 1L, Long::sum);
        }
        System.out.printf(Locale.ROOT, "%,d records of the simulator's story over %d repositories (%d keys)%n",
                options.records(), options.repos(), storyRecordsByKey.size());
        print(storyRecordsByKey);

        List<String> keys = new ArrayList<>(org.repos().stream().map(repo -> "github:" + repo.fullName()).toList());
        Collections.shuffle(keys, new Random(options.seed()));
        double harmonic = 0;
        for (int rank = 1; rank <= keys.size(); rank++) {
            harmonic += 1.0 / rank;
        }
        Map<String, Long> skewedRecordsByKey = new HashMap<>();
        for (int rank = 1; rank <= keys.size(); rank++) {
            skewedRecordsByKey.put(keys.get(rank - 1), Math.round(options.records() / (rank * harmonic)));
        }
        System.out.printf(Locale.ROOT, "%n%,d records over the same repositories with Zipf activity (the busiest has"
                + " %.1f %%, the top 10 %.1f %%)%n", options.records(), 100 / harmonic, 100 * topShare(10, harmonic));
        print(skewedRecordsByKey);
    }

    private static double topShare(int top, double harmonic) {
        double share = 0;
        for (int rank = 1; rank <= top; rank++) {
            share += 1.0 / (rank * harmonic);
        }
        return share;
    }

    /** Each partition count's shares, busiest first, and the busiest partition against the mean. */
    private static void print(Map<String, Long> recordsByKey) {
        long total = recordsByKey.values().stream().mapToLong(Long::longValue).sum();
        for (int partitions : PARTITION_COUNTS) {
            long[] records = spread(recordsByKey, partitions, key -> partitionOf(key, partitions));
            long busiest = 0;
            StringBuilder shares = new StringBuilder();
            for (int partition = 0; partition < partitions; partition++) {
                busiest = Math.max(busiest, records[partition]);
                shares.append(String.format(Locale.ROOT, " %4.1f", 100.0 * records[partition] / total));
            }
            double mean = (double) total / partitions;
            System.out.printf(Locale.ROOT, "  %2d partitions: busiest/mean %.2f (parallel speed-up at most %.1f of %d);"
                    + " %% per partition:%s%n", partitions, busiest / mean, total / (double) busiest, partitions, shares);
        }
    }

    private static long[] spread(Map<String, Long> recordsByKey, int partitions, ToIntFunction<String> partitionOf) {
        long[] records = new long[partitions];
        recordsByKey.forEach((key, count) -> records[partitionOf.applyAsInt(key)] += count);
        return records;
    }

    /** The partition Kafka's default partitioner gives a record key (BuiltInPartitioner.partitionForKey). */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }
}
