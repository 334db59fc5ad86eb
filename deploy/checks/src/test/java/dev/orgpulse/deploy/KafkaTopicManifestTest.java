package dev.orgpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** deploy/k8s's KafkaTopics are the contract's: generated from Topics, checked here (or written, on request). */
class KafkaTopicManifestTest {

    @Test
    void kafkaTopicsAreGeneratedFromTheContract() throws IOException {
        Path file = Repository.root().resolve(KafkaTopicManifest.FILE);
        String generated = KafkaTopicManifest.render();
        if (System.getProperty("orgpulse.manifests.write") != null) {
            Files.writeString(file, generated);
        }
        assertEquals(generated, Files.exists(file) ? Files.readString(file) : "", KafkaTopicManifest.FILE
                + " differs from the contract (event-log Topics): regenerate it with"
                + " mvn -B -pl deploy/checks -am verify -Dorgpulse.manifests.write");
    }
}
