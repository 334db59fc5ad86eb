package dev.orgpulse.ingest.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body whole, up to a cap: a body over the cap is refused as soon as it is known to be too
 * large (by its declared length, or while it streams in), never truncated. Read either from a blocking stream on a
 * worker thread, or on the event loop as its chunks arrive.
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
            throw declaredOverCap(declaredLength, maxBytes);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(initialCapacity(declaredLength));
        byte[] chunk = new byte[CHUNK];
        int read;
        while ((read = in.read(chunk)) != -1) {
            if (body.size() + (long) read > maxBytes) {
                throw overCap(maxBytes);
            }
            body.write(chunk, 0, read);
        }
        return body.toByteArray();
    }

    /**
     * Reads the body on the event loop, no thread waiting for it. The request must be paused and its body unread, as
     * RESTEasy Reactive leaves it for a resource method without a body parameter. A body over the cap is left unread
     * and the request paused: the answer to it ends the connection.
     *
     * @param declaredLength the Content-Length, or a negative number when the body is chunked
     * @return the body; else fails with a {@link BodyTooLargeException}, or with the request's failure (the sender
     *         went away before the end of the body)
     */
    public static CompletionStage<byte[]> read(HttpServerRequest request, long declaredLength, long maxBytes) {
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        if (declaredLength > maxBytes) {
            answer.completeExceptionally(declaredOverCap(declaredLength, maxBytes));
            return answer;
        }
        Buffer body = Buffer.buffer(initialCapacity(declaredLength));
        request.handler(chunk -> {
            if (body.length() + (long) chunk.length() > maxBytes) {
                request.pause();
                answer.completeExceptionally(overCap(maxBytes));
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(answer::completeExceptionally);
        request.endHandler(end -> answer.complete(body.getBytes()));
        // a sender that asked to be told first (curl does, for large bodies) waits for this before it sends
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue();
        }
        request.resume();
        return answer;
    }

    private static int initialCapacity(long declaredLength) {
        return declaredLength > 0 ? (int) declaredLength : CHUNK;
    }

    private static BodyTooLargeException declaredOverCap(long declaredLength, long maxBytes) {
        return new BodyTooLargeException(
                "body declares " + declaredLength + " bytes, more than the " + maxBytes + " accepted");
    }

    private static BodyTooLargeException overCap(long maxBytes) {
        return new BodyTooLargeException("body is longer than the " + maxBytes + " bytes accepted");
    }
}
