package uk.org.lxp.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

/**
 * Real PostgreSQL binaries (from Maven Central) on 127.0.0.1, with its data kept between runs. Each service gets its
 * own database and its own login, which may connect to that database only.
 */
final class EmbeddedDatabase implements Component {

    private final EmbeddedPostgres postgres;
    private final ProcessHandle postmaster;
    private final Path log;

    private EmbeddedDatabase(EmbeddedPostgres postgres, ProcessHandle postmaster, Path log) {
        this.postgres = postgres;
        this.postmaster = postmaster;
        this.log = log;
    }

    static EmbeddedDatabase start(Path dataDirectory, int port, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    // The data outlives the run, so it is written as safely as a server's (the library's test defaults turn this off).
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setDataDirectoryCustomizer(directory -> requirePasswords(directory.toPath()))
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new EmbeddedDatabase(postgres, postmaster(dataDirectory), log);
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL did not start: " + e.getMessage() + "\n" + LogFiles.tail(log, 25), e);
        }
    }

    /** pg_ctl starts the server and exits; the server's own process id is the first line of postmaster.pid. */
    private static ProcessHandle postmaster(Path dataDirectory) throws IOException {
        String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).trim();
        return ProcessHandle.of(Long.parseLong(pid))
                .orElseThrow(() -> new IOException("PostgreSQL's postmaster (pid " + pid + ") is not running"));
    }

    /**
     * The superuser (used only by this launcher) is trusted on loopback, as initdb set it up; every other login
     * needs its password.
     */
    private static void requirePasswords(Path dataDirectory) {
        String rules = String.join("\n",
                "# Written by ./lxp: only the launcher's superuser is trusted; service logins need their password.",
                "local all postgres trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "");
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), rules, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("Could not write pg_hba.conf: " + e.getMessage(), e);
        }
    }

    /** Creates the database and its login if they are missing, and (re)sets the login's password. */
    void ensureDatabase(String database, String login, String password) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", login)) {
                statement.execute("create role " + login + " login");
            }
            if (!password.matches("[A-Za-z0-9_-]+")) {
                throw new StackException("The password of " + login + " in credentials.properties has characters other than A-Z, a-z, 0-9, _ and -");
            }
            statement.execute("alter role " + login + " password '" + password + "'");
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                statement.execute("create database " + database + " owner " + login);
                statement.execute("revoke connect on database " + database + " from public");
                statement.execute("grant connect on database " + database + " to " + login);
            }
        } catch (SQLException e) {
            throw new StackException("Could not prepare database " + database + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public long pid() {
        return postmaster.pid();
    }

    @Override
    public boolean isAlive() {
        return postmaster.isAlive();
    }

    @Override
    public CompletableFuture<?> onExit() {
        return postmaster.onExit();
    }

    /**
     * pg_ctl's fast shutdown: clients still connected (the services, when the database alone is stopped for a drill)
     * are disconnected and the server ends cleanly; signals only if that fails.
     */
    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException failed) {
            // Stopped by signal below.
        }
        if (postmaster.isAlive()) {
            Processes.stop(postmaster);
        }
    }

    @Override
    public Path log() {
        return log;
    }
}
