package io.vettify.workers.reference;

import com.fasterxml.jackson.databind.JsonNode;

/** One worker of the stand-in fleet: turns a (schema-valid) request into its result. */
interface Worker {

    /** The worker's name: the routing key of its requests. */
    String name();

    JsonNode handle(JsonNode request) throws WorkerException;
}
