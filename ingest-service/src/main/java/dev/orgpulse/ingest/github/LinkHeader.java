package dev.orgpulse.ingest.github;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code Link} header GitHub pages its lists with (RFC 8288): {@code <url>; rel="next", <url>; rel="last"}. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]*)\"");

    private LinkHeader() {
    }

    static Optional<String> next(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            for (String rel : link.group(2).split("\\s+")) {
                if (rel.equals("next")) {
                    return Optional.of(link.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
