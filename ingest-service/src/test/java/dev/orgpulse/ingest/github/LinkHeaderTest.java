package dev.orgpulse.ingest.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void findsTheNextPageAmongTheOthers() {
        String header = "<https://api.github.com/repositories/1000/issues?per_page=3&page=1>; rel=\"prev\", "
                + "<https://api.github.com/repositories/1000/issues?per_page=3&page=3>; rel=\"next\", "
                + "<https://api.github.com/repositories/1000/issues?per_page=3&page=5>; rel=\"last\"";

        assertEquals(Optional.of("https://api.github.com/repositories/1000/issues?per_page=3&page=3"),
                LinkHeader.next(header));
    }

    @Test
    void noNextOnTheLastPage() {
        assertEquals(Optional.empty(), LinkHeader.next("<https://api.github.com/x?page=1>; rel=\"first\""));
        assertEquals(Optional.empty(), LinkHeader.next(null));
    }
}
