package org.xtaserver.osci.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.xtaserver.osci.message.OsciMessageId;
import org.xtaserver.osci.message.ProcessCard;

/**
 * OSCI 1.2 intermediary simulator over HTTP (JDK HttpServer on 127.0.0.1), path {@code /osci-manager-entry/externalentry}
 * like Governikus (any path is accepted). For tests and local runs only: TEST keys, state in memory.
 */
public final class OsciSimulator implements AutoCloseable {

    /** The path the Governikus intermediary uses. */
    public static final String PATH = "/osci-manager-entry/externalentry";

    private final IntermediaryEngine engine;
    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Duration slowDelay = Duration.ofSeconds(5);

    private OsciSimulator(IntermediaryEngine engine, HttpServer server, ExecutorService executor) {
        this.engine = engine;
        this.server = server;
        this.executor = executor;
    }

    /** Starts on {@code port} (0 = any free port). */
    public static OsciSimulator start(int port, SimulatorKeys keys, Clock clock) throws IOException {
        IntermediaryEngine engine = new IntermediaryEngine(keys, clock, new SecureRandom());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "osci-simulator");
            t.setDaemon(true);
            return t;
        });
        OsciSimulator sim = new OsciSimulator(engine, server, executor);
        server.createContext("/", sim::handle);
        server.setExecutor(executor);
        server.start();
        return sim;
    }

    /** Starts on a free port with fresh TEST keys. */
    public static OsciSimulator startWithTestKeys(Clock clock) throws IOException {
        return start(0, SimulatorKeys.generate(clock.instant(), new SecureRandom()), clock);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public IntermediaryEngine engine() {
        return engine;
    }

    public X509Certificate cipherCertificate() {
        return engine.keys().cipher().certificate();
    }

    public X509Certificate signatureCertificate() {
        return engine.keys().signature().certificate();
    }

    /** Seeds a delivery; {@code contentPackage} is the verbatim content of {@code osci:ContentPackage}. */
    public OsciMessageId seedDelivery(X509Certificate addresseeCipher, String subject, byte[] contentPackage) {
        return engine.seed(addresseeCipher, subject, contentPackage, Map.of(), null);
    }

    /** Seeds a delivery with attachments and an optional verbatim MessageMetaData header element. */
    public OsciMessageId seedDelivery(X509Certificate addresseeCipher, String subject, byte[] contentPackage,
            Map<String, byte[]> attachments, String messageMetaData) {
        return engine.seed(addresseeCipher, subject, contentPackage, attachments, messageMetaData);
    }

    public List<ProcessCard> processCards(X509Certificate addresseeCipher) {
        return engine.processCards(addresseeCipher);
    }

    public void injectOnce(Fault fault) {
        engine.injectOnce(fault);
    }

    public void injectAlways(Fault fault) {
        engine.injectAlways(fault);
    }

    public void slowDelay(Duration delay) {
        this.slowDelay = delay;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                byte[] msg = "OSCI 1.2 simulator: POST OSCI messages here\n".getBytes();
                ex.sendResponseHeaders(405, msg.length);
                ex.getResponseBody().write(msg);
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            IntermediaryEngine.Answer a;
            try {
                a = engine.handle(body);
            } catch (RuntimeException e) {
                a = new IntermediaryEngine.Answer(500, ("simulator error: " + e).getBytes(), null, null, null);
            }
            if (a.transportFault() == Fault.SLOW) {
                try {
                    stopping.await(slowDelay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ex.getResponseHeaders().set("Content-Type", a.status() == 200 ? "text/xml" : "text/plain");
            ex.sendResponseHeaders(a.status(), a.body().length);
            OutputStream out = ex.getResponseBody();
            if (a.transportFault() == Fault.DROP_CONNECTION) {
                out.write(a.body(), 0, a.body().length / 2);
                out.flush();
                ex.getHttpContext().getServer(); // keep reference; closing below cuts the connection
                throw new IOException("simulated connection drop");
            }
            out.write(a.body());
        } catch (IOException | RuntimeException e) {
            // connection drop (simulated or real): the exchange is closed by try-with-resources
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
