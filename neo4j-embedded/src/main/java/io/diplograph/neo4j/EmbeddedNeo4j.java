package io.diplograph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community embedded with a Bolt connector on loopback.
 *
 * <p>The protocol with the Node parent is line based on stdout: one {@code NEO4J_READY ...} line once the default
 * database answers, or one {@code NEO4J_ERROR ...} line before a non-zero exit. The JVM also exits when its stdin
 * reaches end of file, so that a parent that dies without signalling (SIGKILL, crash) never leaves an orphan holding
 * the store lock.
 */
public final class EmbeddedNeo4j {
  private static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;

  private EmbeddedNeo4j() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      fail(2, "bad argument: " + e.getMessage());
      return;
    }

    DatabaseManagementService service;
    try {
      Files.createDirectories(options.home);
      service = new DatabaseManagementServiceBuilder(options.home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress(options.host, options.port))
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes)
          .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, options.txMemoryBytes)
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, options.preallocateLogs)
          .build();
    } catch (Throwable e) {
      fail(3, describe(e));
      return;
    }

    AtomicBoolean stopped = new AtomicBoolean(false);
    CountDownLatch done = new CountDownLatch(1);
    Runnable stop = () -> {
      if (stopped.compareAndSet(false, true)) {
        try {
          service.shutdown();
        } finally {
          done.countDown();
        }
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

    GraphDatabaseService db = service.database(DATABASE);
    if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
      stop.run();
      fail(4, "database '" + DATABASE + "' did not become available; see " + options.home.resolve("logs"));
      return;
    }
    System.out.println("NEO4J_READY bolt://" + options.host + ":" + options.port + " home=" + options.home);
    System.out.flush();

    Thread stdinWatcher = new Thread(() -> {
      waitForEndOfInput(System.in);
      stop.run();
      System.exit(0);
    }, "parent-watch");
    stdinWatcher.setDaemon(true);
    stdinWatcher.start();

    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitForEndOfInput(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // The parent never writes; any bytes are ignored. Only end of file matters.
      }
    } catch (IOException ignored) {
      // A broken pipe means the parent is gone, the same as end of file.
    }
  }

  private static String describe(Throwable e) {
    StringBuilder message = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (message.length() > 0) {
        message.append(" <- ");
      }
      message.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
      String text = String.valueOf(t.getMessage()).toLowerCase();
      if (text.contains("lock")) {
        return "store is locked: another Neo4j process is using this data folder (" + message + ")";
      }
      if (text.contains("address already in use") || text.contains("bind")) {
        return "bolt port is already in use (" + message + ")";
      }
    }
    return message.toString();
  }

  private static void fail(int code, String message) {
    System.out.println("NEO4J_ERROR " + message.replace('\n', ' '));
    System.out.flush();
    System.exit(code);
  }

  /** Command-line options: --home DIR --port N [--host H] [--page-cache BYTES] [--tx-memory BYTES] [--preallocate]. */
  private static final class Options {
    Path home;
    String host = "127.0.0.1";
    int port = 7687;
    long pageCacheBytes = 256L * 1024 * 1024;
    long txMemoryBytes = 512L * 1024 * 1024;
    boolean preallocateLogs = false;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (name.equals("--preallocate")) {
          o.preallocateLogs = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args[++i];
        switch (name) {
          case "--home" -> o.home = Path.of(value).toAbsolutePath();
          case "--host" -> o.host = value;
          case "--port" -> o.port = Integer.parseInt(value);
          case "--page-cache" -> o.pageCacheBytes = Long.parseLong(value);
          case "--tx-memory" -> o.txMemoryBytes = Long.parseLong(value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (o.home == null) {
        throw new IllegalArgumentException("--home is required");
      }
      if (o.port < 1 || o.port > 65535) {
        throw new IllegalArgumentException("--port must be 1..65535");
      }
      return o;
    }
  }
}
