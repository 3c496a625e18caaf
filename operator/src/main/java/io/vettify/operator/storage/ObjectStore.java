package io.vettify.operator.storage;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.minio.MinioClient;
import io.minio.admin.MinioAdminClient;
import io.minio.errors.ErrorResponseException;
import io.vettify.operator.secrets.SecretValues;
import io.vettify.operator.secrets.TenantSecret;
import io.vettify.operator.tenant.ProvisioningException;
import io.vettify.operator.tenant.VettifyTenant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The tenant's object store (MinIO), as {@code spec.objectStorage.endpoint} and its admin Secret describe it: keys
 * {@code accessKey}, {@code secretKey} and optionally {@code caCert}, the PEM of the CA that signed the endpoint's
 * certificate. With {@code caCert} only that CA is trusted, without it the JVM's default trust store; certificate
 * verification is never turned off.
 */
public final class ObjectStore {

    public static final String CA_CERT = "caCert";

    /** The object store's error codes for credentials it does not accept, and for credentials of too little power. */
    private static final Set<String> AUTHENTICATION_ERRORS = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "XMinioInvalidAccessKey", "XMinioAdminInvalidAccessKey", "XMinioAdminSignatureDoesNotMatch");
    private static final String ACCESS_DENIED = "AccessDenied";
    private static final Pattern ADMIN_ERROR_CODE = Pattern.compile("\"Code\"\\s*:\\s*\"([A-Za-z]+)\"");

    /** One connection pool and dispatcher for every tenant; each tenant's client only swaps the trusted CA. */
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .build();

    private final String endpoint;
    private final String accessKey;
    private final String secretKey;
    private final OkHttpClient http;

    private ObjectStore(String endpoint, String accessKey, String secretKey, OkHttpClient http) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.http = http;
    }

    public static ObjectStore of(VettifyTenant tenant, KubernetesClient client) {
        var secretName = TenantSecret.OBJECT_STORAGE_ADMIN.secretName(tenant);
        var secret = SecretValues.read(client, tenant.getMetadata().getNamespace(), secretName);
        var caCert = secret.optional(CA_CERT, null);
        var http = SHARED;
        if (caCert != null) {
            var trustManager = trusting(caCert, secretName);
            http = SHARED.newBuilder().sslSocketFactory(sslContext(trustManager).getSocketFactory(), trustManager).build();
        }
        return new ObjectStore(tenant.getSpec().objectStorage.endpoint, secret.required("accessKey"),
                secret.required("secretKey"), http);
    }

    /** The S3 API as the object store's administrator. */
    public MinioClient s3() {
        return MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).httpClient(http).build();
    }

    /** MinIO's admin API (users and policies). */
    public MinioAdminClient admin() {
        return MinioAdminClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).httpClient(http).build();
    }

    /**
     * A named failure for an object-store error: unreachable, a TLS failure (most often a certificate from a CA the
     * operator was not given), refused credentials, or another error of the object store.
     */
    public ProvisioningException failure(String doing, Exception e) {
        var what = "%s at %s: %s".formatted(doing, endpoint, describe(e));
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new ProvisioningException("ObjectStoreTlsFailed", what + " (is the admin Secret's caCert the"
                        + " CA that signed the endpoint's certificate?)", e);
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return new ProvisioningException("ObjectStoreUnreachable", what, e);
            }
        }
        var code = errorCode(e);
        if (AUTHENTICATION_ERRORS.contains(code)) {
            return new ProvisioningException("ObjectStoreAuthenticationFailed", what, e);
        }
        if (ACCESS_DENIED.equals(code)) {
            return new ProvisioningException("ObjectStoreAccessDenied", what + " (the admin Secret's user needs the"
                    + " object store's admin rights)", e);
        }
        return new ProvisioningException("BucketError", what, e);
    }

    /**
     * The S3 error code; for the admin API, whose client throws a plain RuntimeException with the JSON answer as its
     * message, the {@code "Code"} in that answer.
     */
    private static String errorCode(Exception e) {
        if (e instanceof ErrorResponseException response) {
            return response.errorResponse().code();
        }
        var matcher = ADMIN_ERROR_CODE.matcher(String.valueOf(e.getMessage()));
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String describe(Exception e) {
        if (e instanceof ErrorResponseException response) {
            return response.errorResponse().code() + ": " + response.errorResponse().message();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static X509TrustManager trusting(String pem, String secretName) {
        try {
            var store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            var certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            int i = 0;
            for (var certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in it");
            }
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                    .findFirst().orElseThrow();
        } catch (GeneralSecurityException | IOException e) {
            throw new ProvisioningException("SecretInvalid",
                    "Secret %s: key %s must hold PEM certificates (%s)".formatted(secretName, CA_CERT, e.getMessage()));
        }
    }

    private static SSLContext sslContext(X509TrustManager trustManager) {
        try {
            var context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context", e);
        }
    }
}
