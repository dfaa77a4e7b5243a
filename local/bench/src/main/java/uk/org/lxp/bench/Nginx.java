package uk.org.lxp.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import uk.org.lxp.stack.Processes;

/**
 * Debian's nginx as a plain reverse proxy in front of one service: the yardstick for what a proxy hop should cost.
 * It keeps connections to the service open, as the gateway does, and logs nothing per request.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Nginx start(Path directory, int port, int upstreamPort) {
        try {
            Files.createDirectories(directory.resolve("temp"));
            Path configuration = directory.resolve("nginx.conf");
            Files.writeString(configuration, configuration(directory, port, upstreamPort));
            Process process = new ProcessBuilder("nginx", "-p", directory.toString(), "-c", configuration.toString(),
                    "-e", directory.resolve("error.log").toString())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("nginx.out").toFile())
                    .start();
            Nginx nginx = new Nginx(process, port);
            nginx.awaitListening(Duration.ofSeconds(10));
            return nginx;
        } catch (IOException e) {
            throw new BenchException("Could not start nginx (apt-get install nginx): " + e.getMessage(), e);
        }
    }

    /** One worker per core, upstream keep-alive, no access log: nginx as a deployment would tune it for proxying. */
    static String configuration(Path directory, int port, int upstreamPort) {
        Path temp = directory.resolve("temp");
        return String.join("\n",
                "daemon off;",
                "worker_processes auto;",
                "pid " + directory.resolve("nginx.pid") + ";",
                "error_log " + directory.resolve("error.log") + " warn;",
                "events { worker_connections 1024; }",
                "http {",
                "  access_log off;",
                "  client_body_temp_path " + temp.resolve("body") + ";",
                "  proxy_temp_path " + temp.resolve("proxy") + ";",
                "  fastcgi_temp_path " + temp.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + temp.resolve("uwsgi") + ";",
                "  scgi_temp_path " + temp.resolve("scgi") + ";",
                "  upstream service { server 127.0.0.1:" + upstreamPort + "; keepalive 64; }",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    location / {",
                "      proxy_pass http://service;",
                "      proxy_http_version 1.1;",
                "      proxy_set_header Connection \"\";",
                "      proxy_set_header Host $http_host;",
                "      proxy_set_header X-Forwarded-For $remote_addr;",
                "    }",
                "  }",
                "}",
                "");
    }

    /** nginx's master process; its workers are its children. */
    ProcessHandle process() {
        return process.toHandle();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    static String version(Path directory) {
        return Commands.firstLine(List.of("nginx", "-v"), directory).replace("nginx version: ", "");
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new BenchException("nginx exited at start (exit " + process.exitValue() + "); see its error.log");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Pauses.briefly();
            }
        }
        throw new BenchException("nginx did not listen on " + port + " within " + timeout.toSeconds() + " s");
    }

    @Override
    public void close() {
        Processes.stop(process.toHandle());
    }
}
