package graphload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Runs a real Neo4j Community 5.26 server in this JVM via neo4j-harness, for graphload's
 * integration tests, CI and local use without Docker. Started/stopped by scripts/neo4j-local.
 *
 * Usage: java -cp ... graphload.Neo4jLocal BASE_DIR   (BASE_DIR defaults to $NEO4J_LOCAL_DIR)
 *   BASE_DIR/data     databases + transaction logs + users (persist across restarts)
 *   BASE_DIR/logs     Neo4j debug.log etc.
 *   BASE_DIR/plugins  symlinks to the APOC jars (recreated on every start)
 *   BASE_DIR/run      harness scratch "home" (random sub dir, deleted on clean shutdown)
 * Env: NEO4J_BOLT_PORT (7687), NEO4J_HTTP_PORT (7474), NEO4J_PASSWORD (graphload, >= 8 chars).
 */
public final class Neo4jLocal {
    public static void main(String[] args) throws Exception {
        String baseArg = args.length > 0 ? args[0] : System.getenv("NEO4J_LOCAL_DIR");
        if (baseArg == null || baseArg.isBlank()) {
            System.err.println("usage: Neo4jLocal BASE_DIR (or set NEO4J_LOCAL_DIR)");
            System.exit(2);
        }
        Path base = Path.of(baseArg).toAbsolutePath();
        int boltPort = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        int httpPort = Integer.parseInt(env("NEO4J_HTTP_PORT", "7474"));
        String password = env("NEO4J_PASSWORD", "graphload");
        if (password.length() < 8) { // Neo4j 5 default dbms.security.auth_minimum_password_length
            System.err.println("neo4j-local: NEO4J_PASSWORD must be at least 8 characters");
            System.exit(2);
        }

        Path data = Files.createDirectories(base.resolve("data"));
        Path logs = Files.createDirectories(base.resolve("logs"));
        Path plugins = linkApocPlugins(Files.createDirectories(base.resolve("plugins")));
        Path run = Files.createDirectories(base.resolve("run"));

        // newInProcessBuilder(dir) uses a random sub directory of `run` as NEO4J_HOME and deletes
        // it on close(). Pointing data_directory outside of it is what makes the data persist.
        // The harness defaults (auth off, random localhost ports, 8m page cache) are overridden here.
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(run)
                .withConfig(GraphDatabaseSettings.data_directory, data)
                .withConfig(GraphDatabaseSettings.logs_directory, logs)
                .withConfig(GraphDatabaseSettings.plugin_dir, plugins)
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                .withConfig(GraphDatabaseSettings.pagecache_memory, 512L * 1024 * 1024)
                .withConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                // advertised = what http://.../ discovery (and thus Browser) tells clients to connect to
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .withConfig(HttpConnector.enabled, true)
                .withConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", httpPort))
                .withConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", httpPort))
                .build();

        // SIGTERM (scripts/neo4j-local stop) -> clean shutdown, so the store is not left dirty.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j-local: shutting down");
            neo4j.close();
            stopped.countDown();
        }));

        try {
            setPassword(neo4j, password);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            System.err.println("neo4j-local: could not set the password of user neo4j: " + root.getMessage());
            System.exit(1); // runs the shutdown hook, which closes Neo4j
        }
        // scripts/neo4j-local waits for this exact line in the log.
        System.out.println("neo4j-local: READY bolt=" + neo4j.boltURI() + " http=" + neo4j.httpURI()
                + " data=" + data);
        stopped.await();
    }

    /**
     * With auth on, a fresh system database has user neo4j/neo4j with "password change required",
     * which drivers cannot use. Embedded transactions bypass auth, so set the real password directly
     * (runs on every start, so changing NEO4J_PASSWORD takes effect on the next start).
     */
    private static void setPassword(Neo4j neo4j, String password) {
        var system = neo4j.databaseManagementService().database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to its current value: that means it is already set.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
        }
    }

    /** Neo4j only registers procedures found in jars of the plugins directory, not on the classpath. */
    private static Path linkApocPlugins(Path plugins) throws Exception {
        try (var old = Files.list(plugins)) {
            for (Path p : (Iterable<Path>) old::iterator) Files.deleteIfExists(p);
        }
        for (String cls : new String[] {"apoc.help.Help", "apoc.ApocConfig"}) {
            Path jar = Path.of(Class.forName(cls).getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.createSymbolicLink(plugins.resolve(jar.getFileName()), jar);
        }
        return plugins;
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
