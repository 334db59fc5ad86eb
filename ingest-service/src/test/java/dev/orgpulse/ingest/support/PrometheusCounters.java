package dev.orgpulse.ingest.support;

import java.util.stream.IntStream;

import dev.orgpulse.testing.ManagementInterface;

/** Reads one counter from the service's Prometheus endpoint (on the management interface). */
public final class PrometheusCounters {

    private PrometheusCounters() {
    }

    /**
     * @param labels pairs of label name and value the series must carry
     * @return the counter's value, 0 while it does not exist yet
     */
    public static double value(String name, String... labels) {
        String scrape = ManagementInterface.given().get("/metrics").then().statusCode(200).extract().asString();
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> hasLabels(line, labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static boolean hasLabels(String line, String... labels) {
        String series = line.substring(0, line.indexOf('}') + 1);
        return IntStream.range(0, labels.length / 2)
                .allMatch(pair -> series.contains(labels[2 * pair] + "=\"" + labels[2 * pair + 1] + "\""));
    }
}
