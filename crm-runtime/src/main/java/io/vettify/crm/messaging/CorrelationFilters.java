package io.vettify.crm.messaging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adopts the caller's correlation id and trace context, and echoes the correlation id on every API response. */
public class CorrelationFilters {

    private final RequestCorrelation correlation;

    public CorrelationFilters(RequestCorrelation correlation) {
        this.correlation = correlation;
    }

    @ServerRequestFilter
    public void adopt(ContainerRequestContext request) {
        correlation.adopt(request.getHeaderString(RequestCorrelation.HEADER), request.getHeaderString("traceparent"));
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestCorrelation.HEADER, correlation.correlationId());
    }
}
