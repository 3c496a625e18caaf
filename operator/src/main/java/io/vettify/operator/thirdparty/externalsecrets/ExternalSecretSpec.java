package io.vettify.operator.thirdparty.externalsecrets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The fields Vettify writes. The API server adds the CRD's defaults to the others (e.g. {@code target.deletionPolicy},
 * {@code extract.conversionStrategy}): reading them back must not fail.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExternalSecretSpec(String refreshInterval, StoreRef secretStoreRef, Target target, List<DataFrom> dataFrom) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoreRef(String kind, String name) {
    }

    /** {@code creationPolicy: Owner}: the target Secret belongs to the ExternalSecret and goes with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(String name, String creationPolicy) {
    }

    /** {@code extract}: the remote value is a JSON object whose properties become the Secret's keys. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataFrom(Extract extract) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Extract(String key) {
    }
}
