package dev.orgpulse.ingest.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    private static final int CAP = 100_000;

    @Test
    void readsABodyOfExactlyTheCapWhole() throws Exception {
        byte[] body = bytes(CAP);

        assertArrayEquals(body, BoundedBody.read(new ByteArrayInputStream(body), -1, CAP));
        assertArrayEquals(body, BoundedBody.read(new ByteArrayInputStream(body), CAP, CAP));
    }

    @Test
    void refusesAStreamedBodyOneByteOverTheCap() {
        InputStream chunked = new ByteArrayInputStream(bytes(CAP + 1));

        assertThrows(BodyTooLargeException.class, () -> BoundedBody.read(chunked, -1, CAP));
    }

    @Test
    void refusesABodyThatLiesAboutItsLength() {
        InputStream longer = new ByteArrayInputStream(bytes(CAP + 1));

        assertThrows(BodyTooLargeException.class, () -> BoundedBody.read(longer, 10, CAP));
    }

    @Test
    void refusesADeclaredOversizeBodyWithoutReadingIt() {
        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };

        assertThrows(BodyTooLargeException.class, () -> BoundedBody.read(unreadable, CAP + 1L, CAP));
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
