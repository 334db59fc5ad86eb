package tools;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A command line of {@code --name value} pairs, taken option by option; an option no one took is refused.
 * Every problem is an {@link IllegalArgumentException} whose message names the option.
 */
final class CommandLine {

    private final Map<String, String> given = new LinkedHashMap<>();

    /**
     * What options makes of the command line, every option taken; on a problem, prints it after the
     * program's name, then the usage, and exits 2.
     */
    static <T> T parse(String[] args, Function<CommandLine, T> options, String program, String usage) {
        try {
            CommandLine line = new CommandLine(args);
            T parsed = options.apply(line);
            line.done();
            return parsed;
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
            throw new AssertionError("exited");
        }
    }

    private CommandLine(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            given.put(args[i].substring(2), args[++i]);
        }
    }

    boolean has(String name) {
        return given.containsKey(name);
    }

    String text(String name, String fallback) {
        String value = given.remove(name);
        return value == null ? fallback : value;
    }

    int number(String name, int fallback, int min, int max) {
        String range = max == Integer.MAX_VALUE ? " of at least " + min : " from " + min + " to " + max;
        return (int) number(name, fallback, min, max, range);
    }

    long number(String name, long fallback) {
        return number(name, fallback, Long.MIN_VALUE, Long.MAX_VALUE, "");
    }

    private long number(String name, long fallback, long min, long max, String range) {
        String value = given.remove(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number" + range + ": " + value);
    }

    URI url(String name, String fallback) {
        return httpUrl(name, text(name, fallback));
    }

    /** One or more comma-separated http(s) URLs. */
    List<URI> urls(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::trim).map(url -> httpUrl(name, url)).toList();
    }

    private static URI httpUrl(String name, String text) {
        URI url = URI.create(text);
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("--" + name + " must be an http(s) URL: " + url);
        }
        return url;
    }

    /** {@code --secret}, else the first of {@code ORGPULSE_GITHUB_WEBHOOK_SECRETS} (those ingest-service accepts). */
    String secret() {
        String configured = System.getenv().getOrDefault("ORGPULSE_GITHUB_WEBHOOK_SECRETS", "").split(",", -1)[0];
        String secret = text("secret", configured.trim());
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("no secret: pass --secret or set ORGPULSE_GITHUB_WEBHOOK_SECRETS");
        }
        return secret;
    }

    private void done() {
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + given.keySet());
        }
    }

    /** A rate given as 2/s, 30/m or 0.5 (per second), in deliveries per second. */
    static double perSecond(String rate) {
        String[] parts = rate.split("/", 2);
        double seconds = parts.length == 1 || parts[1].equals("s") ? 1 : parts[1].equals("m") ? 60 : Double.NaN;
        try {
            double perSecond = Double.parseDouble(parts[0]) / seconds;
            if (perSecond > 0) {
                return perSecond;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--rate must look like 2/s, 30/m or 0.5: " + rate);
    }
}
