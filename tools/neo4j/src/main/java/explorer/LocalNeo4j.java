package explorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * A real Neo4j Community server for development and tests, started through
 * Neo4j's own embedding API with the Bolt connector on 127.0.0.1. It runs in
 * the foreground, prints "ready bolt://127.0.0.1:PORT" once Bolt accepts
 * connections, and shuts the databases down cleanly on SIGINT or SIGTERM.
 *
 * Arguments: HOME (the folder for databases and logs; "--temp" for a new
 * temporary folder deleted on exit) and PORT. The password comes from the
 * environment (NEO4J_PASSWORD), not the command line, so it never shows in ps.
 */
public final class LocalNeo4j {
    private static final String USER = "neo4j";
    /** Where the fingerprint of the password last set is kept, in the home folder. */
    private static final String PASSWORD_MARK = "explorer-password.sha256";

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            fail("usage: LocalNeo4j HOME|--temp PORT");
        }
        boolean temporary = args[0].equals("--temp");
        Path home = temporary ? Files.createTempDirectory("local-neo4j-") : Path.of(args[0]).toAbsolutePath();
        int port = parsePort(args[1]);
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
        if (password.length() < 8) {
            fail("NEO4J_PASSWORD must have 8 characters or more (Neo4j's minimum); got " + password.length());
        }
        Files.createDirectories(home);
        boolean firstStart = !Files.exists(home.resolve("data").resolve("databases").resolve("system"));
        if (firstStart) {
            writeInitialPassword(home, password);
            Files.writeString(home.resolve(PASSWORD_MARK), fingerprint(password) + "\n");
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // Small and fixed: a development server on a shared machine.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb()))
                    // Stop in about a second instead of ten: Bolt otherwise waits
                    // 5 s for connections and 5 s more for its threads on shutdown.
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                    .build();
        } catch (RuntimeException e) {
            deleteQuietly(temporary ? home : null);
            fail("Neo4j did not start on 127.0.0.1:" + port + ": " + rootMessage(e)
                    + " (is the port taken? set NEO4J_BOLT_PORT)");
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping Neo4j");
            dbms.shutdown();
            deleteQuietly(temporary ? home : null);
            System.out.println("stopped");
            stopped.countDown();
        }, "local-neo4j-shutdown"));

        try {
            if (!firstStart) {
                updatePassword(dbms, home, password);
            }
            if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(TimeUnit.MINUTES.toMillis(2))) {
                fail("the database \"neo4j\" did not come online within two minutes");
            }
            awaitBolt(port);
        } catch (RuntimeException | IOException e) {
            // Neo4j's own threads would keep the JVM alive after main fails:
            // exit, which runs the shutdown hook.
            fail("Neo4j started but could not be made ready: " + rootMessage(e));
        }
        System.out.println("neo4j " + org.neo4j.kernel.internal.Version.getNeo4jVersion() + " home " + home);
        System.out.println("ready bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    /**
     * A new home: write the initial password file, as `neo4j-admin dbms
     * set-initial-password` does, so the first start creates the neo4j user
     * with our password and no Cypher has to run before "ready".
     */
    private static void writeInitialPassword(Path home, String password) throws IOException {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        FileUserRepository users = new FileUserRepository(
                new DefaultFileSystemAbstraction(), file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
        try {
            users.start();
            users.create(new User(USER, null,
                    SystemGraphCredential.createCredentialForPassword(password.getBytes(StandardCharsets.UTF_8), new SecureHasher()),
                    false, false));
            users.shutdown();
        } catch (Exception e) {
            throw new IOException("could not write the initial password file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * An existing home: the user exists. When NEO4J_PASSWORD differs from the
     * one last set here (a fingerprint is kept in the home), change it.
     * Embedded transactions run with full rights, which is what allows this
     * without logging in. Skipped when unchanged: the first Cypher statement
     * costs seconds of query-compiler warm-up.
     */
    private static void updatePassword(DatabaseManagementService dbms, Path home, String password) throws IOException {
        Path mark = home.resolve(PASSWORD_MARK);
        String fingerprint = fingerprint(password);
        if (Files.exists(mark) && Files.readString(mark).trim().equals(fingerprint)) {
            return;
        }
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to itself: it is already ours.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
        Files.writeString(mark, fingerprint + "\n");
    }

    /** A salted SHA-256 of the password: enough to tell whether it changed, useless for logging in. */
    private static String fingerprint(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("local-neo4j:" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    fail("Bolt did not accept connections on 127.0.0.1:" + port + " within a minute");
                }
                Thread.sleep(100);
            }
        }
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail("PORT must be a number from 1 to 65535; got \"" + text + "\"");
        return -1;
    }

    private static long pageCacheMb() {
        String value = System.getenv().getOrDefault("NEO4J_PAGECACHE_MB", "256");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            fail("NEO4J_PAGECACHE_MB must be a whole number of megabytes; got \"" + value + "\"");
            return -1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder out = new StringBuilder(String.valueOf(t.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            out.append(": ").append(t.getMessage());
        }
        return out.toString();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder the OS cleans up anyway
        }
    }

    private static void fail(String message) {
        System.err.println("local-neo4j: " + message);
        System.exit(1);
    }
}
