package io.vettify.operator.thirdparty.externalsecrets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExternalSecretSpec(String refreshInterval, StoreRef secretStoreRef, Target target, List<DataFrom> dataFrom) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StoreRef(String kind, String name) {
    }

    /** {@code creationPolicy: Owner}: the target Secret belongs to the ExternalSecret and goes with it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String name, String creationPolicy) {
    }

    /** {@code extract}: the remote value is a JSON object whose properties become the Secret's keys. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataFrom(Extract extract) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Extract(String key) {
    }
}
