package io.vettify.crm.common.api;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** 201 Created with the new resource's {@code Location} and its representation. */
public final class Created {

    private Created() {
    }

    public static <T> RestResponse<T> at(String path, T body) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(path)).entity(body).build();
    }
}
