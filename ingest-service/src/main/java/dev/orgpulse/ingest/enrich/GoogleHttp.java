package dev.orgpulse.ingest.enrich;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import io.smallrye.mutiny.Uni;

/** Calls to Google's APIs, each bounded by the request timeout; a broken or timed-out call is worth retrying. */
final class GoogleHttp {

    private final HttpClient client;
    private final Duration requestTimeout;

    GoogleHttp(Duration requestTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
        this.requestTimeout = requestTimeout;
    }

    /**
     * @param call what is asked, for messages
     * @return Google's response, whatever its status; fails {@link GoogleApiException.Kind#TRANSIENT} when none
     *         arrived within the timeout or the connection broke. Each subscription sends the request again.
     */
    Uni<HttpResponse<byte[]>> send(HttpRequest.Builder request, String call) {
        HttpRequest bounded = request.timeout(requestTimeout).build();
        return Uni.createFrom().completionStage(() -> client.sendAsync(bounded, HttpResponse.BodyHandlers.ofByteArray()))
                .onFailure().transform(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    return cause instanceof IOException
                            ? new GoogleApiException(GoogleApiException.Kind.TRANSIENT,
                                    call + " failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                                    cause)
                            : cause;
                });
    }
}
