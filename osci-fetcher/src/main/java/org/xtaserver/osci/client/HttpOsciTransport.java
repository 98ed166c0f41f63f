package org.xtaserver.osci.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.xtaserver.osci.message.OsciOutcome;

/**
 * HTTP(S) POST with {@code Content-Type: text/xml} as the reference transport does (the MIME headers are in the
 * body). TLS settings come with the supplied {@link HttpClient}.
 */
public final class HttpOsciTransport implements OsciTransport {

    private final HttpClient http;
    private final URI uri;
    private final Duration timeout;

    public HttpOsciTransport(HttpClient http, URI uri, Duration timeout) {
        this.http = http;
        this.uri = uri;
        this.timeout = timeout;
    }

    /** A transport with a default client (10 s connect timeout). */
    public static HttpOsciTransport create(URI uri, Duration timeout) {
        return new HttpOsciTransport(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build(), uri, timeout);
    }

    @Override
    public byte[] exchange(byte[] requestBody) {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody)).build();
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new OsciTransportException(OsciOutcome.TIMEOUT, "no answer from " + uri + " within " + timeout, e);
        } catch (IOException e) {
            throw new OsciTransportException(OsciOutcome.CONNECTION_FAILED, uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OsciTransportException(OsciOutcome.CONNECTION_FAILED, "interrupted", e);
        }
        if (resp.statusCode() != 200) {
            throw new OsciTransportException(OsciOutcome.HTTP_ERROR, uri + " answered HTTP " + resp.statusCode(), null);
        }
        return resp.body();
    }
}
