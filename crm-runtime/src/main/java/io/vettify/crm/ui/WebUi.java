package io.vettify.crm.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the web UI (built by Maven into {@code webui/} on the classpath) under {@code /ui/}: hashed assets cached for
 * a year, the entry points ({@code index.html}, {@code remoteEntry.js}, {@code config.json}) revalidated on every
 * load, client routes answered with {@code index.html}, and a Content-Security-Policy that allows scripts from this
 * origin only and connections to this origin and the identity provider.
 */
@ApplicationScoped
public class WebUi {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private static final String ROOT = "webui/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "woff2", "font/woff2", "map", "application/json");

    private final Map<String, Asset> assets = new ConcurrentHashMap<>();
    private final String contentSecurityPolicy;
    private final Asset config;

    public WebUi(@ConfigProperty(name = "vettify.ui.oidc.authority") String authority,
            @ConfigProperty(name = "vettify.ui.oidc.client-id") String clientId,
            ObjectMapper mapper) throws JsonProcessingException {
        this.contentSecurityPolicy = contentSecurityPolicy(authority);
        byte[] json = mapper.writeValueAsBytes(Map.of(
                "oidc", Map.of("authority", authority, "clientId", clientId), "apiBase", "/v1"));
        this.config = Asset.of(json, "application/json");
    }

    /**
     * Emotion (MUI's styling) inserts {@code <style>} elements and React sets {@code style} attributes at run time,
     * so styles allow 'unsafe-inline'; scripts never do.
     */
    static String contentSecurityPolicy(String authority) {
        URI issuer = URI.create(authority);
        String idp = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self' " + idp + "; form-action 'self' " + idp + "; "
                + "base-uri 'self'; object-src 'none'; frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        router.get("/ui").handler(context -> {
            if (context.request().path().equals("/ui")) {
                context.redirect("/ui/");
            } else {
                context.next();
            }
        });
        router.get("/ui/*").blockingHandler(this::serve, false);
    }

    private void serve(RoutingContext context) {
        String path = context.normalizedPath().substring("/ui/".length());
        context.response().putHeader("Content-Security-Policy", contentSecurityPolicy);
        if (path.equals("config.json")) {
            send(context, config, REVALIDATE);
            return;
        }
        String file = path.isEmpty() ? "index.html" : path;
        Optional<Asset> asset = file.contains("..") ? Optional.empty() : asset(file);
        if (asset.isPresent()) {
            send(context, asset.get(), file.startsWith("assets/") ? IMMUTABLE : REVALIDATE);
        } else if (!lastSegment(file).contains(".")) {
            // A client-side route (e.g. /ui/leads/42): the SPA's router takes it from index.html.
            asset("index.html").ifPresentOrElse(index -> send(context, index, REVALIDATE),
                    () -> context.response().setStatusCode(404).end());
        } else {
            context.response().setStatusCode(404).putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
        }
    }

    /** Only files that exist are kept: a miss is not cached, so probing made-up paths cannot grow the map. */
    private Optional<Asset> asset(String file) {
        return Optional.ofNullable(assets.computeIfAbsent(file, name -> {
            try (InputStream in = WebUi.class.getClassLoader().getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    return null;
                }
                String extension = name.substring(name.lastIndexOf('.') + 1);
                return Asset.of(in.readAllBytes(), TYPES.getOrDefault(extension, "application/octet-stream"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    private static void send(RoutingContext context, Asset asset, String cacheControl) {
        String accepted = context.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = asset.gzipped() != null && accepted != null && accepted.contains("gzip");
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, asset.type())
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            context.response().putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        context.response().end(Buffer.buffer(gzip ? asset.gzipped() : asset.bytes()));
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A file of the UI, kept in memory with its gzip form when that is smaller (text files). */
    record Asset(byte[] bytes, byte[] gzipped, String type) {

        static Asset of(byte[] bytes, String type) {
            boolean text = type.startsWith("text/") || type.contains("json") || type.contains("svg");
            byte[] gzipped = text ? gzip(bytes) : null;
            return new Asset(bytes, gzipped != null && gzipped.length < bytes.length ? gzipped : null, type);
        }

        private static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
