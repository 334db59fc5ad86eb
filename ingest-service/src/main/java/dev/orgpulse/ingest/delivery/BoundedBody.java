package dev.orgpulse.ingest.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body whole, up to a cap: a body over the cap is refused as soon as it is known to be too
 * large (by its declared length, or while it streams in), never truncated.
 */
public final class BoundedBody {

    private static final int CHUNK = 64 * 1024;

    private BoundedBody() {
    }

    /**
     * @param declaredLength the Content-Length, or a negative number when the body is chunked
     * @throws BodyTooLargeException when the body is, or claims to be, longer than {@code maxBytes}
     */
    public static byte[] read(InputStream in, long declaredLength, long maxBytes) throws IOException {
        if (declaredLength > maxBytes) {
            throw new BodyTooLargeException(
                    "body declares " + declaredLength + " bytes, more than the " + maxBytes + " accepted");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : CHUNK);
        byte[] chunk = new byte[CHUNK];
        int read;
        while ((read = in.read(chunk)) != -1) {
            if (body.size() + (long) read > maxBytes) {
                throw new BodyTooLargeException("body is longer than the " + maxBytes + " bytes accepted");
            }
            body.write(chunk, 0, read);
        }
        return body.toByteArray();
    }
}
