package dev.orgpulse.ingest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test field that receives the {@link com.github.tomakehurst.wiremock.WireMockServer} of
 * {@link GoogleJwksResource}, or the {@link dev.orgpulse.testing.google.GoogleStandIn} around it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectWireMock {
}
