package io.vettify.crm.common.api;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** 202 Accepted: the work goes on asynchronously; {@code Location} says where to follow it. */
public final class Accepted {

    private Accepted() {
    }

    public static <T> RestResponse<T> at(String path, T body) {
        return RestResponse.ResponseBuilder.<T>accepted().location(URI.create(path)).entity(body).build();
    }
}
