package io.vettify.operator.thirdparty.externalsecrets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

@JsonIgnoreProperties(ignoreUnknown = true)
public record ExternalSecretStatus(List<Condition> conditions, String refreshTime, String syncedResourceVersion) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Condition(String type, String status, String reason, String message) {
    }
}
