package dev.orgpulse.deploy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Compose file (compose-spec), the fields deploy/compose uses (an unknown one fails). */
record ComposeFile(String name, Map<String, Service> services, Map<String, Volume> volumes) {

    record Service(String image, List<String> command, Map<String, String> environment, List<String> ports,
            List<String> volumes, @JsonProperty("depends_on") Map<String, Dependency> dependsOn,
            Healthcheck healthcheck, String restart) {
    }

    record Dependency(String condition) {
    }

    record Healthcheck(List<String> test, String interval, String timeout, Integer retries) {
    }

    record Volume(String driver) {
    }
}
