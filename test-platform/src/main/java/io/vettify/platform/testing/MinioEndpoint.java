package io.vettify.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * MinIO on the local platform: its S3 endpoint (HTTPS), root credentials, and the CA that signed its certificate (the
 * cluster's own CA). {@link #trustManager()} and {@link #sslContext()} trust that CA and nothing else, e.g. for the
 * MinIO Java SDK: {@code new OkHttpClient.Builder().sslSocketFactory(e.sslContext().getSocketFactory(), e.trustManager())}.
 */
public record MinioEndpoint(URI endpoint, String rootUser, String rootPassword, Path caCertificate) {

    @Override
    public String toString() {
        return "MinioEndpoint[endpoint=" + endpoint + ", rootUser=" + rootUser + ", caCertificate=" + caCertificate + "]";
    }

    /** A trust manager that trusts only {@link #caCertificate()}. */
    public X509TrustManager trustManager() {
        return trustManagerFor(caCertificate);
    }

    /** A TLS context that trusts only {@link #caCertificate()}. */
    public SSLContext sslContext() {
        return sslContextTrusting(caCertificate);
    }

    static X509TrustManager trustManagerFor(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("vettify-ca-" + i++, ca);
            }
            if (i == 0) {
                throw new IllegalStateException("no certificate in " + caFile);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + caFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the CA certificate " + caFile, e);
        }
    }

    static SSLContext sslContextTrusting(Path caFile) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManagerFor(caFile)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context for " + caFile, e);
        }
    }
}
