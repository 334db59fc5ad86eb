package dev.orgpulse.ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.orgpulse.ingest.support.ConsumerGroupProgress;
import dev.orgpulse.ingest.support.GoogleJwksResource;
import dev.orgpulse.ingest.support.InjectWireMock;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.google.GoogleKeys;
import dev.orgpulse.testing.google.PubSubDelivery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Without Meet credentials (the test profile has none) the enricher does not run: nothing reads the log for it. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GoogleJwksResource.class)
class MeetEnricherOffTest {

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @InjectWireMock
    WireMockServer jwks;

    @Test
    void joinsNoConsumerGroupWithoutCredentials() {
        GoogleKeys.publish(jwks, GoogleKeys.CURRENT);

        PubSubDelivery.fixture("participant-joined.json").post().then().statusCode(202);

        // a group that consumed without credentials would later skip every participant it had committed past
        assertFalse(ConsumerGroupProgress.exists(broker, MeetEnricher.GROUP_ID), "the enricher's consumer group exists");
    }
}
