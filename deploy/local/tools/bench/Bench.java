package tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The throughput figures of issue #12 part 3, each printed beside its ceiling and the ratio, never judged:
 * <pre>
 * deploy/local/tools/run Bench [--parts stats,fanout,e2e,ingest] [each part's options]
 * </pre>
 * against a running {@code deploy/local/up}, 127.0.0.1 only. Each part's options are named after it
 * ({@code --stats-seconds}, {@code --fanout-clients}, ...); see its class.
 */
public final class Bench {

    /** One figure and what it is measured against. */
    interface Part {
        void run() throws Exception;
    }

    private static final Map<String, BiFunction<CommandLine, BenchTarget, Part>> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("stats", StatsBench::from);
        PARTS.put("fanout", FanOutBench::from);
        PARTS.put("e2e", EndToEndBench::from);
        PARTS.put("ingest", IngestBench::from);
    }

    private static final String USAGE = "usage: deploy/local/tools/run Bench [--parts " + String.join(",", PARTS.keySet())
            + "] [--query http://127.0.0.1:8080] [--ingest http://127.0.0.1:8081/webhooks/github] [--access-key K]"
            + " [--secret S] [part options: see StatsBench, FanOutBench,"
            + " EndToEndBench, IngestBench]";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<Part> parts = CommandLine.parse(args, Bench::parts, "bench", USAGE);
        for (Part part : parts) {
            part.run();
        }
        System.exit(0);
    }

    private static List<Part> parts(CommandLine line) {
        BenchTarget target = BenchTarget.from(line);
        List<Part> parts = new ArrayList<>();
        for (String name : Arrays.stream(line.text("parts", String.join(",", PARTS.keySet())).split(",")).map(String::trim)
                .toList()) {
            BiFunction<CommandLine, BenchTarget, Part> part = PARTS.get(name);
            if (part == null) {
                throw new IllegalArgumentException("--parts: no part " + name + " (there are " + PARTS.keySet() + ")");
            }
            parts.add(part.apply(line, target));
        }
        return parts;
    }
}
