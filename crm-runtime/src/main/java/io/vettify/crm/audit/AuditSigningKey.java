package io.vettify.crm.audit;

import io.quarkus.runtime.StartupEvent;
import io.vettify.crm.common.api.Problem;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.ProblemType;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The ECDSA P-256 key that signs audit exports: {@code vettify.audit.signing-key} (env
 * {@code VETTIFY_AUDIT_SIGNING_KEY}, PEM PKCS#8) in production; in dev and test a generated key in
 * {@code vettify.audit.dev-key-file} (the security guard refuses that file in any other profile). Loaded when the
 * runtime starts, so a broken key stops the start; without any key the runtime records the trail but refuses to sign.
 */
@ApplicationScoped
public class AuditSigningKey {

    public static final String ALGORITHM = "SHA256withECDSA";
    private static final Logger LOG = Logger.getLogger(AuditSigningKey.class);
    private static final String CURVE = "secp256r1";

    private final Optional<String> configuredKey;
    private final Optional<Path> devKeyFile;
    private volatile KeyPair keys;

    public AuditSigningKey(@ConfigProperty(name = "vettify.audit.signing-key") Optional<String> configuredKey,
            @ConfigProperty(name = "vettify.audit.dev-key-file") Optional<Path> devKeyFile) {
        this.configuredKey = configuredKey;
        this.devKeyFile = devKeyFile;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (configuredKey.isPresent()) {
            keys = keyPair(parsePrivateKey(configuredKey.get(), "vettify.audit.signing-key"));
        } else if (devKeyFile.isPresent()) {
            keys = devKeys(devKeyFile.get());
        } else {
            LOG.warn("no audit signing key (VETTIFY_AUDIT_SIGNING_KEY): audit exports cannot be signed");
        }
    }

    /** A signer over SHA-256 answering DER signatures; 503 when no key is configured. */
    public Signature signer() {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(keys().getPrivate());
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit signing key cannot sign", e);
        }
    }

    /** The public key as PEM (SubjectPublicKeyInfo), as openssl and cosign read it. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys().getPublic().getEncoded());
    }

    private KeyPair keys() {
        KeyPair current = keys;
        if (current == null) {
            throw new ProblemException(Problem.of(ProblemType.UNAVAILABLE,
                    "no audit signing key is configured (VETTIFY_AUDIT_SIGNING_KEY): exports cannot be signed"));
        }
        return current;
    }

    private static KeyPair devKeys(Path file) {
        try {
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(CURVE));
                writePrivately(file, pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded()));
                LOG.infof("generated the development audit signing key %s", file);
            }
            return keyPair(parsePrivateKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development audit signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
    }

    /** Written whole and readable by its owner only; a key another process wrote first wins. */
    private static void writePrivately(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".audit-key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException raced) {
                LOG.debugf("the development audit signing key %s was created meanwhile: using it", file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static ECPrivateKey parsePrivateKey(String pem, String source) {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        if (!pem.contains("-----BEGIN PRIVATE KEY-----") || body.isEmpty()) {
            throw new IllegalStateException(source + " is not a PEM PKCS#8 private key (-----BEGIN PRIVATE KEY-----)");
        }
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            ECPrivateKey ec = (ECPrivateKey) key;
            if (!ec.getParams().getOrder().equals(p256().getOrder())) {
                throw new IllegalStateException(source + " is an EC key on another curve: P-256 (secp256r1) is required");
            }
            return ec;
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(source + " is not an EC P-256 private key in PKCS#8", e);
        }
    }

    /** The public key is the curve's generator multiplied by the private scalar. */
    static KeyPair keyPair(ECPrivateKey privateKey) {
        BigInteger d = privateKey.getS();
        var q = ECNamedCurveTable.getParameterSpec(CURVE).getG().multiply(d).normalize();
        try {
            PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()), p256()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the audit signing key's public key", e);
        }
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(CURVE));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is part of every JDK", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
