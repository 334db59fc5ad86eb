package dev.orgpulse.ingest.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.delivery.DeliveryRejectedException;
import dev.orgpulse.ingest.delivery.Rejection;

class RejectedAnswerTest {

    @Test
    void answersTheRejectionsStatusWithItsReasonAndDetail() {
        RejectedAnswer answer = RejectedAnswer.of(rejected(Rejection.BAD_SIGNATURE, "no signature matches"));

        assertEquals(401, answer.status());
        assertEquals(new ErrorBody("bad_signature", "no signature matches"), answer.body());
        assertEquals(Map.of(), answer.headers());
    }

    @Test
    void endsTheConnectionOfABodyTooLarge() {
        assertEquals(Map.of("Connection", "close"), RejectedAnswer.of(rejected(Rejection.TOO_LARGE, "over")).headers());
    }

    @Test
    void tellsAPushWithoutAValidTokenHowToAuthenticate() {
        assertEquals(Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""),
                RejectedAnswer.of(rejected(Rejection.INVALID_TOKEN, "no token")).headers());
    }

    @ParameterizedTest
    @EnumSource(value = Rejection.class, names = { "TOO_LARGE", "INVALID_TOKEN" }, mode = EnumSource.Mode.EXCLUDE)
    void addsNoHeaderToTheOtherRejections(Rejection rejection) {
        RejectedAnswer answer = RejectedAnswer.of(rejected(rejection, "why"));

        assertEquals(rejection.status(), answer.status());
        assertEquals(Map.of(), answer.headers());
    }

    private static DeliveryRejectedException rejected(Rejection rejection, String detail) {
        return new DeliveryRejectedException(Sources.GITHUB, "d-1", rejection, detail, null);
    }
}
