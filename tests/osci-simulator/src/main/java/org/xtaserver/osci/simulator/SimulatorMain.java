package org.xtaserver.osci.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import org.xtaserver.osci.crypto.Certificates;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.message.OsciMessageId;

/**
 * {@code java -jar osci-simulator.jar --port N [--keys DIR] [--pin PIN] [--fault NAME] [--slow-ms MS]
 * [--export-certs DIR] [--seed ADDRESSEE_CERT SUBJECT CONTENT_FILE]}.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8099;
        Path keysDir = null;
        char[] pin = SimulatorKeys.TEST_PIN;
        Fault fault = null;
        Duration slow = Duration.ofSeconds(5);
        Path export = null;
        java.util.List<String[]> seeds = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--keys" -> keysDir = Path.of(args[++i]);
                case "--pin" -> pin = args[++i].toCharArray();
                case "--fault" -> fault = Fault.valueOf(args[++i].toUpperCase().replace('-', '_'));
                case "--slow-ms" -> slow = Duration.ofMillis(Long.parseLong(args[++i]));
                case "--export-certs" -> export = Path.of(args[++i]);
                case "--seed" -> seeds.add(new String[] {args[++i], args[++i], args[++i]});
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
        }
        Clock clock = Clock.systemUTC();
        SimulatorKeys keys = keysDir == null ? SimulatorKeys.generate(clock.instant(), new SecureRandom())
                : SimulatorKeys.load(keysDir, pin);
        OsciSimulator sim = OsciSimulator.start(port, keys, clock);
        sim.slowDelay(slow);
        if (fault != null) {
            sim.injectAlways(fault);
        }
        if (export != null) {
            Files.createDirectories(export);
            Files.write(export.resolve("intermediary-cipher.cer"), Certificates.der(keys.cipher().certificate()));
            Files.write(export.resolve("intermediary-signature.cer"), Certificates.der(keys.signature().certificate()));
        }
        for (String[] s : seeds) {
            OsciMessageId id = sim.seedDelivery(Credentials.certificate(Path.of(s[0])), s[1],
                    Files.readAllBytes(Path.of(s[2])));
            System.out.println("seeded " + id.wire() + " (" + id.plain() + ") for " + s[0]);
        }
        System.out.println("OSCI 1.2 simulator (TEST KEYS " + (keysDir == null ? "generated" : "from " + keysDir)
                + ") listening on " + sim.uri() + (fault == null ? "" : " with fault " + fault));
        System.out.println("intermediary cipher certificate: "
                + Base64.getEncoder().encodeToString(Certificates.der(keys.cipher().certificate())));
        System.out.println("intermediary signature certificate: "
                + Base64.getEncoder().encodeToString(Certificates.der(keys.signature().certificate())));
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            forever.countDown();
        }));
        forever.await();
    }

    private static void usage() {
        System.out.println("""
                usage: java -jar osci-simulator.jar [--port N] [--keys DIR [--pin PIN]] [--fault NAME] [--slow-ms MS]
                                                    [--export-certs DIR] [--seed ADDRESSEE_CERT SUBJECT CONTENT_FILE]...
                  --keys DIR      intermediary-cipher.p12 and intermediary-signature.p12 (default PIN 123456);
                                  without it fresh TEST keys are generated
                  --fault NAME    on every response: DROP_CONNECTION, HTTP_500, SLOW, WRONG_SIGNATURE,
                                  WRONG_CHALLENGE, EXPIRED_CERTIFICATE
                  --export-certs  write the intermediary certificates (DER) for client configuration
                  --seed          store a delivery (ContentPackage content from CONTENT_FILE) for the addressee
                                  whose cipher certificate (DER/PEM) is ADDRESSEE_CERT""");
    }
}
