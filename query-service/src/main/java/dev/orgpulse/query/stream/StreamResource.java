package dev.orgpulse.query.stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Multi;

/**
 * {@code GET /api/stream}: Server-Sent Events of activity and stats, resumable with {@code Last-Event-ID}. A browser's
 * EventSource sends that header only when it reconnects by itself; a page that opens a new one after its stream was
 * closed passes the id as {@code ?lastEventId=} instead. The header, being the newer, wins.
 */
@Path("/api/stream")
public class StreamResource {

    private final ViewerStreams streams;

    public StreamResource(ViewerStreams streams) {
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@RestHeader("Last-Event-ID") String lastEventIdHeader,
            @RestQuery String lastEventId, @Context Sse sse) {
        String resumeFrom = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventId;
        return streams.open(StreamId.parse(resumeFrom)).map(message -> message.toSse(sse));
    }
}
